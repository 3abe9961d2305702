using System.Text;
using ActionPlan.Input;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// Broken inputs through the real `build` command: each gives a located Japanese error, exits non-zero without a stack
/// trace, and leaves the previously built output byte-identical (and its timestamps untouched).
/// </summary>
public class MalformedBuildTests
{
    public sealed record Case(string Name, Action<Repo.TempDir> Break, string File, bool HasLine = true, string? Code = null)
    {
        public override string ToString() => Name;
    }

    private static void Edit(Repo.TempDir d, string file, string from, string to)
    {
        var path = d["input/" + file];
        var text = System.IO.File.ReadAllText(path);
        Assert.Contains(from, text);
        System.IO.File.WriteAllText(path, text.Replace(from, to), new UTF8Encoding(true));
    }

    private static void Write(Repo.TempDir d, string file, string text) => System.IO.File.WriteAllText(d["input/" + file], text, new UTF8Encoding(false));
    private static void Bytes(Repo.TempDir d, string file, byte[] bytes) => System.IO.File.WriteAllBytes(d["input/" + file], bytes);
    private static void Append(Repo.TempDir d, string file, string row) => System.IO.File.AppendAllText(d["input/" + file], row + "\r\n");
    private const string Header = "年度,区分,内容,指標,目標値,実績値,単位,目標の種類,達成度対象,公表達成度";
    private const string Donation = "寄附金額,8億円,5.59億円,円,以上,※";

    public static readonly Case[] Cases =
    [
        // encodings and bytes
        new("neither UTF-8 nor Shift_JIS", d => Bytes(d, "items/05.csv", [.. Encoding.UTF8.GetBytes(Header + "\r\nR4,実績,"), 0x81, 0x20, 0xFF, 0x0D, 0x0A]), "items/05.csv", false, "encoding-unknown"),
        new("mixed UTF-8 and Shift_JIS", d => Bytes(d, "items/05.csv", [.. Encoding.UTF8.GetBytes(Header + "\r\n"), .. TextDecoder.ShiftJis.GetBytes("R4,実績,寄附,,,,,,,\r\n")]), "items/05.csv", false),
        new("NUL bytes in a CSV", d => Bytes(d, "items/05.csv", [.. Encoding.UTF8.GetBytes(Header + "\r\nR4,実績,a"), 0, 0, (byte)'\r', (byte)'\n']), "items/05.csv", true, "file-nul"),
        new("NUL bytes in Markdown", d => Bytes(d, "items/05.md", [.. Encoding.UTF8.GetBytes("---\n番号: 5\n"), 0, .. Encoding.UTF8.GetBytes("\n---\n")]), "items/05.md", true, "file-nul"),
        new("binary file as CSV", d => Bytes(d, "items/05.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "items/05.csv", true, "file-nul"),
        // truncated and empty files
        new("CSV cut inside a quoted value", d => Write(d, "items/05.csv", Header + "\r\nR4,実績,\"寄附金額8億円との計画"), "items/05.csv", true, "csv-malformed"),
        new("Markdown cut inside the front matter", d => Write(d, "items/05.md", "---\n番号: 5\n項目名: ふるさと"), "items/05.md", true, "front-matter-unclosed"),
        new("empty Markdown", d => Write(d, "items/05.md", ""), "items/05.md", true, "front-matter-missing"),
        new("empty CSV", d => Write(d, "items/05.csv", ""), "items/05.csv", true, "csv-empty"),
        new("CSV with only a BOM", d => Bytes(d, "items/05.csv", [0xEF, 0xBB, 0xBF]), "items/05.csv", true, "csv-empty"),
        new("empty policies.csv", d => Write(d, "policies.csv", "\r\n\r\n"), "policies.csv", true, "csv-empty"),
        new("empty plan.md", d => Write(d, "plan.md", ""), "plan.md", true, "front-matter-missing"),
        // headers
        new("missing header", d => Edit(d, "items/05.csv", "年度,区分,内容", "区分,内容"), "items/05.csv", true, "csv-missing-column"),
        new("duplicated header", d => Edit(d, "items/05.csv", "公表達成度", "年度"), "items/05.csv", true, "csv-duplicate-column"),
        new("unknown header", d => Edit(d, "items/05.csv", "公表達成度", "公表達成度,備考"), "items/05.csv", true, "csv-unknown-column"),
        new("empty header cell", d => Edit(d, "items/05.csv", "達成度対象,公表達成度", "達成度対象,,公表達成度"), "items/05.csv", true, "csv-empty-header"),
        new("header row missing entirely", d => Write(d, "items/05.csv", "R4,実績,寄附,,,,,,,\r\n"), "items/05.csv", true, "csv-unknown-column"),
        new("policies.csv without 名称", d => Edit(d, "policies.csv", "表記,名称", "表記"), "policies.csv", true),
        // rows
        new("extra column in a row", d => Append(d, "items/05.csv", "R6,計画,行,,,,,,,,余分"), "items/05.csv", true, "csv-extra-field"),
        new("huge cell", d => Append(d, "items/05.csv", "R6,計画," + new string('あ', 30_000) + ",,,,,,,"), "items/05.csv", true, "csv-huge-cell"),
        new("blank year", d => Append(d, "items/05.csv", ",計画,行,,,,,,,"), "items/05.csv", true, "csv-missing-field"),
        new("year outside the period", d => Append(d, "items/05.csv", "R12,計画,行,,,,,,,"), "items/05.csv", true, "year-out-of-period"),
        new("unreadable year", d => Append(d, "items/05.csv", "来年度,計画,行,,,,,,,"), "items/05.csv", true, "year-unparseable"),
        new("unknown 区分", d => Append(d, "items/05.csv", "R5,予定,行,,,,,,,"), "items/05.csv", true, "csv-unknown-kind"),
        new("unparseable value", d => Edit(d, "items/05.csv", Donation, "寄附金額,8億円,たくさん,円,以上,※"), "items/05.csv", true, "value-unparseable"),
        new("± left in", d => Edit(d, "items/15.csv", "\"+5,100時間\"", "\"±5,100時間\""), "items/15.csv", true, "value-unparseable"),
        new("decimal comma left in", d => Edit(d, "items/15.csv", "12日,10.93日", "12日,\"10,93日\""), "items/15.csv", true, "value-unparseable"),
        new("counted without target", d => Edit(d, "items/05.csv", Donation, "寄附金額,,5.59億円,円,以上,※"), "items/05.csv", true, "counted-without-target"),
        new("counted without actual", d => Edit(d, "items/05.csv", Donation, "寄附金額,8億円,,円,以上,※"), "items/05.csv", true, "counted-without-actual"),
        new("unknown target kind", d => Edit(d, "items/05.csv", Donation, "寄附金額,8億円,5.59億円,円,未満,※"), "items/05.csv", true, "target-kind-unknown"),
        new("two published figures for one year", d => Edit(d, "items/05.csv", "以上,※,", "以上,※,65%"), "items/05.csv", true, "published-conflict"),
        new("published figure on a plan row", d => Append(d, "items/05.csv", "R6,計画,行,,,,,,,50%"), "items/05.csv", true, "published-on-plan"),
        new("unit disagreeing with its column", d => Edit(d, "items/05.csv", Donation, "寄附金額,8億円,5.59億ドル,円,以上,※"), "items/05.csv", true, "unit-mismatch"),
        // front matter and Markdown
        new("broken YAML", d => Edit(d, "items/05.md", "番号: 5", "番号: [5"), "items/05.md", true, "front-matter-syntax"),
        new("front matter that is a list", d => Write(d, "items/05.md", "---\n- 5\n- ふるさと\n---\n\n## 現状・課題\n\n- a\n\n## 目標\n\n- b\n"), "items/05.md", true, "front-matter-shape"),
        new("duplicated front matter key", d => Edit(d, "items/05.md", "番号: 5\n", "番号: 5\n番号: 6\n"), "items/05.md", true),
        new("unknown front matter key", d => Edit(d, "items/05.md", "番号: 5\n", "番号: 5\n担当者: 山田\n"), "items/05.md", true, "front-matter-unknown-key"),
        new("missing 番号", d => Edit(d, "items/05.md", "番号: 5\n", ""), "items/05.md", true, "front-matter-missing-field"),
        new("番号 not a number", d => Edit(d, "items/05.md", "番号: 5", "番号: 五"), "items/05.md", true, "item-number"),
        new("duplicate item numbers", d => Edit(d, "items/05.md", "番号: 5", "番号: 4"), "items/05.md", true, "item-duplicate-number"),
        new("unknown policy", d => Edit(d, "items/05.md", "実施方針: \"1-2\"", "実施方針: \"4\""), "items/05.md", true, "item-unknown-policy"),
        new("deeply nested Markdown", d => System.IO.File.AppendAllText(d["input/items/05.md"], "\n" + new string('>', 20_000) + " x\n"), "items/05.md", true, "markdown-too-deep"),
        new("nested bullets", d => Edit(d, "items/05.md", "- 特産品", "- 親\n  - 特産品"), "items/05.md", true, "markdown-nested"),
        new("stray paragraph", d => Edit(d, "items/05.md", "## 目標\n", "## 目標\n\n説明の文。\n"), "items/05.md", true, "markdown-stray-paragraph"),
        new("missing section", d => Edit(d, "items/05.md", "## 目標", "## 現状・課題"), "items/05.md", true),
        new("unknown section", d => Edit(d, "items/05.md", "## 目標", "## 成果"), "items/05.md", true, "markdown-unknown-section"),
        new("unsafe link in a chapter", d => System.IO.File.AppendAllText(d["input/chapters/1.md"], "\n[x](javascript:alert(1))\n"), "chapters/1.md", true, "markdown-unsafe-link"),
        new("bad chapter label", d => Edit(d, "chapters/1.md", "章: 第1", "章: まえがき"), "chapters/1.md", true, "chapter-label"),
        new("duplicate policy code", d => Edit(d, "policies.csv", "1-2,1,(2)", "1-1,1,(2)"), "policies.csv", true, "policy-duplicate"),
        new("reversed plan period", d => Edit(d, "plan.md", "終了年度: R8", "終了年度: R2"), "plan.md", true, "plan-period-reversed"),
        new("unreadable publication month", d => Edit(d, "plan.md", "公表: 2024-02", "公表: 来月"), "plan.md", true, "plan-published-unparseable"),
        // files
        new("CSV that is a folder", d => { System.IO.File.Delete(d["input/items/05.csv"]); Directory.CreateDirectory(d["input/items/05.csv"]); }, "items/05.csv", false, "file-is-directory"),
        new("Markdown without its CSV", d => System.IO.File.Delete(d["input/items/05.csv"]), "items/05.csv", false, "file-missing"),
        new("CSV without its Markdown", d => System.IO.File.Delete(d["input/items/05.md"]), "items/05.md", false, "file-missing"),
        new("plan.md missing", d => System.IO.File.Delete(d["input/plan.md"]), "plan.md", false, "file-missing"),
        new("items folder missing", d => Directory.Delete(d["input/items"], true), "items", false, "items-missing"),
        new("symbolic link loop", d => { System.IO.File.Delete(d["input/items/05.csv"]); System.IO.File.CreateSymbolicLink(d["input/items/05.csv"], d["input/items/05.csv"]); }, "items/05.csv", false),
    ];

    public static TheoryData<Case> All => new(Cases);

    [Fact]
    public void There_are_at_least_forty_cases() => Assert.True(Cases.Length >= 40, $"{Cases.Length} cases");

    [Theory]
    [MemberData(nameof(All))]
    public void A_broken_input_is_reported_and_the_previous_output_is_kept(Case c)
    {
        using var dir = Repo.CopyOf();
        var output = dir["_site"];
        Repo.Copy(GoodSite.Value, output);
        var before = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => (System.IO.File.ReadAllBytes(f), System.IO.File.GetLastWriteTimeUtc(f)));

        c.Break(dir);
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);

        Assert.NotEqual(0, run.ExitCode);
        var errors = run.Err.Split('\n').Where(l => l.Contains("エラー") && l.Contains(c.File)).ToList();
        Assert.True(errors.Count > 0, $"no error naming {c.File}:\n{run.Err}");
        if (c.HasLine) Assert.Contains(errors, e => System.Text.RegularExpressions.Regex.IsMatch(e, System.Text.RegularExpressions.Regex.Escape(c.File) + @":\d+"));
        if (c.Code is not null) Assert.Contains(errors, e => e.Contains($"({c.Code})"));
        Assert.DoesNotContain("   at ", run.Err);
        Assert.DoesNotContain("予期しない", run.Err);
        var after = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.Equal(before.Keys.Order(), after.Order());
        foreach (var (file, (bytes, stamp)) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(System.IO.File.ReadAllBytes(file)), $"{file} changed");
            Assert.Equal(stamp, System.IO.File.GetLastWriteTimeUtc(file));
        }
    }

    private static readonly Lazy<string> GoodSite = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "apsite-good-" + Environment.ProcessId);
        if (!Directory.Exists(path))
            Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", path, "--theme", Repo.Theme, "--quiet").ExitCode);
        return path;
    });
}
