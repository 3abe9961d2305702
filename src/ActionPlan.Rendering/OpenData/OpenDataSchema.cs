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
    string AchievementRule, OpenDataRating? Rating, IReadOnlyList<OpenDataPolicy> Policies, IReadOnlyList<OpenDataItem> Items);

/// <param name="Grades">From the best down: the word and the lowest whole percent that earns it.</param>
/// <param name="Cap">The cap on an indicator's ratio (1 = 100%); null when a result above its target counts as it is.</param>
public sealed record OpenDataRating(IReadOnlyList<OpenDataGrade> Grades, decimal? Cap);

public sealed record OpenDataGrade(string Word, int AtLeast);

public sealed record OpenDataPeriod(int Start, int End, string StartLabel, string EndLabel);

public sealed record OpenDataPolicy(string Code, string? Parent, string Label, string Name, string Description, IReadOnlyList<string> Notes);

public sealed record OpenDataItem(
    int Number, string Name, IReadOnlyList<string> Divisions, string Policy,
    IReadOnlyList<OpenDataGroup> Issues, IReadOnlyList<OpenDataGroup> Goals, IReadOnlyList<OpenDataYear> Years);

public sealed record OpenDataGroup(string? Heading, IReadOnlyList<OpenDataBullet> Bullets, IReadOnlyList<string> Notes);

public sealed record OpenDataBullet(string Text, IReadOnlyList<string> Tags);

/// <param name="Achievement">The computed 年度計画達成度 (null without results or without a counted indicator).</param>
/// <param name="Grade">The achievement's grade on the plan's scale (null when there is no achievement).</param>
public sealed record OpenDataYear(int Year, string Label, IReadOnlyList<OpenDataLine>? Plan, IReadOnlyList<OpenDataLine>? Results, int? Achievement, int? Published, string? Grade = null);

public sealed record OpenDataLine(string Text, IReadOnlyList<OpenDataIndicator> Indicators);

/// <param name="Baseline">基準値 (null when the indicator has none): its ratio is then progress from it.</param>
public sealed record OpenDataIndicator(
    string Name, decimal? Target, string? TargetText, decimal? Actual, string? ActualText, string? Unit, string? Kind, bool Counted, decimal? Ratio,
    decimal? Baseline = null);

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
