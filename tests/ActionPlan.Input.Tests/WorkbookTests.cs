using System.Text.Json;
using ActionPlan.Testing;
using static ActionPlan.Testing.TestWorkbook;

namespace ActionPlan.Input.Tests;

/// <summary>
/// Item, policy and division tables kept as Excel workbooks (.xlsx) instead of CSV: the same plan, the same checks,
/// messages that name the workbook and the row Excel shows, and located errors for workbooks that cannot be read.
/// </summary>
public class WorkbookTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new YearAsText() } };

    private sealed class YearAsText : System.Text.Json.Serialization.JsonConverter<ActionPlan.Domain.FiscalYear>
    {
        public override ActionPlan.Domain.FiscalYear Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();
        public override void Write(Utf8JsonWriter writer, ActionPlan.Domain.FiscalYear value, JsonSerializerOptions options) => writer.WriteStringValue(value.Short);
    }

    /// <summary>Everything the loader read for an item's table (years, kinds, lines, indicators, figures), as text to compare.</summary>
    private static string Entries(LoadResult result, int number) =>
        JsonSerializer.Serialize(result.Plan!.Items.Single(i => i.Number == number).Entries, Json);

    private static Repo.TempDir ToWorkbook(params string[] csvFiles)
    {
        var dir = Repo.CopyOf();
        foreach (var csv in csvFiles)
        {
            var path = dir["input/" + csv];
            Write(Path.ChangeExtension(path, ".xlsx"), FromCsv(path));
            File.Delete(path);
        }
        return dir;
    }

    [Fact]
    public void Item5_as_a_workbook_of_text_cells_loads_the_same_entries()
    {
        var csv = PlanLoader.Load(Repo.Input, "input");
        using var dir = ToWorkbook("items/05.csv");
        var xlsx = PlanLoader.Load(dir["input"], "input");
        Assert.False(xlsx.HasErrors, string.Join("\n", xlsx.Errors));
        Assert.Equal(Entries(csv, 5), Entries(xlsx, 5));
        Assert.Equal("input/items/05.xlsx", xlsx.Plan!.Items.Single(i => i.Number == 5).Source!.ResultsFile);
        Assert.Equal(csv.Diagnostics.Select(d => d.Format()), xlsx.Diagnostics.Select(d => d.Format()));
    }

    [Fact]
    public void Policies_and_divisions_may_be_workbooks()
    {
        var csv = PlanLoader.Load(Repo.Input, "input");
        using var dir = ToWorkbook("policies.csv", "divisions.csv");
        var xlsx = PlanLoader.Load(dir["input"], "input");
        Assert.False(xlsx.HasErrors, string.Join("\n", xlsx.Errors));
        Assert.Equal(JsonSerializer.Serialize(csv.Plan!.Policies, Json), JsonSerializer.Serialize(xlsx.Plan!.Policies, Json));
        Assert.Equal(JsonSerializer.Serialize(csv.Plan!.Divisions, Json), JsonSerializer.Serialize(xlsx.Plan!.Divisions, Json));
    }

    /// <summary>
    /// Cells typed as numbers are read as Excel shows them: 0.7 formatted 「0%」 is 70%, 0.6727 formatted 「0.00%」 is
    /// 67.27%, 8104 formatted 「#,##0」 is 8,104 (not 0.7, 0.6727 or 8104).
    /// </summary>
    [Fact]
    public void Numeric_percent_and_separator_formatted_cells_read_as_Excel_shows_them()
    {
        var csv = PlanLoader.Load(Repo.Input, "input");
        using var dir = Repo.CopyOf();
        var item5 = FromCsv(dir["input/items/05.csv"]);
        Assert.Equal("70%", item5[1][9].Text);
        item5[1][9] = Cell.Num(0.7, builtIn: 9);                       // 0%
        Write(dir["input/items/05.xlsx"], item5);
        File.Delete(dir["input/items/05.csv"]);

        var item10 = FromCsv(dir["input/items/10.csv"]);
        var rate = item10.Single(r => r[3].Text == "マイナンバーカード普及率");
        Assert.Equal(["100%", "67.27%", "67%"], new[] { rate[4].Text, rate[5].Text, rate[9].Text });
        rate[4] = Cell.Num(1, builtIn: 9);
        rate[5] = Cell.Num(0.6727, builtIn: 10);                       // 0.00%
        rate[9] = Cell.Num(0.67, "0%");
        Write(dir["input/items/10.xlsx"], item10);
        File.Delete(dir["input/items/10.csv"]);

        var item11 = FromCsv(dir["input/items/11.csv"]);
        var sns = item11.Single(r => r[3].Text == "SNS年度末フォロワー数");
        Assert.Equal(["8,000", "8,104"], new[] { sns[4].Text, sns[5].Text });
        sns[4] = Cell.Num(8000, builtIn: 3);                          // #,##0
        sns[5] = Cell.Num(8104, "#,##0");
        Write(dir["input/items/11.xlsx"], item11);
        File.Delete(dir["input/items/11.csv"]);

        var xlsx = PlanLoader.Load(dir["input"], "input");
        Assert.False(xlsx.HasErrors, string.Join("\n", xlsx.Errors));
        Assert.Equal(Entries(csv, 5), Entries(xlsx, 5));
        Assert.Equal(Entries(csv, 10), Entries(xlsx, 10));
        Assert.Equal(Entries(csv, 11), Entries(xlsx, 11));
    }

    [Fact]
    public void A_mistake_in_a_cell_names_the_workbook_the_row_and_the_column()
    {
        using var dir = Repo.CopyOf();
        var rows = FromCsv(dir["input/items/05.csv"]);
        rows[2][5] = "abc";                                       // row 3 in Excel: 寄附金額's 実績値
        Write(dir["input/items/05.xlsx"], rows);
        File.Delete(dir["input/items/05.csv"]);
        var result = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("input/items/05.xlsx", 3, "実績値", "value-unparseable"), (error.File, error.Line, error.Field, error.Code));
        Assert.StartsWith("input/items/05.xlsx:3 [実績値]", error.Format());
    }

    [Fact]
    public void Text_that_looks_like_a_date_or_code_stays_as_written()
    {
        using var dir = Repo.CopyOf();
        var rows = FromCsv(dir["input/policies.csv"]);
        Assert.Contains(rows, r => r[0].Text == "1-1");           // policy codes: Excel turns 1-1 typed into a CSV into 1月1日
        Write(dir["input/policies.xlsx"], rows);
        File.Delete(dir["input/policies.csv"]);
        var result = PlanLoader.Load(dir["input"], "input");
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Contains(result.Plan!.Policies, p => p.Code == "1-1");
    }

    public static TheoryData<string> Broken => new() { "not-a-workbook", "zip-not-a-workbook", "password", "empty-sheet", "merged-header" };

    /// <summary>Each broken workbook is a located error naming the workbook: the build stops and keeps the previous site.</summary>
    [Theory]
    [MemberData(nameof(Broken))]
    public void A_workbook_that_cannot_be_read_is_a_located_error(string kind)
    {
        using var dir = Repo.CopyOf();
        var path = dir["input/items/05.xlsx"];
        var rows = FromCsv(dir["input/items/05.csv"]);
        File.Delete(dir["input/items/05.csv"]);
        (string Code, int? Line) expected;
        switch (kind)
        {
            case "not-a-workbook":
                File.Copy(Path.Combine(Repo.Input, "items/05.csv"), path);     // a CSV renamed to .xlsx
                expected = ("xlsx-not-workbook", null);
                break;
            case "zip-not-a-workbook":
                using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
                    using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("not a workbook");
                expected = ("xlsx-not-workbook", null);
                break;
            case "password":
                // Made by Excel's own format (MS-OFFCRYPTO agile encryption) with msoffcrypto-tool; see Workbooks/README.md.
                File.Copy(Path.Combine(Repo.Root, "tests/ActionPlan.Input.Tests/Workbooks/protected.xlsx"), path);
                expected = ("xlsx-protected", null);
                break;
            case "empty-sheet":
                Write(path, [], sheets: [("データ", rows)]);              // the data is on the second sheet; the first is empty
                expected = ("xlsx-empty", 1);
                break;
            default:
                rows[0][3] = "指標・目標値";
                rows[0][4] = "";
                Write(path, rows, merge: ["D1:E1"]);
                expected = ("xlsx-merged-cells", 1);
                break;
        }
        var result = PlanLoader.Load(dir["input"], "input");
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Diagnostics);   // one mistake, one message (no 実績未登録 for the unread table)
        Assert.Equal(("input/items/05.xlsx", expected.Code, expected.Line), (error.File, error.Code, error.Line));
        Assert.Matches("[ぁ-んァ-ヶ一-龠]", error.Message);
        Assert.False(string.IsNullOrEmpty(error.Hint));
    }

    [Fact]
    public void Both_forms_of_one_table_is_an_error()
    {
        using var dir = Repo.CopyOf();
        Write(dir["input/items/05.xlsx"], FromCsv(dir["input/items/05.csv"]));
        var result = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("input/items/05.xlsx", "table-two-forms"), (error.File, error.Code));
        Assert.Contains("05.csv", error.Message);
    }

    [Fact]
    public void A_header_typo_in_a_workbook_is_one_message_naming_the_cell_row_and_the_closest_header()
    {
        using var dir = Repo.CopyOf();
        var rows = FromCsv(dir["input/items/05.csv"]);
        rows[0][5] = "実績地";
        Write(dir["input/items/05.xlsx"], rows);
        File.Delete(dir["input/items/05.csv"]);
        var result = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("input/items/05.xlsx", 1, "実績地", "csv-unknown-column"), (error.File, error.Line, error.Field, error.Code));
        Assert.Contains("「実績値」のことですか？", error.Message);
    }

    [Fact]
    public void Excels_lock_file_beside_an_open_workbook_is_not_an_item()
    {
        using var dir = ToWorkbook("items/05.csv");
        File.WriteAllBytes(dir["input/items/~$05.xlsx"], [0x0A, 0x00, 0x41]);   // Excel's owner file while 05.xlsx is open
        var result = PlanLoader.Load(dir["input"], "input");
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Equal(16, result.Plan!.Items.Count);
    }

    [Fact]
    public void Column_letters_are_Excels()
    {
        Assert.Equal(["A", "Z", "AA", "AZ", "BA"], new[] { 0, 25, 26, 51, 52 }.Select(Workbook.ColumnName));
    }
}
