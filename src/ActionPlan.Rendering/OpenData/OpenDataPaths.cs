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
    /// <summary>Every column of every CSV: its Japanese and ASCII names, type, unit and description.</summary>
    public const string Dictionary = "opendata/dictionary.csv";
    /// <summary>The DCAT catalogue (JSON-LD) a data catalogue such as the national one (CKAN) harvests.</summary>
    public const string Catalog = "opendata/catalog.jsonld";

    public static readonly IReadOnlyList<string> CsvColumnIds =
    [
        "municipality", "plan", "item-number", "item-name", "divisions", "policy", "year", "western-year",
        "indicator", "target", "target-written", "actual", "actual-written", "unit", "kind", "counted", "ratio",
        "achievement", "published-achievement", "grade", "baseline",
        "baseline-year", "target-year", "as-of", "entry", "total", "given-grade", "indicator-grade", "municipality-code", "last-updated",
    ];

    /// <summary>Each CSV column's type and unit as the data dictionary states them (theme words opendata.type.* and opendata.unit.*).</summary>
    public static readonly IReadOnlyDictionary<string, (string Type, string? Unit)> CsvColumnTypes = new Dictionary<string, (string, string?)>(StringComparer.Ordinal)
    {
        ["municipality"] = ("string", null), ["plan"] = ("string", null), ["item-number"] = ("integer", null), ["item-name"] = ("string", null),
        ["divisions"] = ("string", null), ["policy"] = ("string", null), ["year"] = ("string", null), ["western-year"] = ("integer", "year"),
        ["indicator"] = ("string", null), ["target"] = ("decimal", "unit-column"), ["target-written"] = ("string", null),
        ["actual"] = ("decimal", "unit-column"), ["actual-written"] = ("string", null), ["unit"] = ("string", null), ["kind"] = ("string", null),
        ["counted"] = ("integer", null), ["ratio"] = ("decimal", "ratio"), ["achievement"] = ("integer", "percent"),
        ["published-achievement"] = ("integer", "percent"), ["grade"] = ("string", null), ["baseline"] = ("decimal", "unit-column"),
        ["baseline-year"] = ("integer", "year"), ["target-year"] = ("integer", "year"), ["as-of"] = ("string", null), ["entry"] = ("string", null),
        ["total"] = ("decimal", "unit-column"), ["given-grade"] = ("string", null), ["indicator-grade"] = ("string", null), ["municipality-code"] = ("string", null), ["last-updated"] = ("string", null),
    };

    /// <summary>The data dictionary's own columns (it lists itself too).</summary>
    public static readonly IReadOnlyList<string> DictionaryColumnIds = ["file", "name", "ascii-name", "type", "unit", "description"];

    public static IReadOnlyList<OpenDataColumn> CsvColumns(Theme.Words words) =>
        CsvColumnIds.Select(id => new OpenDataColumn(id, words[$"opendata.column.{id}"], words[$"opendata.column.{id}.about"])).ToList();
}
