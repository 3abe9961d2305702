using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// input/accessibility/: results.json, written by `audit` (the last automatic run), and manual.csv, the checks staff
/// record by hand (達成基準, 結果, 確認日, 確認者, メモ). Both are optional; the 試験結果 page says what is missing.
/// </summary>
public static class AccessibilityFiles
{
    public const string Folder = "accessibility", Results = "results.json", Manual = "manual.csv";

    /// <summary>The words manual.csv writes a result in (read back the same; an empty cell is 未確認 too).</summary>
    private static readonly IReadOnlyDictionary<CheckResult, string> ResultWords = new Dictionary<CheckResult, string>
    {
        [CheckResult.Conforms] = "適合", [CheckResult.NotApplicable] = "該当なし", [CheckResult.Fails] = "不適合", [CheckResult.Unchecked] = "未確認",
    };

    private static readonly string[] ManualColumns = ["達成基準", "結果", "確認日", "確認者", "メモ"];
    private static readonly string[] ManualRequired = ["達成基準", "結果"];

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = AccessibilityJsonContext.Default,   // described at compile time: no reflection when a build starts
    };

    public static AccessibilityRecord Read(string inputDir, Func<string, string> show, DiagnosticBag d)
    {
        var dir = Path.Combine(inputDir, Folder);
        if (!Directory.Exists(dir)) return AccessibilityRecord.None;
        AuditRun? run = null;
        var resultsPath = Path.Combine(dir, Results);
        if (File.Exists(resultsPath))
        {
            try { run = JsonSerializer.Deserialize<AuditRun>(SourceFile.ReadAllBytes(resultsPath), Json); }
            catch (JsonException ex)
            {
                d.Error("audit-results-unreadable", show(resultsPath), (int?)ex.LineNumber + 1, null,
                    "自動試験の結果ファイルが読めません（壊れているか、手で書き換えられています）。", "このファイルを消して、audit をもう一度実行してください。");
            }
        }
        var manual = new List<ManualCheck>();
        var manualPath = Path.Combine(dir, Manual);
        if (File.Exists(manualPath) && TextDecoder.TryDecode(SourceFile.ReadAllBytes(manualPath), out var text, out var detected))
        {
            var file = show(manualPath);
            var table = CsvTable.Parse(text, file, ManualColumns, ManualRequired, d, detected == TextDecoder.Detected.ShiftJis);
            foreach (var row in table?.Rows ?? [])
            {
                var criterion = ValueNotation.Normalize(row["達成基準"]);
                if (Wcag20.All.All(c => c.Number != criterion))
                {
                    d.Error("manual-criterion-unknown", file, row.Line, "達成基準", $"達成基準「{row["達成基準"]}」はWCAG 2.0のA・AAにありません。", "「1.1.1」のように番号で書いてください（input/README.md に38項目の一覧があります）。");
                    continue;
                }
                CheckResult? result = row["結果"].Length == 0 ? CheckResult.Unchecked
                    : ResultWords.FirstOrDefault(w => w.Value == row["結果"]) is { Value: not null } found ? found.Key : null;
                if (result is null)
                {
                    d.Error("manual-result-unknown", file, row.Line, "結果", $"結果「{row["結果"]}」は使えません。", "「適合」「該当なし」「不適合」「未確認」のどれかを書いてください。");
                    continue;
                }
                if (result is not CheckResult.Unchecked && row["確認日"].Length == 0)
                    d.Error("manual-date-missing", file, row.Line, "確認日", "確認した日がありません。", "例: 2026-11-25（試験結果のページに載ります）");
                manual.Add(new ManualCheck(criterion, result.Value, row["確認日"], row["確認者"], row["メモ"]));
            }
        }
        return new AccessibilityRecord(run, manual);
    }

    /// <summary>
    /// Writes the people's checks (manual.csv: 達成基準, 結果, 確認日, 確認者, メモ), one row per criterion in WCAG order,
    /// UTF-8 with BOM and CRLF as Excel saves it, through a temporary file so a crash never leaves half a file.
    /// </summary>
    public static void WriteManual(string inputDir, IReadOnlyList<ManualCheck> checks)
    {
        var dir = Path.Combine(inputDir, Folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Manual);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var writer = CsvHelper.CsvWriter.Create(stream, new CsvHelper.CsvWriterOptions { WriteByteOrderMark = true }))
        {
            writer.WriteRecord([.. ManualColumns]);
            foreach (var c in Wcag20.All)
            {
                var check = checks.LastOrDefault(m => m.Criterion == c.Number);
                writer.WriteRecord([c.Number, ResultWords[check?.Result ?? CheckResult.Unchecked], check?.Date ?? "", check?.By ?? "", check?.Note ?? ""]);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Writes the audit's results beside the input (LF, UTF-8, stable order), replacing the previous run.</summary>
    public static void Write(string inputDir, AuditRun run)
    {
        var dir = Path.Combine(inputDir, Folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Results);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, [.. JsonSerializer.SerializeToUtf8Bytes(run, Json), (byte)'\n']);
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>results.json's types described at compile time (System.Text.Json source generation), named as <see cref="AccessibilityFiles.Json"/> names them.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(AuditRun))]
internal sealed partial class AccessibilityJsonContext : JsonSerializerContext;
