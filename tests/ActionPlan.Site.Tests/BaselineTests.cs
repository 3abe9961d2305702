using System.Text;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// An indicator with a 基準値 (items/NN.csv, an optional column): its ratio is progress from the baseline, the item page
/// shows the baseline in its own column, the open data carries it, and a baseline that cannot give progress is a located error.
/// </summary>
public class BaselineTests
{
    private static Repo.TempDir WithBaseline(string baseline, string kind = "以上")
    {
        var dir = Repo.CopyOf();
        var file = dir["input/items/10.csv"];
        var lines = File.ReadAllLines(file).ToList();
        lines[0] += ",相違の理由,基準値";
        lines[1] = lines[1].Replace(",以上,※,67%", $",{kind},※,67%,基準値からの進み具合で数えた例,{baseline}");
        File.WriteAllLines(file, lines, new UTF8Encoding(true));
        return dir;
    }

    [Fact]
    public void Progress_from_the_baseline_is_the_ratio_and_the_page_and_open_data_show_the_baseline()
    {
        using var dir = WithBaseline("50%");
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var year = EvaluatedPlan.Of(loaded.Plan!)[10].For(new FiscalYear(4));
        Assert.Equal(0.3454m, year.Indicators.Single(i => i.Ratio is not null).Ratio);   // (67.27 − 50) ÷ (100 − 50)
        Assert.Equal(35, year.Computed.Percent);

        var site = SiteBuild.Render(dir["input"]);
        var page = Encoding.UTF8.GetString(site.Single(f => f.Path == "items/10.html").Content);
        Assert.Contains("<th scope=\"col\" class=\"ap-table__header ap-table__header--numeric\">基準値</th>", page);
        Assert.Contains("name\">マイナンバーカード普及率</th>\n      <td class=\"ap-table__cell ap-table__cell--numeric\"><span class=\"ap-figure\">50%</span></td>", page);
        Assert.Contains("34.5%", page);
        var other = Encoding.UTF8.GetString(site.Single(f => f.Path == "items/05.html").Content);
        Assert.DoesNotContain(">基準値</th>", other);   // only an item with a baseline gets the column
        var csv = Encoding.UTF8.GetString(site.Single(f => f.Path == "opendata/achievements.csv").Content);
        Assert.Contains(",マイナンバーカード普及率,100,100%,67.27,67.27%,%,以上,1,0.3454,35,67,一部達成,50,,,,実績,,,一部達成,402168,2024-02\r\n", csv);
    }

    [Theory]
    [InlineData("100%", "以上", "baseline-equals-target", "基準値", "目標値と同じ")]
    [InlineData("120%", "以上", "baseline-direction", "目標の種類", "基準値「120%」より小さい")]
    [InlineData("50%", "以下", "baseline-direction", "目標の種類", "基準値「50%」より大きい")]
    [InlineData("50件", "以上", null, "基準値", "値「50件」の単位「件」が単位の列「%」と違います")]
    public void A_baseline_that_cannot_give_progress_is_a_located_error(string baseline, string kind, string? code, string field, string message)
    {
        using var dir = WithBaseline(baseline, kind);
        var loaded = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(loaded.Errors, e => code is null ? e.Field == field : e.Code == code);
        Assert.Equal(("input/items/10.csv", 2, field), (error.File, error.Line, error.Field));
        Assert.Contains(message, error.Message);
        Assert.False(string.IsNullOrEmpty(error.Hint));
    }
}
