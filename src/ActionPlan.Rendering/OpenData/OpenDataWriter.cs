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
            var separator = words["list.separator"];
            var (resultWord, forecastWord) = (words["opendata.entry.result"], words["opendata.entry.forecast"]);
            var code = plan.Info.MunicipalityCode ?? "";
            var policies = plan.Policies.ToDictionary(p => p.Code);
            foreach (var evaluation in evaluated.Items)
            {
                var item = evaluation.Item;
                var policy = policies.TryGetValue(item.PolicyCode, out var p) ? $"{p.Label} {p.Name}" : item.PolicyCode;
                var updated = evaluation.Update?.Edition.Key ?? "";
                foreach (var year in evaluation.Years.Where(y => y.HasResults || y.Forecast is not null))
                {
                    string[] Common() =>
                    [
                        Guard(plan.Info.City), Guard(plan.Info.Title), item.Number.ToString(CultureInfo.InvariantCulture), Guard(item.Name),
                        Guard(string.Join(separator, item.Divisions)), Guard(policy), year.Year.Japanese, year.Year.Western.ToString(CultureInfo.InvariantCulture),
                    ];
                    if (year.HasResults)
                    {
                        string[] Tail() =>
                        [
                            year.Computed.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
                            year.Published?.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
                            Guard(year.Grade?.Word ?? ""),
                        ];
                        var indicators = year.Indicators.Where(i => i.Kind == EntryKind.Result).ToList();
                        if (indicators.Count == 0)
                            writer.WriteRecord([.. Common(), "", "", "", "", "", "", "", "", "", .. Tail(), "", "", "", "", resultWord, "", Guard(year.Results!.Given?.Word ?? ""), "", code, updated]);
                        foreach (var e in indicators)
                            writer.WriteRecord([.. Common(), .. Figures(e, words), .. Tail(), .. Details(e, resultWord), Guard(year.Results!.Given?.Word ?? ""), Guard(e.Grade?.Word ?? ""), code, updated]);
                    }
                    foreach (var e in year.Indicators.Where(i => i.Kind == EntryKind.Forecast))
                        writer.WriteRecord([.. Common(), .. Figures(e, words), "", "", "", .. Details(e, forecastWord), "", "", code, updated]);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The data dictionary (opendata/dictionary.csv): one row per column of every CSV the site publishes — the data's and
    /// the dictionary's own — with its Japanese name, ASCII name, type, unit and description.
    /// </summary>
    public static byte[] Dictionary(Words words)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            writer.WriteRecord(OpenDataWriterPaths.DictionaryColumnIds.Select(id => words[$"opendata.dict.{id}"]).ToArray());
            var data = Path.GetFileName(OpenDataWriterPaths.Csv);
            foreach (var id in OpenDataWriterPaths.CsvColumnIds)
            {
                var (type, unit) = OpenDataWriterPaths.CsvColumnTypes[id];
                writer.WriteRecord([data, words[$"opendata.column.{id}"], id, words[$"opendata.type.{type}"], unit is null ? "" : words[$"opendata.unit.{unit}"], words[$"opendata.column.{id}.about"]]);
            }
            var dictionary = Path.GetFileName(OpenDataWriterPaths.Dictionary);
            foreach (var id in OpenDataWriterPaths.DictionaryColumnIds)
                writer.WriteRecord([dictionary, words[$"opendata.dict.{id}"], id, words["opendata.type.string"], "", words[$"opendata.dict.{id}.about"]]);
        }
        return stream.ToArray();
    }

    /// <summary>The indicator's columns from 指標 to 比率.</summary>
    private static string[] Figures(IndicatorEvaluation e, Words words)
    {
        var i = e.Indicator;
        return
        [
            Guard(i.Name),
            i.Target?.Plain ?? "", Guard(i.TargetDisplay ?? ""),
            i.Actual?.Plain ?? "", Guard(i.ActualDisplay ?? ""),
            Guard(i.Actual?.Unit ?? i.Target?.Unit ?? i.Baseline?.Unit ?? ""),
            KindWord(i.Kind, words) ?? "",
            i.Counted ? "1" : "0",
            e.Ratio is { } r ? Math.Round(r, 4, MidpointRounding.AwayFromZero).ToString("0.0###", CultureInfo.InvariantCulture) : "",
        ];
    }

    /// <summary>The columns from 基準値 to 累計値.</summary>
    private static string[] Details(IndicatorEvaluation e, string entry)
    {
        var i = e.Indicator;
        return
        [
            i.Baseline?.Plain ?? Guard(i.Words?.Baseline ?? ""),
            i.BaselineYear?.Western.ToString(CultureInfo.InvariantCulture) ?? "",
            i.TargetYear?.Western.ToString(CultureInfo.InvariantCulture) ?? "",
            Guard(i.AsOf ?? ""),
            entry,
            e.Total?.Plain ?? "",
        ];
    }

    private static string? KindWord(TargetKind? kind, Words words) => kind switch
    {
        TargetKind.AtLeast => words["opendata.kind.at-least"],
        TargetKind.AtMost => words["opendata.kind.at-most"],
        TargetKind.Cumulative => words["opendata.kind.cumulative"],
        TargetKind.Stage => words["opendata.kind.stage"],
        TargetKind.Increase => words["opendata.kind.increase"],
        TargetKind.Decrease => words["opendata.kind.decrease"],
        _ => null,
    };

    private static List<OpenDataGrade> Grades(RatingScale scale) => scale.Grades.Select(g => new OpenDataGrade(g.Word, g.AtLeast)
    {
        Rule = g.Rule switch
        {
            GradeRule.Percent => null,
            GradeRule.TargetReached => "target",
            GradeRule.AboveBaseline => "aboveBaseline",
            GradeRule.NearBaseline => "nearBaseline",
            GradeRule.BelowBaseline => "belowBaseline",
            GradeRule.NotRatable => "notRatable",
            _ => "given",
        },
        Meaning = g.Meaning,
        Band = g.Rule == GradeRule.NearBaseline ? g.Band : null,
    }).ToList();

    /// <summary>The whole plan as the typed open-data document.</summary>
    public static OpenDataPlan Document(EvaluatedPlan evaluated, Words words)
    {
        var plan = evaluated.Plan;
        var info = plan.Info;
        return new OpenDataPlan(
            info.Title, info.Subtitle, info.City, info.Prefecture,
            new OpenDataPeriod(info.Start.Western, info.End.Western, info.Start.Japanese, info.End.Japanese),
            info.PublishedKey,
            info.ReportingYear.Western,
            words["opendata.rule"],
            new OpenDataRating(Grades(info.Rating), info.Rating.Cap)
            {
                IndicatorGrades = info.IndicatorScale is { } byIndicator ? Grades(byIndicator) : null,
                StaffGrades = info.StaffScale is { } staff ? Grades(staff) : null,
            },
            plan.Policies.Select(p => new OpenDataPolicy(p.Code, p.ParentCode, p.Label, p.Name, p.Description, p.Notes)
            {
                Years = evaluated.Policies.TryGetValue(p.Code, out var own) ? own.Select(y => Year(y, words)).ToList() : null,
            }).ToList(),
            evaluated.Items.Select(e => new OpenDataItem(
                e.Item.Number, e.Item.Name, e.Item.Divisions, e.Item.PolicyCode, Section(e.Item.Issues), Section(e.Item.Goals),
                e.Years.Select(y => Year(y, words)).ToList())
            {
                Fields = e.Item.Extra.Count == 0 ? null : e.Item.Extra.Select(f => new OpenDataField(f.Name, Section(f.Content))).ToList(),
                LastUpdated = e.Update?.Edition.Key,
            }).ToList())
        {
            Shape = info.Shape is null ? null : new OpenDataShape(info.Form.Levels.Count == 0 ? null : info.Form.Levels, info.Form.Stages.Count == 0 ? null : info.Form.Stages,
                info.Form.Tally is { } t ? new OpenDataTally(t.Name, t.Grades) { Over = t.Over switch { TallyOver.Indicators => "indicators", TallyOver.StaffGrades => "staffGrades", _ => null } } : null, info.Form.Fields.Count == 0 ? null : info.Form.Fields),
        };
    }

    private static OpenDataYear Year(YearEvaluation y, Words words) =>
        new(y.Year.Western, y.Year.Japanese, Lines(y.Plan, y, words), Lines(y.Results, y, words), y.Computed.Percent, y.Published?.Percent, y.Grade?.Word)
        {
            Forecast = y.Forecast is null ? null : Lines(y.Forecast, y, words),
            GivenGrade = y.Results?.Given?.Word,
        };

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
        entry?.Lines.Select(l => new OpenDataLine(l.Text, l.Indicators.Select(i =>
        {
            var e = year.Indicators.FirstOrDefault(x => ReferenceEquals(x.Indicator, i));
            return new OpenDataIndicator(
                i.Name, i.Target?.Canonical, i.TargetDisplay, i.Actual?.Canonical, i.ActualDisplay, i.Actual?.Unit ?? i.Target?.Unit ?? i.Baseline?.Unit,
                KindWord(i.Kind, words),
                i.Counted,
                e?.Ratio is { } r ? Math.Round(r, 4, MidpointRounding.AwayFromZero) : null,
                i.Baseline?.Canonical)
            {
                BaselineText = i.Words?.Baseline,
                BaselineYear = i.BaselineYear?.Western,
                TargetYear = i.TargetYear?.Western,
                AsOf = i.AsOf,
                NotRatable = i.NotRatable,
                Total = e?.Total?.Canonical,
                Grade = e?.Grade?.Word,
            };
        }).ToList())).ToList();
}
