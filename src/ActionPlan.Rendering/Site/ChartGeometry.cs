using System.Globalization;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>The achievement trend as SVG geometry: one point per year of the plan, computed here so the template only draws.</summary>
public static class ChartGeometry
{
    private const double Width = 560, Height = 260, Left = 56, Right = 540, Top = 20, Bottom = 220;

    /// <summary>Null when the item has no assessed year.</summary>
    public static ChartView? For(ItemEvaluation item, PlanInfo info, Theme.Words words)
    {
        if (item.Years.All(e => e.Computed.Percent is null)) return null;
        var years = info.Years.ToList();
        var step = years.Count > 1 ? (Right - Left - 40) / (years.Count - 1) : 0;
        static double YOf(int p) => Bottom - (Bottom - Top) * p / 100.0;
        var points = years.Select((y, i) =>
        {
            var eval = item.Years.FirstOrDefault(e => e.Year == y && e.HasResults);
            var pct = eval?.Computed.Percent;
            var yPos = pct is { } p ? YOf(p) : Bottom;
            return new ChartPoint(y.JapaneseWithWestern, y.Short, pct, eval is null ? words["status.pending"] : eval.Computed.Display,
                Math.Round(Left + 20 + step * i, 2), Math.Round(yPos, 2), Math.Round(pct is { } q && q > 85 ? yPos + 18 : yPos - 10, 2));
        }).ToList();
        var assessed = points.Where(p => p.Percent is not null).ToList();
        return new ChartView(
            words.Format("chart.title", ("number", item.Item.Number)),
            string.Join(words["list.separator"], assessed.Select(p => $"{p.Year} {p.Display}")),
            Width, Height, Left, Right, Top, Bottom,
            new[] { 0, 25, 50, 75, 100 }.Select(p => (Math.Round(YOf(p), 2), $"{p}%")).ToList(),
            points,
            string.Join(" ", assessed.Select(p => $"{p.X.ToString(CultureInfo.InvariantCulture)},{p.Y.ToString(CultureInfo.InvariantCulture)}")));
    }
}
