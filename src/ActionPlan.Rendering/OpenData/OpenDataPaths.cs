namespace ActionPlan.Rendering.Site;

/// <summary>
/// Where the open data lives and the columns of its CSV, in order. A column is an ASCII id here; its Japanese name (the
/// CSV header) and its description (shown on the open data page) are the theme's words opendata.column.&lt;id&gt; and
/// opendata.column.&lt;id&gt;.about.
/// </summary>
public static class OpenDataWriterPaths
{
    public const string Csv = "opendata/achievements.csv";
    public const string Json = "opendata/plan.json";

    public static readonly IReadOnlyList<string> CsvColumnIds =
    [
        "municipality", "plan", "item-number", "item-name", "divisions", "policy", "year", "western-year",
        "indicator", "target", "target-written", "actual", "actual-written", "unit", "kind", "counted", "ratio",
        "achievement", "published-achievement", "grade", "baseline",
        "baseline-year", "target-year", "as-of", "entry", "total", "given-grade", "indicator-grade",
    ];

    public static IReadOnlyList<OpenDataColumn> CsvColumns(Theme.Words words) =>
        CsvColumnIds.Select(id => new OpenDataColumn(id, words[$"opendata.column.{id}"], words[$"opendata.column.{id}.about"])).ToList();
}
