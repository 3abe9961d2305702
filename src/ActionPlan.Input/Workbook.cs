using System.Globalization;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using ExcelNumberFormat;

namespace ActionPlan.Input;

/// <summary>
/// An Excel workbook (.xlsx) read in place of a CSV file: the first sheet, its first row the header, every cell as
/// Excel shows it (ExcelDataReader reads the cells, ExcelNumberFormat applies each cell's number format): a
/// percent-formatted 0.7 is 「70%」, 1000 formatted with a thousands separator is 「1,000」, text stays text — nothing
/// is turned into a date or a number that the sheet does not show. Rows keep the numbers Excel shows (header = 1), so
/// messages read 「05.xlsx:3 [実績値]」. A file that is not a workbook, a protected one, an empty sheet and merged
/// cells are located errors; the caller then keeps the previous output.
/// </summary>
public static class Workbook
{
    public const string Extension = ".xlsx";

    // ExcelDataReader asks for code page 1252 whatever it reads; .NET has it only through the code-pages provider.
    static Workbook() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    /// <summary>The header and rows of the first sheet, or null with an error in <paramref name="d"/>.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvTable.Record> Rows)? Read(byte[] bytes, string file, DiagnosticBag d)
    {
        const string resave = "Excelで開き、「ファイルの種類」を「Excel ブック (*.xlsx)」にして保存し直してください。";
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var rows = new List<CsvTable.Record>();
            var number = 0;
            while (reader.Read())
            {
                number++;
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = Shown(reader, i);
                rows.Add(new CsvTable.Record(number, cells));
            }
            while (rows.Count > 0 && rows[^1].Fields.All(f => f.Length == 0)) rows.RemoveAt(rows.Count - 1);
            if (rows.Count == 0)
            {
                d.Error("xlsx-empty", file, 1, null, $"最初のシート「{reader.Name}」が空です。",
                    "最初のシートの1行目に見出し、2行目から値を書いてください（使うのは左端のシートだけです）。");
                return null;
            }
            if (reader.MergeCells is { Length: > 0 } merged)
            {
                foreach (var range in merged.OrderBy(r => r.FromRow).ThenBy(r => r.FromColumn))
                {
                    var where = $"{ColumnName(range.FromColumn)}{range.FromRow + 1}:{ColumnName(range.ToColumn)}{range.ToRow + 1}";
                    d.Error("xlsx-merged-cells", file, range.FromRow + 1, $"{ColumnName(range.FromColumn)}列",
                        range.FromRow == 0 ? $"見出しの行に結合したセル（{where}）があります。見出しは1列に1つ必要です。" : $"結合したセル（{where}）があります。結合した範囲の2つ目以降のセルは空として読まれます。",
                        "セルを選び「ホーム」→「セルを結合して中央揃え」を押して結合を解除し、値をそれぞれのセルに入れてください。");
                }
                return null;
            }
            return (rows[0].Fields, rows.Skip(1).ToList());
        }
        catch (InvalidPasswordException)
        {
            d.Error("xlsx-protected", file, null, null, "ブックがパスワードで保護されているため読めません。",
                "Excelで開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消して保存してください。");
            return null;
        }
        catch (Exception ex) when (ex is HeaderException or ExcelReaderException or InvalidDataException or NotSupportedException or System.Xml.XmlException or IOException or ArgumentException or FormatException)
        {
            d.Error("xlsx-not-workbook", file, null, null, $"Excelブック（.xlsx）として読めません（壊れているか、別の形式のファイルです: {ex.GetType().Name}）。", resave);
            return null;
        }
    }

    /// <summary>The cell as Excel shows it: its number format applied to numbers and dates; text as written.</summary>
    private static string Shown(IExcelDataReader reader, int column)
    {
        var value = reader.GetValue(column);
        switch (value)
        {
            case null: return "";
            case string text: return text;
            case bool b: return b ? "TRUE" : "FALSE";
        }
        var format = reader.GetNumberFormatString(column);
        if (!string.IsNullOrEmpty(format))
        {
            var nf = new NumberFormat(format);
            if (nf.IsValid)
            {
                var shown = nf.Format(value, CultureInfo.InvariantCulture);
                if (!string.IsNullOrEmpty(shown)) return shown;
            }
        }
        return value switch
        {
            double x => x.ToString("G15", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>「A」「B」…「AA」: the column letter Excel shows for a zero-based column.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
