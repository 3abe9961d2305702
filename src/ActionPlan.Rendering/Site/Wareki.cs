namespace ActionPlan.Rendering.Site;

/// <summary>Japanese dates: 令和6年2月（2024年2月）. 令和 began in May 2019: January–April 2019 are 平成31年.</summary>
public static class Wareki
{
    public static string Month(int year, int month)
    {
        var reiwa = year > 2019 || (year == 2019 && month >= 5);
        var era = reiwa ? (year == 2019 ? "令和元年" : $"令和{year - 2018}年")
            : year == 1989 ? "平成元年"
            : $"平成{year - 1988}年";
        return $"{era}{month}月（{year}年{month}月）";
    }
}
