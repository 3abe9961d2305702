using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ActionPlan.Testing;

/// <summary>
/// Writes .xlsx workbooks for tests with the Open XML SDK, the way Excel stores them: text in the shared-string table,
/// numbers as numbers with a number format (a built-in id such as 9 = 「0%」, 3 = 「#,##0」, or a custom format).
/// </summary>
public static class TestWorkbook
{
    /// <summary>A cell: text, or a number shown through a number format.</summary>
    public sealed record Cell(string? Text, double? Number = null, uint? BuiltInFormat = null, string? CustomFormat = null)
    {
        public static implicit operator Cell(string text) => new(text);
        public static Cell Num(double value, uint builtIn = 0) => new(null, value, builtIn);
        public static Cell Num(double value, string format) => new(null, value, null, format);
    }

    /// <summary>Each CSV row as text cells (the same values, as a staffer gets by pasting the CSV into Excel as text).</summary>
    public static List<List<Cell>> FromCsv(string csvPath)
    {
        using var reader = new StreamReader(csvPath, detectEncodingFromByteOrderMarks: true);
        var rows = new List<List<Cell>>();
        foreach (var record in ParseCsv(reader.ReadToEnd())) rows.Add(record.Select(v => (Cell)v).ToList());
        return rows;
    }

    /// <summary>Writes the rows to the first sheet; <paramref name="merge"/> are ranges such as "A1:B1"; <paramref name="sheets"/> adds sheets after it.</summary>
    public static void Write(string path, IReadOnlyList<IReadOnlyList<Cell>> rows, IEnumerable<string>? merge = null, string sheetName = "Sheet1",
        IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<Cell>> Rows)>? sheets = null)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new Workbook(new Sheets());
        var strings = book.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);

        // Styles: 0 = General; then one cell format per number format used.
        var allRows = new List<IReadOnlyList<IReadOnlyList<Cell>>> { rows };
        if (sheets is not null) allRows.AddRange(sheets.Select(s => s.Rows));
        var customs = allRows.SelectMany(r => r).SelectMany(r => r).Where(c => c.CustomFormat is not null).Select(c => c.CustomFormat!).Distinct().ToList();
        var numFmtIds = allRows.SelectMany(r => r).SelectMany(r => r).Where(c => c.Number is not null)
            .Select(c => c.CustomFormat is not null ? 164u + (uint)customs.IndexOf(c.CustomFormat) : c.BuiltInFormat ?? 0u).Distinct().Where(id => id != 0).ToList();
        var styles = book.AddNewPart<WorkbookStylesPart>();
        var cellFormats = new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
        foreach (var id in numFmtIds) cellFormats.Append(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true });
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(customs.Select((f, i) => new NumberingFormat { NumberFormatId = 164u + (uint)i, FormatCode = f })) { Count = (uint)customs.Count },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            cellFormats);

        void AddSheet(string name, IReadOnlyList<IReadOnlyList<Cell>> sheetRows, IEnumerable<string>? merges, uint sheetId)
        {
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheetRows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheetRows[r].Count; c++)
                {
                    var cell = sheetRows[r][c];
                    var reference = ActionPlan.Input.Workbook.ColumnName(c) + (r + 1);
                    if (cell.Number is { } number)
                    {
                        var id = cell.CustomFormat is not null ? 164u + (uint)customs.IndexOf(cell.CustomFormat) : cell.BuiltInFormat ?? 0u;
                        row.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell
                        {
                            CellReference = reference,
                            CellValue = new CellValue(number),
                            StyleIndex = id == 0 ? null : (uint)(numFmtIds.IndexOf(id) + 1),
                        });
                    }
                    else if (!string.IsNullOrEmpty(cell.Text))
                    {
                        if (!index.TryGetValue(cell.Text, out var s))
                        {
                            s = index.Count;
                            index[cell.Text] = s;
                            strings.SharedStringTable.Append(new SharedStringItem(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve }));
                        }
                        row.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(s) });
                    }
                }
                data.Append(row);
            }
            var worksheet = new Worksheet(data);
            var mergeList = merges?.ToList() ?? [];
            if (mergeList.Count > 0) worksheet.Append(new MergeCells(mergeList.Select(m => new MergeCell { Reference = m })) { Count = (uint)mergeList.Count });
            part.Worksheet = worksheet;
            book.Workbook.Sheets!.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId, Name = name });
        }

        AddSheet(sheetName, rows, merge, 1);
        var n = 2u;
        foreach (var (name, sheetRows) in sheets ?? []) AddSheet(name, sheetRows, null, n++);
        book.Workbook.Save();
    }

    /// <summary>The CSV's records, read with CsvHelper (as the loader reads them).</summary>
    private static IEnumerable<List<string>> ParseCsv(string text)
    {
        using var reader = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true, SkipEmptyLines = true });
        while (reader.Read())
        {
            var record = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
            if (record.Any(f => f.Length > 0)) yield return record;
        }
    }
}
