namespace ActionPlan.Rendering.Site;

/// <summary>
/// Japanese dates: 令和6年2月（2024年2月）. 令和 began in May 2019: January–April 2019 are 平成31年. The era names and the
/// shape of the date are the theme's words (date.*).
/// </summary>
public static class Wareki
{
    public static string Month(int year, int month, Theme.Words words)
    {
        var reiwa = year > 2019 || (year == 2019 && month >= 5);
        var era = reiwa ? (year == 2019 ? words["date.reiwa-first"] : words.Format("date.reiwa", ("n", year - 2018)))
            : year == 1989 ? words["date.heisei-first"]
            : words.Format("date.heisei", ("n", year - 1988));
        return words.Format("date.month", ("era", era), ("month", month), ("year", year));
    }
}
