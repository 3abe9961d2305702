using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace ActionPlan.Rendering.OpenData;

// The published opendata/plan.json, as types: the writer serialises these and the change report reads the previous
// build's file back into them, so renaming a field changes both or breaks the build (never silently the report).

/// <param name="Rating">The plan's rating scale (plan.md 評価, 比率の上限); absent in files written before it was published.</param>
public sealed record OpenDataPlan(
    string Title, string Subtitle, string City, string Prefecture, OpenDataPeriod Period, string? Published, int ReportingYear,
    string AchievementRule, OpenDataRating? Rating, IReadOnlyList<OpenDataPolicy> Policies, IReadOnlyList<OpenDataItem> Items)
{
    /// <summary>What the plan declares about its shape (plan.md 階層, 段階, 集計, 項目の欄); absent when it declares none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OpenDataShape? Shape { get; init; }
}

/// <param name="Levels">The level names from the top of the policy tree, the items' last.</param>
/// <param name="Stages">The stages a 段階 indicator moves through, first to last.</param>
/// <param name="Fields">The extra sections an item may have.</param>
public sealed record OpenDataShape(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Levels,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Stages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OpenDataTally? Tally,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Fields);

/// <summary>集計: <see cref="Name"/> = the share of items whose grade is one of <see cref="Grades"/>.</summary>
public sealed record OpenDataTally(string Name, IReadOnlyList<string> Grades)
{
    /// <summary>What is counted when not items by their year's grade: staffGrades (items by 職員の評価) or indicators (by 指標の評価).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Over { get; init; }
}

/// <summary>An extra section of an item (今後の方向性).</summary>
public sealed record OpenDataField(string Name, IReadOnlyList<OpenDataGroup> Content);

/// <param name="Grades">From the best down: the word and the lowest whole percent that earns it.</param>
/// <param name="Cap">The cap on an indicator's ratio (1 = 100%); null when a result above its target counts as it is.</param>
public sealed record OpenDataRating(IReadOnlyList<OpenDataGrade> Grades, decimal? Cap)
{
    /// <summary>指標の評価: the scale each indicator is graded on, when the plan declares one apart; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<OpenDataGrade>? IndicatorGrades { get; init; }
    /// <summary>職員の評価: the scale staff give their grade on (givenGrade), when the plan declares one apart; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<OpenDataGrade>? StaffGrades { get; init; }
}

/// <param name="AtLeast">The lowest whole percent that earns a percent grade (0 for the other rules).</param>
public sealed record OpenDataGrade(string Word, int AtLeast)
{
    /// <summary>How the grade is earned when not by a percent: target, aboveBaseline, nearBaseline, belowBaseline, notRatable, given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Rule { get; init; }
    /// <summary>The words after a symbol (A 計画通り → 計画通り).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Meaning { get; init; }
    /// <summary>nearBaseline: the ±share of the baseline it allows (0.1 = ±10%).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Band { get; init; }
}

public sealed record OpenDataPeriod(int Start, int End, string StartLabel, string EndLabel);

public sealed record OpenDataPolicy(string Code, string? Parent, string Label, string Name, string Description, IReadOnlyList<string> Notes)
{
    /// <summary>The policy's own indicators by year (a 基本目標's 数値目標); absent when it has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<OpenDataYear>? Years { get; init; }
}

public sealed record OpenDataItem(
    int Number, string Name, IReadOnlyList<string> Divisions, string Policy,
    IReadOnlyList<OpenDataGroup> Issues, IReadOnlyList<OpenDataGroup> Goals, IReadOnlyList<OpenDataYear> Years)
{
    /// <summary>The plan's extra sections this item fills (今後の方向性); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<OpenDataField>? Fields { get; init; }
    /// <summary>最終更新: the 公表 month (YYYY-MM) of the edition that last changed the item (history.csv).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LastUpdated { get; init; }
}

public sealed record OpenDataGroup(string? Heading, IReadOnlyList<OpenDataBullet> Bullets, IReadOnlyList<string> Notes);

public sealed record OpenDataBullet(string Text, IReadOnlyList<string> Tags);

/// <param name="Achievement">The computed 年度計画達成度 (null without results or without a counted indicator).</param>
/// <param name="Grade">The achievement's grade on the plan's scale (null when there is no achievement).</param>
public sealed record OpenDataYear(int Year, string Label, IReadOnlyList<OpenDataLine>? Plan, IReadOnlyList<OpenDataLine>? Results, int? Achievement, int? Published, string? Grade = null)
{
    /// <summary>見込: the lines of a year still under way (never counted in the achievement); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<OpenDataLine>? Forecast { get; init; }
    /// <summary>The grade staff gave the year (評価 in the item's table); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? GivenGrade { get; init; }
}

public sealed record OpenDataLine(string Text, IReadOnlyList<OpenDataIndicator> Indicators);

/// <param name="Baseline">基準値 (null when the indicator has none): its ratio is then progress from it.</param>
public sealed record OpenDataIndicator(
    string Name, decimal? Target, string? TargetText, decimal? Actual, string? ActualText, string? Unit, string? Kind, bool Counted, decimal? Ratio,
    decimal? Baseline = null)
{
    /// <summary>A baseline written as a word (a 段階 stage).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? BaselineText { get; init; }
    /// <summary>基準年度 (西暦).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? BaselineYear { get; init; }
    /// <summary>目標年度 (西暦): the year a final target is for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? TargetYear { get; init; }
    /// <summary>時点: when within its year the value was observed (「9月30日現在」).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AsOf { get; init; }
    /// <summary>The word for a result that cannot be rated (評価不能), kept apart from zero.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? NotRatable { get; init; }
    /// <summary>累計: the total up to this year that the ratio is of.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Total { get; init; }
    /// <summary>The indicator's own grade (its ratio on the plan's scale).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Grade { get; init; }
}

/// <summary>The one JSON form of the open data (UTF-8, Japanese kept as characters, camelCase, LF).</summary>
public static class OpenDataJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The schema's types are described at compile time (no reflection when a build starts); anything else, by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(OpenDataJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>A previous build's plan.json, or null when there is none or it cannot be read as this schema.</summary>
    public static OpenDataPlan? Read(byte[]? json)
    {
        if (json is null) return null;
        try { return JsonSerializer.Deserialize<OpenDataPlan>(json, Options); }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException) { return null; }
    }
}

/// <summary>The open data schema described at compile time (System.Text.Json source generation), with the same names as <see cref="OpenDataJson.Options"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(OpenDataPlan))]
internal sealed partial class OpenDataJsonContext : JsonSerializerContext;
