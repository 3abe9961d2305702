using CsvHelper;

namespace ActionPlan.Input;

/// <summary>
/// A CSV file read with CsvHelper into rows keyed by Japanese header, each row knowing the line it starts on.
/// Checks the header: unknown, duplicated and missing required columns are reported, with the known names.
/// </summary>
public sealed class CsvTable
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Cells)
    {
        public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";
    }

    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<Row> Rows { get; }

    private CsvTable(IReadOnlyList<string> headers, IReadOnlyList<Row> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    /// <summary>Largest cell we accept; a longer one is almost always a broken quote swallowing the file.</summary>
    public const int MaxCellLength = 20_000;

    /// <param name="shiftJis">The file was saved as Shift_JIS: a 「?」 in a cell is reported as a possibly lost character.</param>
    public static CsvTable? Parse(string text, string file, IReadOnlyList<string> known, IReadOnlyCollection<string> required, DiagnosticBag diagnostics, bool shiftJis = false)
    {
        if (text.Contains('\0'))
        {
            diagnostics.Error("csv-nul", file, LineOf(text, text.IndexOf('\0')), null,
                "ファイルにNUL文字（0x00）が含まれています。CSVではないファイルか、壊れたファイルです。",
                "Excelで開き直し「CSV UTF-8（コンマ区切り）」で保存し直してください。");
            return null;
        }
        if (text.Trim().Length == 0)
        {
            diagnostics.Error("csv-empty", file, 1, null, "ファイルが空です。", $"1行目に見出し行（{string.Join(",", required)} …）を書いてください。");
            return null;
        }
        var malformed = new List<(int Line, string Reason)>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            OnMalformedRecord = r => malformed.Add(((int)r.LineNumber, r.Reason.ToString())),
        };
        var records = new List<Record>();
        string[] header;
        using (var reader = CsvReader.FromText(text, options))
        {
            header = reader.Headers.ToArray();
            while (reader.Read())
                records.Add(new Record((int)reader.LineNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray()));
        }
        var table = Build(header, records, file, known, required, diagnostics, shiftJis, commaSeparated: true);
        foreach (var (line, reason) in malformed)
            diagnostics.Error("csv-malformed", file, line, null,
                reason == "UnterminatedQuote" ? "「\"」で始まった値が閉じられていません。" : $"CSVの引用符「\"」の使い方が正しくありません（{reason}）。",
                "値の中の「\"」は「\"\"」と2つ重ねて書き、値全体を「\"」で囲んでください。");
        return table;
    }

    /// <summary>One row as read from the file: the line (CSV) or row number (workbook) it starts on, and its cells.</summary>
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    /// <summary>
    /// The table from a header and rows read elsewhere (a workbook's first sheet, <see cref="Workbook"/>): the same
    /// checks as a CSV file, with the row numbers the workbook shows.
    /// </summary>
    public static CsvTable? FromRecords(IReadOnlyList<string> header, IReadOnlyList<Record> records, string file, IReadOnlyList<string> known, IReadOnlyCollection<string> required, DiagnosticBag diagnostics) =>
        Build(header, records, file, known, required, diagnostics, shiftJis: false, commaSeparated: false);

    private static CsvTable? Build(IReadOnlyList<string> header, IReadOnlyList<Record> records, string file, IReadOnlyList<string> known, IReadOnlyCollection<string> required,
        DiagnosticBag diagnostics, bool shiftJis, bool commaSeparated)
    {
        var raw = header.Select(h => h.Trim()).ToArray();
        // Excel leaves empty header cells after the last column once something was typed there and deleted: those
        // columns are allowed as long as they stay empty.
        var width = raw.Length;
        while (width > 0 && raw[width - 1].Length == 0) width--;
        var headers = raw[..width];
        if (!CheckHeader(headers, file, known, required, diagnostics)) return null;
        var rows = new List<Row>();
        foreach (var (line, values) in records)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            if (commaSeparated && values.Count > raw.Length)
            {
                diagnostics.Error("csv-extra-field", file, line, $"{raw.Length + 1}列目",
                    $"この行は{values.Count}列あり、見出し（{raw.Length}列）より多くなっています。値の中の「,」で列が分かれています。",
                    SplitGuess(values, headers) is { } guess
                        ? $"「,」を含む値は「\"」で囲んでください: \"{guess}\"（Excelで保存すれば自動で囲まれます）。"
                        : "「,」を含む値は、値全体を「\"」で囲んでください（Excelで保存すれば自動で囲まれます）。");
                // The row is still read (its first columns), so that this one mistake does not also show up as others.
                for (var i = 0; i < headers.Length; i++) cells[headers[i]] = values[i].Trim();
                rows.Add(new Row(line, cells));
                continue;
            }
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                if (i >= headers.Length)
                {
                    if (value.Trim().Length > 0)
                        diagnostics.Error("csv-extra-field", file, line, commaSeparated ? $"{i + 1}列目" : $"{Workbook.ColumnName(i)}列",
                            $"見出しのない{(commaSeparated ? $"{i + 1}列目" : $"{Workbook.ColumnName(i)}列")}に値「{Shorten(value)}」があります。",
                            commaSeparated ? "値が区切りの「,」で分かれていないか確認してください（「,」を含む文は「\"」で囲みます）。"
                                           : "その値を見出しのある列へ移すか、不要なら消してください。");
                    continue;
                }
                if (shiftJis && value.Contains('?'))
                    diagnostics.Finding("sjis-question-mark", file, line, headers[i], ShiftJisLoss.Message, ShiftJisLoss.Hint);
                if (value.Length > MaxCellLength)
                {
                    diagnostics.Error("csv-huge-cell", file, line, headers[i],
                        $"値が長すぎます（{value.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}文字、上限{MaxCellLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}文字）。",
                        "「\"」の閉じ忘れで後ろの行まで一つの値になっていないか確認してください。");
                    value = value[..MaxCellLength];
                }
                cells[headers[i]] = value.Trim();
            }
            if (cells.Values.All(v => v.Length == 0)) continue; // a row of empty cells (Excel leaves these)
            rows.Add(new Row(line, cells));
        }
        return new CsvTable(headers, rows);
    }

    private static bool CheckHeader(string[] headers, string file, IReadOnlyList<string> known, IReadOnlyCollection<string> required, DiagnosticBag diagnostics)
    {
        var ok = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            var h = headers[i];
            if (h.Length == 0)
            {
                diagnostics.Error("csv-empty-header", file, 1, $"{i + 1}列目", $"{i + 1}列目の見出しが空です。", $"使える見出し: {string.Join(",", known)}");
                ok = false;
            }
            else if (!known.Contains(h))
            {
                diagnostics.Error("csv-unknown-column", file, 1, h, $"見出し「{h}」は使えない列です。" + (Lookalike.DidYouMean(h, known) ?? ""), $"使える見出し: {string.Join(",", known)}");
                ok = false;
            }
            else if (!seen.Add(h))
            {
                diagnostics.Error("csv-duplicate-column", file, 1, h, $"見出し「{h}」が2回あります。", "同じ見出しの列を一つにしてください。");
                ok = false;
            }
        }
        foreach (var r in required.Where(r => !headers.Contains(r)))
        {
            diagnostics.Error("csv-missing-column", file, 1, r, $"必須の列「{r}」がありません。", $"1行目の見出しは: {string.Join(",", known)}");
            ok = false;
        }
        return ok;
    }

    /// <summary>「返礼品数(1,000品)」 from the cells 「返礼品数(1」「000品)」: where a number's thousands separator split the row.</summary>
    private static string? SplitGuess(IReadOnlyList<string> values, IReadOnlyList<string> headers)
    {
        for (var i = 0; i + 1 < values.Count; i++)
            if (values[i].Length > 0 && char.IsDigit(values[i][^1]) && values[i + 1].Length >= 3 && values[i + 1][..3].All(char.IsAsciiDigit))
                return values[i] + "," + values[i + 1];
        return null;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, Math.Max(0, index)).Count('\n') + 1;

    public static string Shorten(string value) => value.Length <= 30 ? value : value[..30] + "…";
}
