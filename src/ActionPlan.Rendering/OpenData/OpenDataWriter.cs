using System.Globalization;
using System.Text;
using System.Text.Json;
using ActionPlan.Domain;
using ActionPlan.Rendering.Site;
using ActionPlan.Rendering.Theme;
using CsvHelper;

namespace ActionPlan.Rendering.OpenData;

/// <summary>
/// Open data in the Digital Agency's 自治体標準オープンデータセット conventions: CSV in UTF-8 with BOM, a header
/// row, one record per line (item × year × indicator), plain signed numbers with the unit in its own column; and
/// the whole plan as JSON. Text cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
public static class OpenDataWriter
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Prefixes 「'」 to text that starts like a formula (= + - @ tab CR), so Excel shows it as text.</summary>
    public static string Guard(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    public static byte[] Csv(EvaluatedPlan evaluated, Words words)
    {
        var plan = evaluated.Plan;
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true };
        using (var writer = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            writer.WriteRecord(OpenDataWriterPaths.CsvColumns(words).Select(c => c.Name).ToArray());
            var (atLeast, atMost, separator) = (words["opendata.kind.at-least"], words["opendata.kind.at-most"], words["list.separator"]);
            var policies = plan.Policies.ToDictionary(p => p.Code);
            foreach (var evaluation in evaluated.Items)
            {
                var item = evaluation.Item;
                var policy = policies.TryGetValue(item.PolicyCode, out var p) ? $"{p.Label} {p.Name}" : item.PolicyCode;
                foreach (var year in evaluation.WithResults)
                {
                    var indicators = year.Results!.Lines.SelectMany(l => l.Indicators).ToList();
                    string[] Common() =>
                    [
                        Guard(plan.Info.City), Guard(plan.Info.Title), item.Number.ToString(CultureInfo.InvariantCulture), Guard(item.Name),
                        Guard(string.Join(separator, item.Divisions)), Guard(policy), year.Year.Japanese, year.Year.Western.ToString(CultureInfo.InvariantCulture),
                    ];
                    string[] Tail() =>
                    [
                        year.Computed.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
                        year.Published?.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
                        Guard(year.Grade?.Word ?? ""),
                    ];
                    if (indicators.Count == 0)
                        writer.WriteRecord([.. Common(), "", "", "", "", "", "", "", "", "", .. Tail(), ""]);
                    foreach (var i in indicators)
                    {
                        var ratio = year.RatioOf(i);
                        writer.WriteRecord(
                        [
                            .. Common(),
                            Guard(i.Name),
                            i.Target?.Plain ?? "", Guard(i.Target?.Display ?? ""),
                            i.Actual?.Plain ?? "", Guard(i.Actual?.Display ?? ""),
                            Guard(i.Actual?.Unit ?? i.Target?.Unit ?? ""),
                            i.Kind switch { TargetKind.AtLeast => atLeast, TargetKind.AtMost => atMost, _ => "" },
                            i.Counted ? "1" : "0",
                            ratio is { } r ? Math.Round(r, 4, MidpointRounding.AwayFromZero).ToString("0.0###", CultureInfo.InvariantCulture) : "",
                            .. Tail(),
                            i.Baseline?.Plain ?? "",
                        ]);
                    }
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>The whole plan as the typed open-data document.</summary>
    public static OpenDataPlan Document(EvaluatedPlan evaluated, Words words)
    {
        var plan = evaluated.Plan;
        var info = plan.Info;
        return new OpenDataPlan(
            info.Title, info.Subtitle, info.City, info.Prefecture,
            new OpenDataPeriod(info.Start.Western, info.End.Western, info.Start.Japanese, info.End.Japanese),
            info.PublicationKnown ? $"{info.PublishedYear.ToString("D4", CultureInfo.InvariantCulture)}-{info.PublishedMonth.ToString("D2", CultureInfo.InvariantCulture)}" : null,
            info.ReportingYear.Western,
            words["opendata.rule"],
            new OpenDataRating(info.Rating.Grades.Select(g => new OpenDataGrade(g.Word, g.AtLeast)).ToList(), info.Rating.Cap),
            plan.Policies.Select(p => new OpenDataPolicy(p.Code, p.ParentCode, p.Label, p.Name, p.Description, p.Notes)).ToList(),
            evaluated.Items.Select(e => new OpenDataItem(
                e.Item.Number, e.Item.Name, e.Item.Divisions, e.Item.PolicyCode, Section(e.Item.Issues), Section(e.Item.Goals),
                e.Years.Select(y => new OpenDataYear(
                    y.Year.Western, y.Year.Japanese, Lines(y.Plan, y, words), Lines(y.Results, y, words),
                    y.Computed.Percent, y.Published?.Percent, y.Grade?.Word)).ToList())).ToList());
    }

    public static byte[] Json(EvaluatedPlan evaluated, Words words)
    {
        // Serialized straight to UTF-8 bytes: no intermediate strings, so a plan of 10,000 items stays small in memory.
        using var stream = new MemoryStream(Math.Max(64 * 1024, evaluated.Items.Count * 8 * 1024));
        JsonSerializer.Serialize(stream, Document(evaluated, words), OpenDataJson.Options);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static IReadOnlyList<OpenDataGroup> Section(Section s) =>
        s.Groups.Select(g => new OpenDataGroup(g.Heading, g.Bullets.Select(b => new OpenDataBullet(b.Text, b.Tags)).ToList(), g.Notes)).ToList();

    private static IReadOnlyList<OpenDataLine>? Lines(YearEntry? entry, YearEvaluation year, Words words) =>
        entry?.Lines.Select(l => new OpenDataLine(l.Text, l.Indicators.Select(i => new OpenDataIndicator(
            i.Name, i.Target?.Canonical, i.Target?.Display, i.Actual?.Canonical, i.Actual?.Display, i.Actual?.Unit ?? i.Target?.Unit,
            i.Kind switch { TargetKind.AtLeast => words["opendata.kind.at-least"], TargetKind.AtMost => words["opendata.kind.at-most"], _ => null },
            i.Counted,
            year.RatioOf(i) is { } r ? Math.Round(r, 4, MidpointRounding.AwayFromZero) : null,
            i.Baseline?.Canonical)).ToList())).ToList();
}
