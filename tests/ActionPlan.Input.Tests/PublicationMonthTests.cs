using ActionPlan.Input;
using ActionPlan.Testing;

namespace ActionPlan.Input.Tests;

/// <summary>公表 as staff write it: 西暦 or 和暦, in full or short, full-width digits too.</summary>
public class PublicationMonthTests
{
    [Theory]
    [InlineData("2024-02", 2024, 2)]
    [InlineData("2024年2月", 2024, 2)]
    [InlineData("令和6年2月", 2024, 2)]
    [InlineData("令和７年２月", 2025, 2)]
    [InlineData("令和元年5月", 2019, 5)]
    [InlineData("R7-02", 2025, 2)]
    [InlineData("R7年2月", 2025, 2)]
    [InlineData("平成31年3月", 2019, 3)]
    [InlineData("R7.2", 2025, 2)]
    [InlineData("2025.02", 2025, 2)]
    public void The_month_is_read(string written, int year, int month)
    {
        using var dir = Repo.CopyOf();
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("公表: 2024-02", "公表: " + written));
        File.Delete(dir["input/history.csv"]);   // its 2024-02 edition would be after an earlier 公表 (an error of its own)
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        Assert.Equal((year, month), (loaded.Plan!.Info.PublishedYear, loaded.Plan.Info.PublishedMonth));
    }

    [Theory]
    [InlineData("令和0年2月")]
    [InlineData("令和7年13月")]
    [InlineData("来月")]
    public void A_month_that_is_not_one_is_a_located_error_with_the_forms_to_use(string written)
    {
        using var dir = Repo.CopyOf();
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("公表: 2024-02", "公表: " + written));
        var error = Assert.Single(PlanLoader.Load(dir["input"], "input").Errors);
        Assert.Equal("plan-published-unparseable", error.Code);
        Assert.Equal("公表", error.Field);
        Assert.Contains("令和7年2月", error.Hint);
    }
}
