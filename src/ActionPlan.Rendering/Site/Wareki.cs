namespace ActionPlan.Rendering.Site;

/// <summary>Japanese dates: 令和6年2月（2024年2月）.</summary>
public static class Wareki
{
    public static string Month(int year, int month)
    {
        var era = year >= 2019 ? (year == 2019 ? "令和元年" : $"令和{year - 2018}年") : $"平成{year - 1988}年";
        return $"{era}{month}月（{year}年{month}月）";
    }
}
