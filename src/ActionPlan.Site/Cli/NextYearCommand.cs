using System.Text;
using ActionPlan.Domain;
using ActionPlan.Input;

namespace ActionPlan.Site.Cli;

/// <summary>
/// 「next-year --year R5」: prepares next year's results. To every item CSV that has 計画 rows for the year and no
/// 実績 rows yet, it appends one 実績 row per plan line, marked 「（未記入）」 with the plan's indicator and target
/// copied, ready to fill in. The file keeps its encoding (UTF-8 with/without BOM or Shift_JIS) and line endings.
/// The loader warns about any 「（未記入）」 row left, so nothing half-filled is published unnoticed.
/// </summary>
public static class NextYearCommand
{
    public const string Placeholder = PlanLoader.Placeholder;

    public static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Year is null || !ItemCsv.TryParseYear(o.Year, out var year))
        {
            stderr.WriteLine("エラー: --year で年度を指定してください（例: --year R5）。");
            return ExitCodes.Usage;
        }
        var loaded = PlanLoader.Load(o.Input, o.Input);
        foreach (var d in loaded.Diagnostics) stderr.WriteLine(d.Format());
        if (loaded.Plan is null)
        {
            stderr.WriteLine("入力にエラーがあるため、何も変更していません。先にエラーを直してください。");
            return ExitCodes.DataError;
        }
        if (!loaded.Plan.Info.Contains(year))
        {
            stderr.WriteLine($"エラー: {year.JapaneseWithWestern}は計画期間（{loaded.Plan.Info.Start.Japanese}～{loaded.Plan.Info.End.Japanese}）の外です。");
            return ExitCodes.Usage;
        }
        var added = 0;
        foreach (var item in loaded.Plan.Items)
        {
            var plan = item.Entries.FirstOrDefault(e => e.Year == year && e.Kind == EntryKind.Plan);
            var hasResults = item.Entries.Any(e => e.Year == year && e.Kind == EntryKind.Result);
            if (hasResults) { stdout.WriteLine($"No.{item.Number}: {year.Japanese}実績はすでにあります（変更なし）"); continue; }
            if (plan is null || plan.Lines.Count == 0) { stdout.WriteLine($"No.{item.Number}: {year.Japanese}計画がないため、行を追加しませんでした"); continue; }
            // The loader was shown the input folder as given, so the file it read the item's table from is a usable path.
            // (Every loaded item has its source; only items made in code for tests have none.)
            var path = item.Source!.ResultsFile;
            var rows = PlaceholderRows(plan, year, "実績");
            AppendTo(path, rows);
            added += rows.Count;
            stdout.WriteLine($"No.{item.Number}: {year.Japanese}実績の行を{rows.Count}行追加しました（{Path.GetFileName(path)}）");
        }
        var planFile = Path.Combine(o.Input, PlanLoader.PlanFile);
        if (loaded.Plan.Info.ReportingYear < year)
        {
            var next = loaded.Plan.Info with { ReportingYear = year };
            added += AddPromisedPlans(loaded.Plan, next, stdout);
            EditFrontMatter(planFile, new Dictionary<string, string>
            {
                ["実績年度"] = year.Short,
                ["公表"] = Placeholder,
                ["副題"] = next.DerivedSubtitle,
            });
            stdout.WriteLine($"plan.md: 実績年度を{year.Japanese}に、副題を「{next.DerivedSubtitle}」にし、公表を「{Placeholder}」にしました。");
        }
        stdout.WriteLine($"合計{added}行を追加しました。「{Placeholder}」の行の内容と実績値を書き、達成度に数える指標には「※」と公表達成度を書いてください。");
        stdout.WriteLine($"公開する年月が決まったら plan.md の「公表」に書きます。「{Placeholder}」が残っている間、build はサイトを作りません（--draft で下書きは作れます）。");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The edition after next-year promises plans up to <paramref name="next"/>'s last plan year: an item without a plan
    /// for that year gets its latest plan copied as that year's 計画 rows, each marked 「（未記入）」, so staff review it
    /// (the gate refuses the rows until the mark is gone, and refuses the edition if no item has a plan for the year).
    /// </summary>
    private static int AddPromisedPlans(Plan plan, PlanInfo next, TextWriter stdout)
    {
        var promised = next.LastPlanShown;
        if (promised <= plan.Info.LastPlanShown || promised <= next.ReportingYear) return 0;
        var added = 0;
        foreach (var item in plan.Items)
        {
            if (item.Entries.Any(e => e.Year == promised && e.Kind == EntryKind.Plan)) continue;
            var latest = item.Entries.Where(e => e.Kind == EntryKind.Plan && e.Year < promised && e.Lines.Count > 0).MaxBy(e => e.Year);
            if (latest is null) { stdout.WriteLine($"No.{item.Number}: 写せる計画がないため、{promised.Japanese}計画の行を追加しませんでした"); continue; }
            var rows = PlaceholderRows(latest, promised, "計画");
            AppendTo(item.Source!.ResultsFile, rows);
            added += rows.Count;
            stdout.WriteLine($"No.{item.Number}: {promised.Japanese}計画の行を{rows.Count}行追加しました（{latest.Year.Japanese}計画の写し。内容を見直し、「{Placeholder}」を消してください）");
        }
        return added;
    }

    /// <summary>
    /// One row per line of <paramref name="source"/> (one per indicator when it has several), for <paramref name="year"/>'s
    /// 実績 or 計画: the text marked 「（未記入）」, the indicator, target, unit, kind and 基準値 copied; in
    /// <see cref="ItemCsv.Columns"/> order.
    /// </summary>
    private static List<string[]> PlaceholderRows(YearEntry source, FiscalYear year, string kind)
    {
        var rows = new List<string[]>();
        foreach (var line in source.Lines)
        {
            if (line.Indicators.Count == 0) rows.Add([year.Short, kind, Placeholder + line.Text]);
            for (var i = 0; i < line.Indicators.Count; i++)
            {
                var ind = line.Indicators[i];
                rows.Add([year.Short, kind, i == 0 ? Placeholder + line.Text : "", ind.Name, ind.Target?.Display ?? "", "", ind.Target?.Unit ?? "",
                    ind.Kind switch { TargetKind.AtLeast => "以上", TargetKind.AtMost => "以下", _ => "" }, "", "", "", ind.Baseline?.Display ?? ""]);
            }
        }
        return rows;
    }

    /// <summary>Appends rows to an item's table, a workbook or a CSV file, each value under the file's own header.</summary>
    private static void AppendTo(string path, List<string[]> rows)
    {
        if (path.EndsWith(Workbook.Extension, StringComparison.OrdinalIgnoreCase)) WorkbookRows.Append(path, ItemCsv.Columns, rows);
        else Append(path, rows);
    }

    /// <summary>Sets front-matter keys of a Markdown file (replacing their lines, or adding them before the closing 「---」), keeping encoding and line endings.</summary>
    public static void EditFrontMatter(string path, IReadOnlyDictionary<string, string> values)
    {
        var bytes = ActionPlan.Input.SourceFile.ReadAllBytes(path);
        TextDecoder.TryDecode(bytes, out var text, out var detected);
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var close = lines.FindIndex(1, l => l.Trim() == "---");
        var pending = values.ToDictionary();
        for (var i = 1; i < close; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon <= 0) continue;
            var key = lines[i][..colon].Trim();
            if (pending.Remove(key, out var value)) lines[i] = $"{key}: {value}";
        }
        lines.InsertRange(close, pending.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}"));
        WriteKeeping(path, string.Join(newline, lines), detected, bytes);
    }

    /// <summary>The file's header cells, as the loader reads them (trimmed).</summary>
    private static IReadOnlyList<string> Header(string text)
    {
        using var reader = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { HasHeader = true });
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        return header.Count > 0 ? header : ItemCsv.Columns;
    }

    private static void WriteKeeping(string path, string text, TextDecoder.Detected detected, byte[] original)
    {
        Encoding encoding = detected switch
        {
            TextDecoder.Detected.ShiftJis => TextDecoder.ShiftJis,
            TextDecoder.Detected.Utf8Bom => new UTF8Encoding(true),
            TextDecoder.Detected.Utf16Bom => new UnicodeEncoding(bigEndian: original[0] == 0xFE, byteOrderMark: true),
            _ => new UTF8Encoding(false),
        };
        var output = new List<byte>(encoding.GetPreamble());
        output.AddRange(encoding.GetBytes(text));
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, output.ToArray());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Appends rows keeping the file's encoding (UTF-8 with or without BOM, Shift_JIS, UTF-16 with BOM) and line ending;
    /// CsvHelper quotes what needs quoting.
    /// </summary>
    /// <param name="rows">Values in <see cref="ItemCsv.Columns"/> order; each is written under the file's own header (a city may
    /// reorder or leave out columns), so nothing lands in the wrong column.</param>
    public static void Append(string path, IEnumerable<string[]> rows)
    {
        var bytes = ActionPlan.Input.SourceFile.ReadAllBytes(path);
        TextDecoder.TryDecode(bytes, out var text, out var detected);
        // Where each header cell's value sits in a row (ItemCsv.Columns order), found once for the file.
        var at = Header(text).Select(h => ItemCsv.Columns.ToList().IndexOf(h)).ToArray();
        rows = rows.Select(values => at.Select(i => i >= 0 && i < values.Length ? values[i] : "").ToArray()).ToList();
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var sb = new StringBuilder(text);
        if (sb.Length > 0 && !text.EndsWith('\n')) sb.Append(newline);
        using (var buffer = new StringWriter(sb))
        using (var csv = CsvHelper.CsvWriter.Create(buffer, new CsvHelper.CsvWriterOptions { NewLine = newline }, leaveOpen: true))
            foreach (var row in rows) csv.WriteRecord(row);
        WriteKeeping(path, sb.ToString(), detected, bytes);
    }
}
