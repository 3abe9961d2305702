using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Input;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// Realistic mistakes of the PR division (Excel saves, Notepad edits, Explorer copies, typos, wrong years, lost units,
/// unfinished years), each through the real `build`: exit ≠ 0, a Japanese message naming the file (and line and field
/// where there is one) with a fix after 「→」, no stack trace, and the previously published output byte-identical.
/// Mistakes that only stop publishing (公開不可) must still build with --draft.
/// </summary>
public class StafferMistakeTests
{
    /// <param name="Line">The line the message must name (null: the message names the file only).</param>
    /// <param name="Draftable">Only the publish gate objects: `build --draft` succeeds.</param>
    public sealed record Mistake(string Name, Action<Repo.TempDir> Make, string File, int? Line, string? Field, string Code, bool Draftable = false)
    {
        public override string ToString() => Name;
    }

    private static void Edit(Repo.TempDir d, string file, string from, string to, Encoding? encoding = null)
    {
        var path = d["input/" + file];
        var text = System.IO.File.ReadAllText(path);
        Assert.Contains(from, text);
        System.IO.File.WriteAllText(path, text.Replace(from, to), encoding ?? new UTF8Encoding(true));
    }

    /// <summary>What Excel does on 「CSV (コンマ区切り)」: Shift_JIS, with 「?」 for every character Shift_JIS lacks.</summary>
    private static void SaveAsShiftJis(Repo.TempDir d, string file)
    {
        _ = TextDecoder.ShiftJis;   // registers the code pages
        var excel = Encoding.GetEncoding(932, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
        var path = d["input/" + file];
        System.IO.File.WriteAllBytes(path, excel.GetBytes(System.IO.File.ReadAllText(path)));
    }

    private static void Append(Repo.TempDir d, string file, string row) => System.IO.File.AppendAllText(d["input/" + file], row + "\r\n");

    private const string Donation = "寄附金額,8億円,5.59億円,円,以上,※";

    public static readonly Mistake[] Mistakes =
    [
        // Excel opening and saving CSV files
        new("Excel turns the policy code 1-1 into a date", d => Edit(d, "policies.csv", "1-1,1,(1)", "1月1日,1,(1)"), "policies.csv", 3, "コード", "policy-code-excel-date"),
        new("Excel turns the policy code 1-2 into 2024/1/2", d => Edit(d, "policies.csv", "1-2,1,(2)", "2024/1/2,1,(2)"), "policies.csv", 4, "コード", "policy-code-excel-date"),
        new("Excel turns the label (1) into -1", d => Edit(d, "policies.csv", "1-1,1,(1)", "1-1,1,-1"), "policies.csv", 3, "表記", "policy-label-excel-negative"),
        new("Shift_JIS save turns — into ?", d => SaveAsShiftJis(d, "items/16.csv"), "items/16.csv", 2, "公表達成度", "published-unparseable"),
        new("Shift_JIS save turns a dash in a sentence into ?", d => { Edit(d, "items/05.csv", "返礼品取扱事業者学習会の開催", "返礼品取扱事業者学習会の開催—年2回"); SaveAsShiftJis(d, "items/05.csv"); }, "items/05.csv", 6, "内容", "sjis-question-mark", Draftable: true),
        new("a policy code whose leading zero Excel dropped", d => Edit(d, "items/05.md", "実施方針: \"1-2\"", "実施方針: \"01-2\"", new UTF8Encoding(false)), "items/05.md", 6, "実施方針", "item-unknown-policy"),
        new("Excel stores 70% as 0.7", d => Edit(d, "items/05.csv", "以上,,70%", "以上,,0.7"), "items/05.csv", 2, "公表達成度", "published-unparseable"),
        new("an extra column typed right of the table", d => Edit(d, "items/01.csv", "以下,※,", "以下,※,,メモ"), "items/01.csv", 3, "11列目", "csv-extra-field"),
        // Notepad edits of CSV
        new("unquoted thousands separator splits a cell", d => Edit(d, "items/05.csv", "\"返礼品数(1,000品)\"", "返礼品数(1,000品)"), "items/05.csv", 7, "11列目", "csv-extra-field"),
        new("a sentence with a comma left unquoted", d => Append(d, "items/05.csv", "R6,計画,PRの強化、SNS, ポータルサイトの改善,,,,,,,"), "items/05.csv", 12, "11列目", "csv-extra-field"),
        // lost units and magnitudes
        new("7.2 typed for 7.2億円", d => Edit(d, "items/05.csv", Donation, "寄附金額,8億円,5.59,円,以上,※"), "items/05.csv", 3, "実績値", "value-magnitude-suspect", Draftable: true),
        new("target typed as 8 for 8億円", d => Edit(d, "items/05.csv", Donation, "寄附金額,8,5.59億円,円,以上,※"), "items/05.csv", 3, "目標値", "value-magnitude-suspect", Draftable: true),
        new("万 forgotten on 1,700万円", d => Edit(d, "items/02.csv", "約1,700万円", "約1,700円"), "items/02.csv", null, "実績値", "value-magnitude-suspect", Draftable: true),
        // contradictions
        new("actual column changed, sentence not", d => Edit(d, "items/05.csv", Donation, "寄附金額,8億円,6億円,円,以上,※"), "items/05.csv", 3, "実績値", "text-figure-mismatch", Draftable: true),
        new("computed figure disagrees with 公表達成度", d => Edit(d, "items/10.csv", "67.27%", "72.4%", null), "items/10.csv", null, "公表達成度", "published-disagrees", Draftable: true),
        new("counted indicator without (※) in the sentence", d => Edit(d, "items/05.csv", "実績は5.59億円。(※)", "実績は5.59億円。"), "items/05.csv", 3, "達成度対象", "counted-without-marker", Draftable: true),
        new("(※) in the sentence without a counted indicator", d => Edit(d, "items/05.csv", "5.59億円,円,以上,※,", "5.59億円,円,以上,,"), "items/05.csv", 3, "達成度対象", "marker-without-indicator", Draftable: true),
        // wrong years and unfinished editions
        new("result row typed R5 instead of R4", d => Edit(d, "items/05.csv", "R4,実績,寄附金額", "R5,実績,寄附金額"), "items/05.csv", 3, "年度", "result-after-reporting-year"),
        new("result row typed R6", d => Append(d, "items/01.csv", "R6,実績,普通建設事業費15億円以内の計画に対し、実績は約10億円。,,,,,,,"), "items/01.csv", 8, "年度", "result-after-reporting-year"),
        new("an item with no results for the reporting year", d => Edit(d, "items/16.csv", "R4,実績,定年引上げを踏まえた新規採用の検討,,,,,,,—\r\n", ""), "items/16.csv", null, "年度", "result-year-missing", Draftable: true),
        new("（未記入） rows left after next-year", d => Append(d, "items/05.csv", "R4,実績,（未記入）返礼品取扱事業者学習会の開催,,,,,,,"), "items/05.csv", 12, "内容", "placeholder-left", Draftable: true),
        new("publication month still （未記入）", d => Edit(d, "plan.md", "公表: 2024-02", "公表: （未記入）", new UTF8Encoding(false)), "plan.md", 10, "公表", "plan-published-placeholder", Draftable: true),
        new("subtitle left from last year", d => Edit(d, "plan.md", "実績年度: R4", "実績年度: R5", new UTF8Encoding(false)), "plan.md", 3, "副題", "plan-subtitle-mismatch"),
        new("reporting year outside the plan", d => Edit(d, "plan.md", "実績年度: R4", "実績年度: R9", new UTF8Encoding(false)), "plan.md", 9, "実績年度", "plan-reporting-year-out-of-period"),
        new("publication month typed as a date", d => Edit(d, "plan.md", "公表: 2024-02", "公表: 2月", new UTF8Encoding(false)), "plan.md", 10, "公表", "plan-published-unparseable"),
        // Markdown typed in a text editor
        new("a bullet lost its 「- 」", d => Edit(d, "items/05.md", "- 特産品の発掘や", "特産品の発掘や", new UTF8Encoding(false)), "items/05.md", 12, "箇条書き", "markdown-lazy-continuation"),
        new("heading 「## 目標値」", d => Edit(d, "items/05.md", "## 目標\n", "## 目標値\n", new UTF8Encoding(false)), "items/05.md", 14, "見出し", "markdown-unknown-section"),
        new("heading without a space 「##目標」", d => Edit(d, "items/05.md", "## 目標\n", "##目標\n", new UTF8Encoding(false)), "items/05.md", 14, "見出し", "markdown-heading-space"),
        new("half-width middle dot 「現状･課題」", d => Edit(d, "items/05.md", "## 現状・課題", "## 現状･課題", new UTF8Encoding(false)), "items/05.md", 9, "見出し", "markdown-unknown-section"),
        new("full-width colon in the front matter", d => Edit(d, "items/05.md", "項目名: ふるさと納税の推進", "項目名：ふるさと納税の推進", new UTF8Encoding(false)), "items/05.md", 3, "項目名", "front-matter-fullwidth-colon"),
        new("front matter key typo 担当科", d => Edit(d, "items/05.md", "担当課:", "担当科:", new UTF8Encoding(false)), "items/05.md", 4, "担当科", "front-matter-unknown-key"),
        new("CSV header typo 公表達成率", d => Edit(d, "items/05.csv", "公表達成度", "公表達成率"), "items/05.csv", 1, "公表達成率", "csv-unknown-column"),
        // divisions
        new("division typo 財政科", d => Edit(d, "items/01.md", "  - 財政課", "  - 財政科", new UTF8Encoding(false)), "items/01.md", 4, "担当課", "item-unknown-division"),
        new("a new division not added to divisions.csv", d => Edit(d, "items/05.md", "  - 商工観光課", "  - 商工観光課\n  - 農業振興課", new UTF8Encoding(false)), "items/05.md", 4, "担当課", "item-unknown-division"),
        new("divisions.csv deleted", d => System.IO.File.Delete(d["input/divisions.csv"]), "divisions.csv", null, null, "divisions-missing"),
        new("a Japanese URL name", d => Edit(d, "divisions.csv", "財政課,zaisei", "財政課,ざいせい"), "divisions.csv", 2, "URL名", "division-slug-shape"),
        new("two divisions with one URL name", d => Edit(d, "divisions.csv", "市民課,shimin", "市民課,zaisei"), "divisions.csv", 5, "URL名", "division-slug-duplicate"),
        new("an invented e-mail address that is not one", d => Edit(d, "divisions.csv", "財政課,zaisei,,,,", "財政課,zaisei,,財政課あて,,"), "divisions.csv", 2, "メール", "division-email-shape"),
        // Explorer copies
        new("Explorer copy 「05 - コピー」 of an item", d => { System.IO.File.Copy(d["input/items/05.md"], d["input/items/05 - コピー.md"]); System.IO.File.Copy(d["input/items/05.csv"], d["input/items/05 - コピー.csv"]); }, "items/05 - コピー.md", 2, "番号", "item-duplicate-number"),
        new("only the CSV copied in Explorer", d => System.IO.File.Copy(d["input/items/05.csv"], d["input/items/05 - コピー.csv"]), "items/05 - コピー.md", null, null, "file-missing"),
        // typos in codes
        new("区分 typed 実積", d => Edit(d, "items/05.csv", "R4,実績,寄附金額", "R4,実積,寄附金額"), "items/05.csv", 3, "区分", "csv-unknown-kind"),
        new("目標の種類 typed 上", d => Edit(d, "items/05.csv", Donation, "寄附金額,8億円,5.59億円,円,上,※"), "items/05.csv", 3, "目標の種類", "target-kind-unknown"),
        new("± typed for +", d => Edit(d, "items/15.csv", "\"+5,100時間\"", "\"±5,100時間\""), "items/15.csv", null, "実績値", "value-unparseable"),
    ];

    public static TheoryData<Mistake> All => new(Mistakes);

    [Fact]
    public void There_are_at_least_thirty_mistakes() => Assert.True(Mistakes.Length >= 30, $"{Mistakes.Length} mistakes");

    [Theory]
    [MemberData(nameof(All))]
    public void The_mistake_is_not_published_and_says_where_and_how_to_fix_it(Mistake m)
    {
        using var dir = Repo.CopyOf();
        var output = dir["_site"];
        Repo.Copy(GoodSite.Value, output);
        var before = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, System.IO.File.ReadAllBytes);

        m.Make(dir);
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);

        Assert.NotEqual(0, run.ExitCode);
        var file = dir["input"] + "/" + m.File;   // messages name files as the --input folder was given
        var named = run.Err.Split('\n').Where(l => l.StartsWith(file, StringComparison.Ordinal) && l.Contains($"({m.Code})")).ToList();
        Assert.True(named.Count > 0, $"no ({m.Code}) message naming {file}:\n{run.Err}");
        var line = named[0];
        if (m.Line is { } n) Assert.StartsWith($"{file}:{n} ", line);
        if (m.Field is { } f) Assert.Contains($"[{f}]", line);
        Assert.Matches(" (エラー|公開不可): ", line);
        Assert.Matches(@"→ .*\p{IsCJKUnifiedIdeographs}|→ .*\p{IsHiragana}", line);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.DoesNotContain("予期しない", run.Err);
        Assert.DoesNotContain("Exception", run.Err);

        var after = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.Equal(before.Keys.Order(), after.Order());
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(System.IO.File.ReadAllBytes(path)), $"{path} changed");

        if (m.Draftable)
        {
            var draft = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme, "--draft");
            Assert.True(draft.ExitCode == 0, draft.Err);
            Assert.Contains("下書き", System.IO.File.ReadAllText(Path.Combine(output, "index.html")));
            Assert.Contains($"({m.Code})", System.IO.File.ReadAllText(Path.Combine(output, "index.html")));
        }
    }

    private static readonly Lazy<string> GoodSite = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "apsite-good-mistakes-" + Environment.ProcessId);
        if (!Directory.Exists(path))
            Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", path, "--theme", Repo.Theme, "--quiet").ExitCode);
        return path;
    });
}
