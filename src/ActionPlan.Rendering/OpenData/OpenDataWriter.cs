using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ActionPlan.Domain;
using ActionPlan.Rendering.Site;
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

    public static byte[] Csv(Plan plan)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true };
        using (var writer = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            writer.WriteRecord(OpenDataWriterPaths.CsvColumns.Select(c => c.Name).ToArray());
            var policies = plan.Policies.ToDictionary(p => p.Code);
            foreach (var item in plan.Items)
            {
                var policy = policies.TryGetValue(item.PolicyCode, out var p) ? $"{p.Label} {p.Name}" : item.PolicyCode;
                foreach (var entry in item.Entries.Where(e => e.Kind == EntryKind.Result))
                {
                    var achievement = AchievementRule.For(item, entry.Year);
                    var indicators = entry.Lines.SelectMany(l => l.Indicators).ToList();
                    string[] Common() =>
                    [
                        Guard(plan.Info.City), Guard(plan.Info.Title), item.Number.ToString(CultureInfo.InvariantCulture), Guard(item.Name),
                        Guard(string.Join("、", item.Divisions)), Guard(policy), entry.Year.Japanese, entry.Year.Western.ToString(CultureInfo.InvariantCulture),
                    ];
                    string[] Tail() =>
                    [
                        achievement.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
                        entry.Published?.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
                    ];
                    if (indicators.Count == 0)
                        writer.WriteRecord([.. Common(), "", "", "", "", "", "", "", "", "", .. Tail()]);
                    foreach (var i in indicators)
                    {
                        var ratio = AchievementRule.Ratio(i);
                        writer.WriteRecord(
                        [
                            .. Common(),
                            Guard(i.Name),
                            i.Target?.Plain ?? "", Guard(i.Target?.Display ?? ""),
                            i.Actual?.Plain ?? "", Guard(i.Actual?.Display ?? ""),
                            Guard(i.Actual?.Unit ?? i.Target?.Unit ?? ""),
                            i.Kind switch { TargetKind.AtLeast => "以上", TargetKind.AtMost => "以下", _ => "" },
                            i.Counted ? "1" : "0",
                            ratio is { } r ? Math.Round(r, 4, MidpointRounding.AwayFromZero).ToString("0.0###", CultureInfo.InvariantCulture) : "",
                            .. Tail(),
                        ]);
                    }
                }
            }
        }
        return stream.ToArray();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static byte[] Json(Plan plan)
    {
        var info = plan.Info;
        var doc = new
        {
            title = info.Title,
            subtitle = info.Subtitle,
            city = info.City,
            prefecture = info.Prefecture,
            period = new { start = info.Start.Western, end = info.End.Western, startLabel = info.Start.Japanese, endLabel = info.End.Japanese },
            published = info.PublicationKnown ? $"{info.PublishedYear.ToString("D4", CultureInfo.InvariantCulture)}-{info.PublishedMonth.ToString("D2", CultureInfo.InvariantCulture)}" : null,
            reportingYear = info.ReportingYear.Western,
            achievementRule = "以上: 実績÷目標、以下: 実績≤目標なら1・超えたら目標÷実績。各比率を0～1に収め、対象指標の平均を百分率の整数に四捨五入（0.5は切り上げ）。対象指標なしは null。",
            policies = plan.Policies.Select(p => new { code = p.Code, parent = p.ParentCode, label = p.Label, name = p.Name, description = p.Description, notes = p.Notes }),
            items = plan.Items.Select(item => new
            {
                number = item.Number,
                name = item.Name,
                divisions = item.Divisions,
                policy = item.PolicyCode,
                issues = Section(item.Issues),
                goals = Section(item.Goals),
                years = item.Entries.Select(e => e.Year).Distinct().Order().Select(y => new
                {
                    year = y.Western,
                    label = y.Japanese,
                    plan = Lines(item, y, EntryKind.Plan),
                    results = Lines(item, y, EntryKind.Result),
                    achievement = item.Entries.Any(e => e.Year == y && e.Kind == EntryKind.Result) ? AchievementRule.For(item, y).Percent : null,
                    published = item.Entries.FirstOrDefault(e => e.Year == y && e.Kind == EntryKind.Result)?.Published?.Percent,
                }),
            }),
        };
        // Serialized straight to UTF-8 bytes: no intermediate strings, so a plan of 10,000 items stays small in memory.
        using var stream = new MemoryStream(Math.Max(64 * 1024, plan.Items.Count * 8 * 1024));
        JsonSerializer.Serialize(stream, doc, JsonOptions);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static object Section(Section s) => s.Groups.Select(g => new
    {
        heading = g.Heading,
        bullets = g.Bullets.Select(b => new { text = b.Text, tags = b.Tags }),
        notes = g.Notes,
    });

    private static object? Lines(Item item, FiscalYear year, EntryKind kind) =>
        item.Entries.FirstOrDefault(e => e.Year == year && e.Kind == kind)?.Lines.Select(l => new
        {
            text = l.Text,
            indicators = l.Indicators.Select(i => new
            {
                name = i.Name,
                target = i.Target?.Canonical,
                targetText = i.Target?.Display,
                actual = i.Actual?.Canonical,
                actualText = i.Actual?.Display,
                unit = i.Actual?.Unit ?? i.Target?.Unit,
                kind = i.Kind switch { TargetKind.AtLeast => "以上", TargetKind.AtMost => "以下", _ => null },
                counted = i.Counted,
                ratio = AchievementRule.Ratio(i) is { } r ? Math.Round(r, 4, MidpointRounding.AwayFromZero) : (decimal?)null,
            }),
        });
}
