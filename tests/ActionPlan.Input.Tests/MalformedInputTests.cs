using System.Text;
using ActionPlan.Testing;

namespace ActionPlan.Input.Tests;

/// <summary>
/// Each broken input must give a Japanese message that names the file, the line and the field.
/// Each case edits a copy of the real input/ (items/05 is ふるさと納税の推進: line 2 返礼品数, line 3 寄附金額).
/// </summary>
public class MalformedInputTests
{
    public sealed record Case(string Name, string File, Func<string, string> Edit, string ExpectFile, int? ExpectLine, string? ExpectField, string ExpectCode)
    {
        public override string ToString() => Name;
    }

    private static Func<string, string> Replace(string from, string to) => text =>
    {
        Assert.Contains(from, text);
        return text.Replace(from, to);
    };

    private static Func<string, string> Append(string row) => text => text.TrimEnd('\r', '\n') + "\r\n" + row + "\r\n";

    private const string Donation = "寄附金額,8億円,5.59億円,円,以上,※";

    public static readonly Case[] Cases =
    [
        new("duplicate item number", "items/05.md", Replace("番号: 5", "番号: 4"), "input/items/05.md", 2, "番号", "item-duplicate-number"),
        new("unknown policy", "items/05.md", Replace("実施方針: \"1-2\"", "実施方針: \"9\""), "input/items/05.md", 6, "実施方針", "item-unknown-policy"),
        new("policy that has sub-policies", "items/05.md", Replace("実施方針: \"1-2\"", "実施方針: \"1\""), "input/items/05.md", 6, "実施方針", "item-policy-not-leaf"),
        new("year outside the plan period", "items/05.csv", Append("R9,計画,十年後の計画,,,,,,,"), "input/items/05.csv", 12, "年度", "year-out-of-period"),
        new("unreadable year", "items/05.csv", Append("来年,計画,来年の計画,,,,,,,"), "input/items/05.csv", 12, "年度", "year-unparseable"),
        new("counted indicator without target", "items/05.csv", Replace(Donation, "寄附金額,,5.59億円,円,以上,※"), "input/items/05.csv", 3, "目標値", "counted-without-target"),
        new("counted indicator without actual", "items/05.csv", Replace(Donation, "寄附金額,8億円,,円,以上,※"), "input/items/05.csv", 3, "実績値", "counted-without-actual"),
        new("counted indicator without kind", "items/05.csv", Replace(Donation, "寄附金額,8億円,5.59億円,円,,※"), "input/items/05.csv", 3, "目標の種類", "counted-without-kind"),
        new("unknown target kind", "items/05.csv", Replace(Donation, "寄附金額,8億円,5.59億円,円,未満,※"), "input/items/05.csv", 3, "目標の種類", "target-kind-unknown"),
        new("unknown counted mark", "items/05.csv", Replace(Donation, "寄附金額,8億円,5.59億円,円,以上,はい"), "input/items/05.csv", 3, "達成度対象", "counted-unknown"),
        new("unparseable value", "items/05.csv", Replace(Donation, "寄附金額,8億円,abc,円,以上,※"), "input/items/05.csv", 3, "実績値", "value-unparseable"),
        new("± slip left in", "items/15.csv", Replace("\"+5,100時間\"", "\"±5,100時間\""), "input/items/15.csv", 2, "実績値", "value-unparseable"),
        new("decimal comma slip left in", "items/15.csv", Replace("12日,10.93日", "12日,\"10,93日\""), "input/items/15.csv", 3, "実績値", "value-unparseable"),
        new("unit that disagrees with the unit column", "items/05.csv", Replace(Donation, "寄附金額,8億円,5.59億ドル,円,以上,※"), "input/items/05.csv", 3, "実績値", "unit-mismatch"),
        new("missing required column", "items/05.csv", Replace("年度,区分,内容", "年度,内容"), "input/items/05.csv", 1, "区分", "csv-missing-column"),
        new("unknown column", "items/05.csv", Replace("公表達成度", "公表達成度,備考"), "input/items/05.csv", 1, "備考", "csv-unknown-column"),
        new("duplicated column", "items/05.csv", Replace("公表達成度", "指標"), "input/items/05.csv", 1, "指標", "csv-duplicate-column"),
        new("unknown 区分", "items/05.csv", Append("R5,予定,予定の行,,,,,,,"), "input/items/05.csv", 12, "区分", "csv-unknown-kind"),
        new("empty 内容 with no line above", "items/05.csv", Append("R4,実績,,指標だけ,,1件,件,,,"), "input/items/05.csv", 12, "内容", "csv-missing-field"),
        new("unreadable published figure", "items/05.csv", Replace("以上,,70%", "以上,,七割"), "input/items/05.csv", 2, "公表達成度", "published-unparseable"),
        new("published figure on a plan row", "items/05.csv", Replace("R5,計画,返礼品数(900品),,,,,,,", "R5,計画,返礼品数(900品),,,,,,,80%"), "input/items/05.csv", 4, "公表達成度", "published-on-plan"),
        new("missing front matter field", "items/05.md", Replace("項目名: ふるさと納税の推進\n", ""), "input/items/05.md", 6, "項目名", "front-matter-missing-field"),
        new("unknown front matter key", "items/05.md", Replace("番号: 5\n", "番号: 5\n優先度: 高\n"), "input/items/05.md", 3, "優先度", "front-matter-unknown-key"),
        new("broken front matter", "items/05.md", Replace("番号: 5", "番号: [5"), "input/items/05.md", 2, null, "front-matter-syntax"),
        new("unclosed front matter", "items/05.md", Replace("\"1-2\"\n---", "\"1-2\"\n"), "input/items/05.md", 1, null, "front-matter-unclosed"),
        new("unreadable item number", "items/05.md", Replace("番号: 5", "番号: 五"), "input/items/05.md", 2, "番号", "item-number"),
        new("unknown section heading", "items/05.md", Replace("## 目標", "## 目的"), "input/items/05.md", 14, "見出し", "markdown-unknown-section"),
        new("stray paragraph", "items/05.md", Replace("## 目標\n", "## 目標\n\n箇条書きでない文。\n"), "input/items/05.md", 16, "本文", "markdown-stray-paragraph"),
        new("unterminated quote", "items/05.csv", Append("R6,計画,\"閉じない引用符,,,,,,,"), "input/items/05.csv", 12, null, "csv-malformed"),
        new("以下 with a negative target", "items/05.csv", Replace("寄附金額,8億円,5.59億円,円,以上", "寄附金額,▲8億円,5.59億円,円,以下"), "input/items/05.csv", 3, "目標の種類", "target-kind-ambiguous"),
        new("stray value past the last column", "items/05.csv", Append("R6,計画,一行,,,,,,,,余分"), "input/items/05.csv", 12, "11列目", "csv-extra-field"),
        new("unknown policy parent", "policies.csv", Replace("1-1,1,(1)", "1-1,7,(1)"), "input/policies.csv", 3, "上位コード", "policy-unknown-parent"),
        new("glossary term twice", "glossary.csv", Append("DX,ディーエックス,もう一度"), "input/glossary.csv", 21, "用語", "glossary-duplicate"),
        new("glossary term without explanation", "glossary.csv", Append("EBPM,イービーピーエム,"), "input/glossary.csv", 21, "説明", "csv-missing-field"),
        new("glossary explanation with a comma, unquoted", "glossary.csv", Append("EBPM,イービーピーエム,証拠に基づく政策立案です,統計などを使います"), "input/glossary.csv", 21, "4列目", "csv-extra-field"),
        new("municipality code that is not six digits", "plan.md", Replace("自治体コード: 402168", "自治体コード: 40216"), "input/plan.md", 13, "自治体コード", "plan-municipality-code-shape"),
        new("municipality code with a wrong check digit", "plan.md", Replace("自治体コード: 402168", "自治体コード: 402161"), "input/plan.md", 13, "自治体コード", "plan-municipality-code-check"),
        new("unknown licence", "plan.md", Replace("自治体コード: 402168", "自治体コード: 402168\nライセンス: 自由に使えます"), "input/plan.md", 14, "ライセンス", "plan-licence-unknown"),
        new("history month after this edition's 公表", "history.csv", Append("2025-02,,まだ公表していない版"), "input/history.csv", 3, "公表", "history-after-publication"),
        new("history about an item that does not exist", "history.csv", Append("2024-02,99,存在しない項目"), "input/history.csv", 3, "項目番号", "history-unknown-item"),
        new("history month unreadable", "history.csv", Append("来年,,月が読めない"), "input/history.csv", 3, "公表", "history-month-unparseable"),
        new("plan period reversed", "plan.md", Replace("終了年度: R8", "終了年度: R3"), "input/plan.md", 8, "終了年度", "plan-period-reversed"),
    ];

    public static TheoryData<Case> All => new(Cases);

    [Theory]
    [MemberData(nameof(All))]
    public void Each_problem_is_located_to_file_line_and_field_in_Japanese(Case c)
    {
        using var dir = Repo.CopyOf();
        var path = dir["input/" + c.File];
        var original = File.ReadAllText(path);
        var edited = c.Edit(original.Replace("\r\n", "\n"));
        if (path.EndsWith(".csv")) edited = edited.Replace("\r\n", "\n").Replace("\n", "\r\n");
        File.WriteAllText(path, edited, new UTF8Encoding(true));

        var result = PlanLoader.Load(dir["input"], "input");

        Assert.True(result.HasErrors);
        Assert.Null(result.Plan);
        var found = result.Errors.Where(d => d.Code == c.ExpectCode).ToList();
        Assert.True(found.Count > 0, $"expected {c.ExpectCode}; got:\n{string.Join("\n", result.Diagnostics)}");
        var d = found.First();
        Assert.Equal(c.ExpectFile, d.File);
        Assert.Equal(c.ExpectLine, d.Line);
        Assert.Equal(c.ExpectField, d.Field);
        Assert.Matches(@"[\u3040-\u30FF\u4E00-\u9FFF]", d.Message);   // Japanese first
        var formatted = d.Format();
        Assert.StartsWith($"{c.ExpectFile}:{c.ExpectLine}", formatted);
        if (c.ExpectField is not null) Assert.Contains($"[{c.ExpectField}]", formatted);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        using var dir = Repo.CopyOf();
        File.WriteAllText(dir["input/items/05.csv"], File.ReadAllText(dir["input/items/05.csv"]).Replace("5.59億円", "abc"));
        File.WriteAllText(dir["input/items/10.md"], File.ReadAllText(dir["input/items/10.md"]).Replace("実施方針: \"2\"", "実施方針: \"8\""));
        File.WriteAllText(dir["input/items/15.csv"], File.ReadAllText(dir["input/items/15.csv"]).Replace("以上,※,46%", "超過,※,46%"));
        File.Delete(dir["input/items/16.csv"]);

        var result = PlanLoader.Load(dir["input"], "input");

        Assert.Equal(
            ["input/items/05.csv:3", "input/items/10.md:8", "input/items/15.csv:2", "input/items/16.csv"],
            result.Errors.Select(e => e.Line is null ? e.File : $"{e.File}:{e.Line}"));
    }

    [Fact]
    public void A_file_that_is_a_folder_or_missing_is_named()
    {
        using var dir = Repo.CopyOf();
        File.Delete(dir["input/policies.csv"]);
        Directory.CreateDirectory(dir["input/policies.csv"]);
        File.Delete(dir["input/plan.md"]);
        var result = PlanLoader.Load(dir["input"], "input");
        Assert.Contains(result.Errors, e => e is { File: "input/policies.csv", Code: "file-is-directory" });
        Assert.Contains(result.Errors, e => e is { File: "input/plan.md", Code: "file-missing" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-folder")]
    public void An_input_folder_that_is_not_there_is_one_located_error(string folder)
    {
        var result = PlanLoader.Load(folder, "input");
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("input-missing", error.Code);
        Assert.Contains("入力フォルダ「input」が見つかりません", error.Message);
    }
}
