using System.Globalization;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// The indicator table, the hint on how its ratios are computed, and the per-indicator charts, for any evaluated years —
/// an item's or a policy's own (a 基本目標's 数値目標). Every figure is formatted here; the templates only display.
/// </summary>
public sealed class Indicators(PlanInfo info, Theme.Words words)
{
    public IReadOnlyList<IndicatorRow> Rows(IReadOnlyList<YearEvaluation> years) => years
        .SelectMany(y => y.Indicators.Select(i => (Year: y, Indicator: i)))
        .Select(t => Row(t.Year, t.Indicator))
        .ToList();

    private IndicatorRow Row(YearEvaluation year, IndicatorEvaluation e)
    {
        var i = e.Indicator;
        return new IndicatorRow(
            words.Format(e.Kind switch { EntryKind.Result => "indicator.row-result", EntryKind.Forecast => "indicator.row-forecast", _ => "indicator.row-plan" }, ("year", year.Year.Japanese)),
            i.Name,
            Target(i),
            Actual(i, e.Total),
            i.Actual?.Unit is { Length: > 0 } u ? u : i.Target?.Unit is { Length: > 0 } tu ? tu : i.Baseline?.Unit is { Length: > 0 } bu ? bu : "—",
            KindWord(i.Kind) ?? "—",
            e.Ratio is { } r ? (r * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—",
            i.Counted ? words["indicator.counted"] : words["indicator.not-counted"],
            i.Counted,
            i.Baseline is not null || i.Words?.Baseline is not null ? Baseline(i) : null,
            e.Kind == EntryKind.Forecast)
        {
            Grade = info.IndicatorScale is null ? null : e.Kind == EntryKind.Result && i.Counted ? e.Grade?.Label ?? "—" : "",
        };
    }

    /// <summary>
    /// How each grade of a scale is earned, in the theme's words: 「目標値超え: 目標値に達した」「基準値と同水準: 基準値の±10%以内」,
    /// or a percent range; the hint above the indicator table says it when the plan grades indicators apart.
    /// </summary>
    public string RulesOf(RatingScale scale) => string.Join(words["grade-rule.separator"], scale.Grades.Select(g =>
    {
        var band = (scale.Grades.FirstOrDefault(x => x.Rule == GradeRule.NearBaseline)?.Band ?? 0m) * 100m;
        var bandText = band.ToString("0.##", CultureInfo.InvariantCulture);
        var rule = g.Rule switch
        {
            GradeRule.Percent => words.Format("grade-rule.percent", ("low", g.AtLeast)),
            GradeRule.TargetReached => words["grade-rule.target"],
            GradeRule.AboveBaseline => band == 0 ? words["grade-rule.above"] : words.Format("grade-rule.above-band", ("band", bandText)),
            GradeRule.NearBaseline => words.Format("grade-rule.near", ("band", bandText)),
            GradeRule.BelowBaseline => band == 0 ? words["grade-rule.below"] : words.Format("grade-rule.below-band", ("band", bandText)),
            GradeRule.NotRatable => words["grade-rule.not-ratable"],
            _ => words["grade-rule.given"],
        };
        return words.Format("grade-rule.item", ("grade", g.Label), ("rule", rule));
    }));

    private string? KindWord(TargetKind? kind) => kind switch
    {
        TargetKind.AtLeast => words["indicator.at-least"],
        TargetKind.AtMost => words["indicator.at-most"],
        TargetKind.Cumulative => words["indicator.cumulative"],
        TargetKind.Stage => words["indicator.stage"],
        TargetKind.Increase => words["indicator.increase"],
        TargetKind.Decrease => words["indicator.decrease"],
        _ => null,
    };

    /// <summary>How the ratio column is computed: the plan's rule, then a sentence per kind of indicator the years hold.</summary>
    public string RatioHint(IEnumerable<YearEvaluation> years)
    {
        var all = years.SelectMany(y => y.Indicators).Select(i => i.Indicator).ToList();
        var hint = words[info.Rating.Cap is null ? "item.ratio-rule-uncapped" : "item.ratio-rule"];
        if (all.Any(i => i.Target?.Value < 0)) hint += words["item.reduction-rule"];
        if (all.Any(i => i.Baseline is not null && i.Kind is TargetKind.AtLeast or TargetKind.AtMost or TargetKind.Cumulative)) hint += words["item.baseline-rule"];
        if (all.Any(i => i.Kind == TargetKind.Cumulative)) hint += words["item.cumulative-rule"];
        if (all.Any(i => i.Kind == TargetKind.Stage)) hint += words.Format("item.stage-rule", ("stages", string.Join(words["list.separator"], info.Form.Stages)));
        if (all.Any(i => i.Kind is TargetKind.Increase or TargetKind.Decrease)) hint += words["item.direction-rule"];
        foreach (var word in all.Select(i => i.NotRatable).OfType<string>().Distinct(StringComparer.Ordinal))
            hint += words.Format("item.not-ratable-rule", ("word", word));
        if (info.IndicatorScale is { } scale && all.Any(i => i.Counted)) hint += words.Format("item.indicator-grade-rule", ("rules", RulesOf(scale)));
        return hint;
    }

    private FigureView Figure(Quantity? q, string? word = null, string? note = null) =>
        q is not null ? new FigureView(q.Display, q.Spoken, Note: note)
        : word is not null ? new FigureView(word, word, Note: note)
        : new FigureView(words["figure.none"], words["figure.none.spoken"], Note: note);

    /// <summary>A target written as a change (▲600時間, +5%) is a change: say which way and how much.</summary>
    private static bool IsChange(Indicator i) => i.Target is { } t && (t.Value < 0 || t.ExplicitPlus);

    private static string Size(Quantity q) => (q with { Value = Math.Abs(q.Value), ExplicitPlus = false }).Display;

    private FigureView Target(Indicator i)
    {
        var note = i.TargetYear is { } ty ? words.Format("indicator.target-year", ("year", ty.Japanese)) : null;
        if (i.Target is not { } t || !IsChange(i)) return Figure(i.Target, i.Words?.Target, note);
        var bound = KindWord(i.Kind is TargetKind.Cumulative ? TargetKind.AtLeast : i.Kind) is { } b && i.Kind is TargetKind.AtLeast or TargetKind.AtMost or TargetKind.Cumulative ? b : "";
        return new FigureView(t.Display, t.Spoken, words.Format("figure.change", ("size", Size(t) + bound), ("direction", words[t.Value < 0 ? "figure.reduction" : "figure.increase"])), note);
    }

    private FigureView Actual(Indicator i, Quantity? total)
    {
        var note = total is not null ? words.Format("indicator.total", ("total", total.Display)) : i.AsOf;
        if (total is not null && i.AsOf is not null) note = i.AsOf + words["list.separator"] + note;
        if (i.Actual is not { } a || !IsChange(i)) return Figure(i.Actual, i.Words?.Actual ?? i.NotRatable, note);
        return new FigureView(a.Display, a.Spoken, a.Value == 0 ? words["figure.no-change"]
            : words.Format("figure.change", ("size", Size(a)), ("direction", words[a.Value < 0 ? "figure.decrease" : "figure.increase"])), note);
    }

    private FigureView Baseline(Indicator i) =>
        Figure(i.Baseline, i.Words?.Baseline, i.BaselineYear is { } by ? words.Format("indicator.baseline-year", ("year", by.Japanese)) : null);

    // ---- charts ---------------------------------------------------------------------------------

    private const double Width = 560, Height = 260, Left = 72, Right = 540, Top = 20, Bottom = 220;

    /// <summary>A chart per numeric indicator with a baseline or a final target year, in the order the indicators first appear.</summary>
    /// <param name="idPrefix">Makes the charts' ids unique on the page (kpi-1, kpi-2 …).</param>
    public IReadOnlyList<KpiChartView> Charts(IReadOnlyList<YearEvaluation> years, string idPrefix)
    {
        var observations = years.SelectMany(y => y.Indicators.Select(i => (y.Year, i.Kind, i.Indicator, i.Total))).ToList();
        var names = observations.Where(o => o.Indicator.Baseline is not null || o.Indicator.TargetYear is not null)
            .Select(o => o.Indicator.Name).Distinct(StringComparer.Ordinal).ToList();
        var charts = new List<KpiChartView>();
        foreach (var name in names)
        {
            var mine = observations.Where(o => o.Indicator.Name == name).ToList();
            var points = mine.Where(o => o.Kind != EntryKind.Plan && (o.Total ?? o.Indicator.Actual) is not null)
                .Select(o => (o.Year, Value: (o.Total ?? o.Indicator.Actual)!, Forecast: o.Kind == EntryKind.Forecast)).ToList();
            if (points.Count == 0) continue;
            var last = mine.Last(o => o.Indicator.Target is not null || o.Indicator.Baseline is not null).Indicator;
            charts.Add(Chart($"{idPrefix}{charts.Count + 1}", name, points, last.Baseline, last.BaselineYear, last.Target, last.TargetYear));
        }
        return charts;
    }

    private KpiChartView Chart(string id, string name, List<(FiscalYear Year, Quantity Value, bool Forecast)> points, Quantity? baseline, FiscalYear? baselineYear, Quantity? target, FiscalYear? targetYear)
    {
        var first = new[] { points.Min(p => p.Year), baselineYear ?? points.Min(p => p.Year) }.Min();
        var lastYear = new[] { points.Max(p => p.Year), targetYear ?? points.Max(p => p.Year) }.Max();
        var yearCount = lastYear.Reiwa - first.Reiwa + 1;
        var step = yearCount > 1 ? (Right - Left - 40) / (yearCount - 1) : 0;
        double XOf(FiscalYear y) => Math.Round(Left + 20 + step * (y.Reiwa - first.Reiwa), 2);
        var values = points.Select(p => p.Value.Value).Concat(new[] { baseline?.Value, target?.Value }.OfType<decimal>()).ToList();
        var (low, high, tick) = Scale(Math.Min(0, values.Min()), values.Max());
        double YOf(decimal v) => Math.Round(Bottom - (Bottom - Top) * (double)((v - low) / (high - low)), 2);
        var unit = points[0].Value;
        var grid = new List<(double, string)>();
        for (var v = low; v <= high; v += tick) grid.Add((YOf(v), (unit with { Value = v, Approximate = false, ExplicitPlus = false, Decimals = Decimals(tick, unit) }).Display));
        var kpiPoints = points.OrderBy(p => p.Year).ThenBy(p => p.Forecast).Select(p =>
        {
            var y = YOf(p.Value.Value);
            return new KpiPoint(p.Year.JapaneseWithWestern, p.Year.Short, p.Value.Display,
                words.Format(p.Forecast ? "indicator.row-forecast" : "indicator.row-result", ("year", p.Year.Japanese)),
                XOf(p.Year), y, Math.Round(y < Top + 24 ? y + 20 : y - 10, 2), p.Forecast);
        }).ToList();
        static string Line(IEnumerable<KpiPoint> ps) => string.Join(" ", ps.Select(p => $"{p.X.ToString(CultureInfo.InvariantCulture)},{p.Y.ToString(CultureInfo.InvariantCulture)}"));
        var results = kpiPoints.Where(p => !p.IsForecast).ToList();
        var forecasts = kpiPoints.Where(p => p.IsForecast).ToList();
        var forecastLine = forecasts.Count == 0 ? "" : Line((results.Count > 0 ? [results[^1]] : Array.Empty<KpiPoint>()).Concat(forecasts));
        (double, string)? baseLine = baseline is null ? null : (YOf(baseline.Value), words.Format("kpi-chart.baseline", ("value", baseline.Display + (baselineYear is { } by ? "（" + by.Japanese + "）" : ""))));
        (double, string)? targetLine = target is null ? null : (YOf(target.Value), words.Format("kpi-chart.target", ("value", target.Display + (targetYear is { } ty ? "（" + ty.Japanese + "）" : ""))));
        var axis = Enumerable.Range(first.Reiwa, yearCount).Select(r => new FiscalYear(r)).Select(y => (XOf(y), y.Short)).ToList();
        var description = string.Join(words["list.separator"], kpiPoints.Select(p => $"{p.Kind} {p.Display}")
            .Concat(new[] { baseLine?.Item2, targetLine?.Item2 }.OfType<string>()));
        return new KpiChartView(id, words.Format("kpi-chart.title", ("name", name)), description, Width, Height, Left, Right, Top, Bottom,
            grid, kpiPoints, Line(results), forecastLine, baseLine, targetLine, axis);
    }

    /// <summary>The axis from <paramref name="min"/> to <paramref name="max"/> in four or five round steps (1, 2 or 5 × 10ⁿ).</summary>
    public static (decimal Low, decimal High, decimal Step) Scale(decimal min, decimal max)
    {
        if (max <= min) max = min + 1;
        var raw = (max - min) / 4m;
        var magnitude = 1m;
        while (magnitude * 10 <= raw) magnitude *= 10;
        while (magnitude > raw && magnitude > 0.0001m) magnitude /= 10;
        var step = new[] { 1m, 2m, 5m, 10m }.Select(f => f * magnitude).First(s => s >= raw);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        if (high == max) high += step;   // room above the highest point for its label
        return (low, high, step);
    }

    private static int Decimals(decimal step, Quantity unit)
    {
        var scaled = step / (unit.Value == 0 ? 1 : unit.Value / unit.Scaled);
        var d = 0;
        while (scaled != Math.Floor(scaled) && d < 4) { scaled *= 10; d++; }
        return d;
    }
}
