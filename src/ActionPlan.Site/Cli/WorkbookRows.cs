using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ActionPlan.Site.Cli;

/// <summary>
/// Appends rows to the first sheet of an item's workbook (next-year on an item kept as NN.xlsx), with the Open XML
/// SDK: each value goes under the header cell of its column wherever the staffer moved that column, as text, after
/// the last row that holds anything. Everything else in the workbook (other sheets, formats, widths) is kept.
/// The edit is made on a copy that replaces the workbook only when it is complete.
/// </summary>
public static class WorkbookRows
{
    public static void Append(string path, IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.Copy(path, temp);
        try
        {
            using (var doc = SpreadsheetDocument.Open(temp, isEditable: true))
            {
                var book = doc.WorkbookPart!;
                var first = book.Workbook.Sheets!.Elements<Sheet>().First();
                var sheet = (WorksheetPart)book.GetPartById(first.Id!);
                var data = sheet.Worksheet.GetFirstChild<SheetData>()!;
                var strings = book.SharedStringTablePart?.SharedStringTable;
                string Text(Cell c) => c.DataType?.Value == CellValues.SharedString && strings is not null
                    ? strings.Elements<SharedStringItem>().ElementAt(int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
                    : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "";
                var header = data.Elements<Row>().First();
                var where = header.Elements<Cell>().ToDictionary(c => Text(c).Trim(), c => ColumnOf(c.CellReference!.Value!));
                var last = data.Elements<Row>().Where(r => r.Elements<Cell>().Any(c => Text(c).Length > 0)).Max(r => r.RowIndex!.Value);
                foreach (var stale in data.Elements<Row>().Where(r => r.RowIndex!.Value > last).ToList()) stale.Remove();
                foreach (var values in rows)
                {
                    var row = new Row { RowIndex = ++last };
                    var cells = new SortedDictionary<int, string>();
                    for (var i = 0; i < columns.Count && i < values.Length; i++)
                        if (values[i].Length > 0 && where.TryGetValue(columns[i], out var col)) cells[col] = values[i];
                    foreach (var (col, value) in cells)
                        row.Append(new Cell
                        {
                            CellReference = Input.Workbook.ColumnName(col) + last,
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                        });
                    data.Append(row);
                }
                sheet.Worksheet.Save();
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Zero-based column of a reference such as "C12".</summary>
    private static int ColumnOf(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }
}
