using System.Globalization;
using System.Text.RegularExpressions;
using ActionPlan.Domain;
using YamlDotNet.RepresentationModel;

namespace ActionPlan.Input;

/// <summary>What loading found: the plan when the sources are sound, and every problem either way.</summary>
public sealed record LoadResult(Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
    /// <summary>What stops publishing (the publish gate): the plan builds only as a draft while any is left.</summary>
    public IEnumerable<Diagnostic> Blockers => Diagnostics.Where(d => d.Severity is Severity.Blocking or Severity.Finding);
    public bool Publishable => Plan is not null && !Blockers.Any();
}

/// <summary>
/// Load stage: input/ (plan.md, policies.csv, chapters/*.md, items/NN.md + items/NN.csv) → Plan.
/// Collects every problem in one run, each located to file, line and field (input/README.md describes the format).
/// </summary>
public static partial class PlanLoader
{
    public const string PlanFile = "plan.md", PoliciesFile = "policies.csv", ChaptersDir = "chapters", ItemsDir = "items", PolicyIndicatorsDir = "policies";

    public const string DivisionsFile = "divisions.csv";
    /// <summary>What next-year leaves where staff still have to write (result lines, the publication month).</summary>
    public const string Placeholder = "（未記入）";

    private static readonly string[] PlanKeys = ["名称", "副題", "自治体", "都道府県", "担当", "開始年度", "終了年度", "実績年度", "公表", "原本", "原本名", .. RatingScaleText.Keys, "示す計画の年数", "自治体コード", "ライセンス", .. PlanShapeText.Keys];
    private static readonly string[] DivisionColumns = ["名称", "URL名", "電話", "メール", "ページ", "旧URL名"];
    private static readonly string[] DivisionRequired = ["名称", "URL名"];
    private static readonly string[] ChapterKeys = ["章", "題名", "一覧"];
    private static readonly string[] ItemKeys = ["番号", "項目名", "担当課", "実施方針"];
    private static readonly string[] PolicyColumns = ["コード", "上位コード", "表記", "名称", "説明", "注記"];
    private static readonly string[] PolicyRequired = ["コード", "表記", "名称"];

    /// <summary>Loads the folder. <paramref name="displayRoot"/> is how the folder is named in messages (e.g. "input").</summary>
    public static LoadResult Load(string inputDir, string? displayRoot = null)
    {
        var d = new DiagnosticBag();
        var shown = (displayRoot ?? inputDir).Replace('\\', '/').TrimEnd('/');
        // One look at the current folder, not one per file read (an empty or impossible path is reported as missing below).
        try { inputDir = Path.GetFullPath(inputDir); } catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { }
        // Every path the loader reads is built from inputDir, so its name in messages is what follows inputDir (no
        // GetRelativePath: that asks the OS for the current folder each time, thousands of times on a large plan).
        var prefix = inputDir.EndsWith(Path.DirectorySeparatorChar) || inputDir.EndsWith(Path.AltDirectorySeparatorChar) ? inputDir : inputDir + Path.DirectorySeparatorChar;
        string Show(string path) => shown + "/" + (path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : Path.GetRelativePath(inputDir, path)).Replace('\\', '/');

        if (!Directory.Exists(inputDir))
        {
            d.Error("input-missing", shown, null, null, $"入力フォルダ「{shown}」が見つかりません。", "--input でフォルダを指定してください。");
            return new LoadResult(null, d.Sorted());
        }

        var info = ReadPlanInfo(Path.Combine(inputDir, PlanFile), Show, d, out var reportingLine);
        var policyErrors = d.Items.Count(x => x.Severity == Severity.Error);
        var policies = ReadPolicies(Path.Combine(inputDir, PoliciesFile), Show, info?.Form, d);
        policies = ReadPolicyIndicators(Path.Combine(inputDir, PolicyIndicatorsDir), Show, info, policies, d);
        var policiesBroken = d.Items.Count(x => x.Severity == Severity.Error) > policyErrors;
        var divisions = ReadDivisions(Path.Combine(inputDir, DivisionsFile), Show, d);
        var chapters = ReadChapters(Path.Combine(inputDir, ChaptersDir), Show, d);
        var csvFiles = new Dictionary<int, string>();
        var items = ReadItems(Path.Combine(inputDir, ItemsDir), Show, info, policiesBroken ? null : policies, divisions, csvFiles, d);
        if (info is not null)
        {
            CheckReportingYear(info, items, csvFiles, d);
            CheckPromisedPlans(info, items, Show(Path.Combine(inputDir, PlanFile)), reportingLine, csvFiles, d);
        }

        var accessibility = AccessibilityFiles.Read(inputDir, Show, d);
        var glossary = ReadOptionalTable(Path.Combine(inputDir, GlossaryFile.Name), Show, GlossaryFile.Columns, GlossaryFile.Required, d, out var glossaryFile) is { } terms
            ? GlossaryFile.Read(terms, glossaryFile, d) : [];
        var pdf = ReadBookletPdf(Path.Combine(inputDir, PlanFiles.BookletPdf), Show, d);
        var history = ReadOptionalTable(Path.Combine(inputDir, HistoryFile.Name), Show, HistoryFile.Columns, HistoryFile.Required, d, out var historyFile);
        var editions = HistoryFile.Read(history, historyFile, info, items.Select(i => i.Number).ToHashSet(), d);

        if (d.HasErrors || info is null) return new LoadResult(null, d.Sorted());
        return new LoadResult(new Plan(info, chapters, policies, items, divisions, accessibility, glossary, pdf) { Editions = editions }, d.Sorted());
    }

    private static string? ReadText(string path, string shown, DiagnosticBag d) => ReadText(path, shown, d, out _);

    /// <summary>The file's bytes, or null with a located error (a folder in its place, missing, unreadable).</summary>
    private static byte[]? ReadBytes(string path, string shown, DiagnosticBag d)
    {
        // Read first and ask why only when that fails: one system call per file on the usual path.
        try { return SourceFile.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            if (Directory.Exists(path))
                d.Error("file-is-directory", shown, null, null, "ファイルのはずの場所にフォルダがあります。", "フォルダの名前を変えるか、ファイルに置き換えてください。");
            else if (ex is FileNotFoundException or DirectoryNotFoundException)
                d.Error("file-missing", shown, null, null, "ファイルがありません。", "input/README.md の説明に沿って作成してください。");
            else
                d.Error("file-unreadable", shown, null, null, "ファイルを読めません（権限がないか、ほかのプログラムが使用中です）。", $"Excelなどで開いていれば閉じてください。({ex.GetType().Name})");
            return null;
        }
    }

    /// <summary>A table the city may keep or not (glossary.csv, history.csv — or their workbooks): null when neither form is there.</summary>
    private static CsvTable? ReadOptionalTable(string csvPath, Func<string, string> show, IReadOnlyList<string> known, IReadOnlyCollection<string> required,
        DiagnosticBag d, out string file)
    {
        file = show(csvPath);
        if (!File.Exists(csvPath) && !File.Exists(Path.ChangeExtension(csvPath, Workbook.Extension))) return null;
        return ReadTable(csvPath, show, known, required, d, out file);
    }

    /// <summary>
    /// A table from <paramref name="csvPath"/>, or from the workbook beside it with the same name (NN.xlsx) when that
    /// is the form the staffer keeps; both forms at once is an error (which one is meant cannot be guessed).
    /// <paramref name="file"/> is the file the table came from, as messages name it.
    /// </summary>
    private static CsvTable? ReadTable(string csvPath, Func<string, string> show, IReadOnlyList<string> known, IReadOnlyCollection<string> required,
        DiagnosticBag d, out string file, bool reportShiftJis = true)
    {
        var xlsxPath = Path.ChangeExtension(csvPath, Workbook.Extension);
        if (!File.Exists(xlsxPath))
        {
            file = show(csvPath);
            var text = ReadText(csvPath, file, d, out var sjis);
            return text is null ? null : CsvTable.Parse(text, file, known, required, d, sjis && reportShiftJis);
        }
        file = show(xlsxPath);
        if (File.Exists(csvPath))
        {
            d.Error("table-two-forms", file, null, null, $"同じ表が「{Path.GetFileName(csvPath)}」と「{Path.GetFileName(xlsxPath)}」の2つの形で置かれています。どちらを使うか決められません。",
                "使う方だけを残し、もう一方は input フォルダの外へ移してください。");
            return null;
        }
        var bytes = ReadBytes(xlsxPath, file, d);
        var sheet = bytes is null ? null : Workbook.Read(bytes, file, d);
        return sheet is null ? null : CsvTable.FromRecords(sheet.Value.Header, sheet.Value.Rows, file, known, required, d);
    }

    /// <summary>The file's text; <paramref name="shiftJis"/> tells whether it was saved as Shift_JIS (where 「?」 may be a lost character).</summary>
    private static string? ReadText(string path, string shown, DiagnosticBag d, out bool shiftJis)
    {
        shiftJis = false;
        var bytes = ReadBytes(path, shown, d);
        if (bytes is null) return null;
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0 && !(bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            d.Error("file-nul", shown, bytes.AsSpan(0, nul).Count((byte)'\n') + 1, null,
                "ファイルにNUL文字（0x00）が含まれています。テキストではないファイルか、壊れたファイルです。",
                "Excelやテキストエディタで開き直し、UTF-8で保存し直してください。");
            return null;
        }
        if (!TextDecoder.TryDecode(bytes, out var text, out var detected))
        {
            d.Error("encoding-unknown", shown, null, null, "文字コードを判別できません（UTF-8でもShift_JISでもありません）。", "Excelの「CSV UTF-8（コンマ区切り）」か、テキストエディタのUTF-8で保存し直してください。");
            return null;
        }
        shiftJis = detected == TextDecoder.Detected.ShiftJis;
        if (shiftJis && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) ShiftJisLoss.CheckLines(text, shown, d);
        return text;
    }

    // ---- plan.md ----------------------------------------------------------------------------

    /// <param name="reportingLine">The line of 実績年度 in plan.md (where a plan year the edition promises is located).</param>
    private static PlanInfo? ReadPlanInfo(string path, Func<string, string> show, DiagnosticBag d, out int? reportingLine)
    {
        reportingLine = null;
        var file = show(path);
        var text = ReadText(path, file, d);
        if (text is null) return null;
        var fm = FrontMatter.Read(text, file, d);
        if (fm is null) return null;
        fm.RejectUnknown(PlanKeys, file, d);
        var title = fm.RequireText("名称", file, d, "小郡市行政経営行動計画");
        var subtitle = fm.Get("副題") is null ? "" : fm.RequireText("副題", file, d, "実施項目 令和4年度実績") ?? "";
        var city = fm.RequireText("自治体", file, d, "小郡市");
        var prefecture = fm.Get("都道府県") is null ? "" : fm.RequireText("都道府県", file, d, "福岡県") ?? "";
        var publisher = fm.Get("担当") is null ? "" : fm.RequireText("担当", file, d, "総務広報課") ?? "";
        foreach (var (key, value) in new[] { ("名称", title), ("副題", subtitle), ("自治体", city), ("都道府県", prefecture), ("担当", publisher) })
            if (value is not null) SampleText.Check(value, file, fm.Get(key)?.Line, key, d);
        var start = PlanYear(fm, "開始年度", file, d);
        var end = PlanYear(fm, "終了年度", file, d);
        var reporting = PlanYear(fm, "実績年度", file, d);
        reportingLine = fm.Get("実績年度")?.Line;
        var published = fm.RequireText("公表", file, d, "2024-02");
        int py = 0, pm = 0;
        var publishedOk = published is not null;
        if (published == Placeholder)
            d.Finding("plan-published-placeholder", file, fm.Get("公表")!.Line, "公表", $"公表年月がまだ「{Placeholder}」です。",
                "この版を公開する年月を「2025-02」のように書いてください。");
        else if (published is not null && !TryParseMonth(published, out py, out pm))
        {
            d.Error("plan-published-unparseable", file, fm.Get("公表")!.Line, "公表", $"公表「{published}」が読めません。", "「2025-02」「2025年2月」「令和7年2月」か「R7.2」の形で書いてください。");
            publishedOk = false;
        }
        if (start is { } s && end is { } e && e < s)
            d.Error("plan-period-reversed", file, fm.Get("終了年度")!.Line, "終了年度", "終了年度が開始年度より前です。", "例: 開始年度: R4 / 終了年度: R8");
        if (reporting is { } r && start is { } s2 && end is { } e2 && (r < s2 || r > e2))
        {
            d.Error("plan-reporting-year-out-of-period", file, fm.Get("実績年度")!.Line, "実績年度",
                $"実績年度 {r.Japanese}は計画期間（{s2.Japanese}～{e2.Japanese}）の外です。", "この版で実績を報告する年度を書いてください（例: 実績年度: R4）。");
            reporting = null;
        }
        string? original = null, originalTitle = null;
        if (fm.Get("原本") is not null && fm.RequireText("原本", file, d, "https://www.city.ogori.fukuoka.jp/...") is { } url)
        {
            if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)) original = url;
            else d.Error("plan-original-shape", file, fm.Get("原本")!.Line, "原本", $"原本「{url}」はURLではありません。",
                "市のホームページで公表している元の資料（PDFなど）の、「https://」で始まるアドレスを書いてください（なければこの行を消します）。");
        }
        if (fm.Get("原本名") is not null) originalTitle = fm.RequireText("原本名", file, d, "小郡市行政経営行動計画 実施項目（PDF）");
        if (originalTitle is not null && original is null && fm.Get("原本") is null)
            d.Warning("plan-original-title-without-url", file, fm.Get("原本名")!.Line, "原本名", "原本名がありますが、原本（アドレス）がありません。",
                "「原本: https://…」の行を加えてください。加えるまでリンクは表示されません。");
        var scale = RatingScaleText.Read(fm, file, d, out var scaleOk);
        var (indicatorScale, staffScale) = RatingScaleText.ReadOthers(fm, scale ?? RatingScale.Default, file, d, out var othersOk);
        scaleOk &= othersOk;
        var yearsShown = PlanYearsShown(fm, file, d);
        var shape = PlanShapeText.Read(fm, new PlanScales(scale ?? RatingScale.Default, indicatorScale, staffScale), file, d, out var shapeOk);
        var (code, licence, catalogueOk) = ReadCatalogue(fm, file, d);
        if (!catalogueOk) return null;
        if (title is null || city is null || start is null || end is null || reporting is null || !publishedOk || !scaleOk || yearsShown is null || !shapeOk) return null;
        var info = new PlanInfo(title, subtitle, city, prefecture, publisher, start.Value, end.Value, py, pm, reporting.Value, original, originalTitle, scale, yearsShown.Value, shape)
        {
            MunicipalityCode = code,
            Licence = licence,
            IndicatorScale = indicatorScale,
            StaffScale = staffScale,
        };
        if (subtitle.Length == 0) return info with { Subtitle = info.DerivedSubtitle };
        if (subtitle != info.DerivedSubtitle)
            d.Finding("plan-subtitle-mismatch", file, fm.Get("副題")!.Line, "副題",
                $"副題「{subtitle}」が実績年度（{reporting.Value.Japanese}）と合っていません。",
                $"副題を「{info.DerivedSubtitle}」に直すか、副題の行を消してください（実績年度から自動で作ります）。");
        return info;
    }

    /// <summary>
    /// plan.md 自治体コード (全国地方公共団体コード, six digits; the check digit is checked) and ライセンス (PDL1.0 when not
    /// written, or CC BY 4.0): what a data catalogue needs to take the open data.
    /// </summary>
    private static (string? Code, string Licence, bool Ok) ReadCatalogue(FrontMatter fm, string file, DiagnosticBag d)
    {
        var ok = true;
        string? code = null;
        if (fm.Get("自治体コード") is { } codeEntry && fm.RequireText("自治体コード", file, d, "402168") is { } written)
        {
            var digits = ValueNotation.Normalize(written).Trim();
            if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            {
                d.Error("plan-municipality-code-shape", file, codeEntry.Line, "自治体コード", $"自治体コード「{written}」は6桁の数字ではありません。",
                    "総務省の「全国地方公共団体コード」を、検査数字を含めた6桁で書きます（例: 小郡市は 402168）。");
                ok = false;
            }
            else if (!MunicipalityCode.IsValid(digits))
            {
                d.Error("plan-municipality-code-check", file, codeEntry.Line, "自治体コード",
                    $"自治体コード「{digits}」の最後の桁（検査数字）が合いません（前の5桁 {digits[..5]} なら {digits[..5]}{MunicipalityCode.CheckDigit(digits[..5])} です）。",
                    "総務省の「全国地方公共団体コード」の一覧で、6桁のコードを確かめてください。");
                ok = false;
            }
            else code = digits;
        }
        else if (fm.Get("自治体コード") is not null) ok = false;
        var licence = Licences.Pdl;
        if (fm.Get("ライセンス") is { } licenceEntry && fm.RequireText("ライセンス", file, d, "PDL1.0") is { } licenceText)
        {
            if (Licences.Read(licenceText) is { } id) licence = id;
            else
            {
                d.Error("plan-licence-unknown", file, licenceEntry.Line, "ライセンス", $"ライセンス「{licenceText}」は使えません。",
                    "「PDL1.0」（公共データ利用規約（第1.0版）。書かないときもこれです）か「CC BY 4.0」を書きます。");
                ok = false;
            }
        }
        else if (fm.Get("ライセンス") is not null) ok = false;
        return (code, licence, ok);
    }

    /// <summary>plan.md 示す計画の年数: how many years after 実績年度 the edition shows plans (0–10; 2 when not written); null after an error.</summary>
    private static int? PlanYearsShown(FrontMatter fm, string file, DiagnosticBag d)
    {
        const string key = "示す計画の年数";
        if (fm.Get(key) is not { } entry) return 2;
        if (fm.RequireText(key, file, d, "2") is not { } text) return null;
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimEnd('年');
        if (int.TryParse(folded, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= 10) return n;
        d.Error("plan-years-shown-shape", file, entry.Line, key, $"示す計画の年数「{text}」が読めません。",
            "実績年度の後、何年度先までの計画をこの版で示すかを 0～10 の数で書きます（例: 示す計画の年数: 2 → 実績年度 R4 なら令和5～6年度計画）。");
        return null;
    }

    private static FiscalYear? PlanYear(FrontMatter fm, string key, string file, DiagnosticBag d)
    {
        var text = fm.RequireText(key, file, d, "R4");
        if (text is null) return null;
        if (ItemCsv.TryParseYear(text, out var y)) return y;
        d.Error("year-unparseable", file, fm.Get(key)!.Line, key, $"{key}「{text}」が読めません。", "「R4」「令和4年度」「2022」のように書いてください。");
        return null;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-|年|/|\.)(?<m>\d{1,2})月?$")]
    private static partial Regex MonthShape();

    /// <summary>和暦: 「令和7年2月」「令和元年5月」「R7-02」「R7年2月」「平成31年3月」 (after NFKC).</summary>
    [GeneratedRegex(@"^(?<era>令和|平成|R|H)(?<y>元|\d{1,2})(?:-|年|/|\.)(?<m>\d{1,2})月?$", RegexOptions.IgnoreCase)]
    private static partial Regex WarekiMonthShape();

    /// <summary>A month as plan.md's 公表 is written (西暦 or 和暦); history.csv reads its months the same way.</summary>
    public static bool TryParseMonth(string text, out int year, out int month)
    {
        year = month = 0;
        var normalized = ValueNotation.Normalize(text).Trim();
        var m = MonthShape().Match(normalized);
        if (m.Success)
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        else if ((m = WarekiMonthShape().Match(normalized)).Success)
        {
            var n = m.Groups["y"].Value == "元" ? 1 : int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (n < 1) return false;
            year = (m.Groups["era"].Value is "令和" or "R" or "r" ? 2018 : 1988) + n;
        }
        else return false;
        month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12;
    }

    // ---- policies.csv -------------------------------------------------------------------------

    /// <summary>How deep a policy sits in the tree (0 = top); a broken parent chain counts as deep as it got.</summary>
    public static int DepthOf(Policy policy, IReadOnlyList<Policy> policies)
    {
        var depth = 0;
        for (var p = policy; p.ParentCode is { } parent && depth < policies.Count; depth++)
            if (policies.FirstOrDefault(x => x.Code == parent) is { } up) p = up; else break;
        return depth;
    }

    private static List<Policy> ReadPolicies(string path, Func<string, string> show, PlanShape? shape, DiagnosticBag d)
    {
        var policies = new List<Policy>();
        var table = ReadTable(path, show, PolicyColumns, PolicyRequired, d, out var file, reportShiftJis: false);
        if (table is null) return policies;
        var lines = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var code = row["コード"];
            var ok = true;
            foreach (var col in new[] { "コード", "上位コード" })
                if (ExcelConversion.DateFromCode(row[col]) is { } original)
                {
                    d.Error("policy-code-excel-date", file, row.Line, col,
                        $"{col}「{row[col]}」は日付になっています。Excelが「{original}」を日付に変えて保存したようです。",
                        $"「{original}」に直してください。Excelで直すときは、先に列を選んで「セルの書式設定」→「文字列」にしてから入力し直すか、メモ帳で直してください。");
                    ok = false;
                }
            if (ExcelConversion.NegativeFromParenthesis(row["表記"]) is { } label)
            {
                d.Error("policy-label-excel-negative", file, row.Line, "表記",
                    $"表記「{row["表記"]}」は負の数になっています。Excelが「{label}」を負の数に変えて保存したようです。",
                    $"「{label}」に直してください（Excelでは列の書式を「文字列」にしてから入力します）。");
                ok = false;
            }
            foreach (var col in PolicyRequired.Where(c => row[c].Length == 0))
            {
                d.Error("csv-missing-field", file, row.Line, col, $"{col}が空です。", col == "コード" ? "例: 1-1（上位の方針のコード-番号）" : "公表資料のとおり書いてください。");
                ok = false;
            }
            if (!ok) continue;
            if (!lines.TryAdd(code, row.Line))
            {
                d.Error("policy-duplicate", file, row.Line, "コード", $"実施方針のコード「{code}」が{lines[code]}行目と重複しています。", "コードは方針ごとに別の値にしてください。");
                continue;
            }
            var notes = row["注記"].Length == 0 ? [] : row["注記"].Split('\n').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
            foreach (var col in new[] { "名称", "説明" }) SampleText.Check(row[col], file, row.Line, col, d);
            policies.Add(new Policy(code, row["上位コード"].Length == 0 ? null : row["上位コード"], row["表記"], row["名称"], row["説明"], notes));
        }
        foreach (var p in policies.Where(p => p.ParentCode is not null && !lines.ContainsKey(p.ParentCode)))
            d.Error("policy-unknown-parent", file, lines[p.Code], "上位コード", $"上位コード「{p.ParentCode}」の実施方針がありません。", $"使えるコード: {string.Join("、", lines.Keys)}");
        // 階層 names the levels: a policy below the last declared policy level has no name and cannot be placed.
        if (shape is { Levels.Count: >= 2 } s)
            foreach (var p in policies.Where(p => DepthOf(p, policies) >= s.Levels.Count - 1))
                d.Error("policy-level-too-deep", file, lines[p.Code], "上位コード",
                    $"「{p.Name}」は上から{DepthOf(p, policies) + 1}段目ですが、plan.md の階層（{string.Join(" > ", s.Levels)}）の方針は{s.Levels.Count - 1}段です。",
                    "上位コードを確かめるか、plan.md の階層に段を加えてください。");
        return policies;
    }

    /// <summary>
    /// A policy's own indicators (a 基本目標's 数値目標): policies/CODE.csv (or .xlsx), in the item table's form. A file
    /// whose name is no policy's code is an error (a typo would otherwise drop the indicators silently).
    /// </summary>
    private static List<Policy> ReadPolicyIndicators(string dir, Func<string, string> show, PlanInfo? info, List<Policy> policies, DiagnosticBag d)
    {
        if (!Directory.Exists(dir)) return policies;
        var stems = Directory.GetFiles(dir)
            .Where(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || p.EndsWith(Workbook.Extension, StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("~$", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var result = policies.ToList();
        foreach (var stem in stems)
        {
            var csvPath = Path.Combine(dir, stem + ".csv");
            var index = result.FindIndex(p => p.Code == stem);
            if (index < 0)
            {
                d.Error("policy-indicators-unknown", show(File.Exists(csvPath) ? csvPath : Path.ChangeExtension(csvPath, Workbook.Extension)), null, null,
                    $"ファイル名「{stem}」のコードの方針が policies.csv にありません。" + (Lookalike.DidYouMean(stem!, policies.Select(p => p.Code)) ?? ""),
                    $"ファイル名を方針のコードにしてください（例: {policies.FirstOrDefault()?.Code ?? "1"}.csv）。");
                continue;
            }
            if (ReadTable(csvPath, show, ItemCsv.Columns, ItemCsv.Required, d, out var file) is { } table)
                result[index] = result[index] with { Entries = ItemCsv.Read(table, info, file, d) };
        }
        return result;
    }

    /// <summary>input/booklet.pdf, published beside the booklet page; anything that is not a PDF is refused.</summary>
    private static byte[]? ReadBookletPdf(string path, Func<string, string> show, DiagnosticBag d)
    {
        if (!File.Exists(path)) return null;
        byte[] bytes;
        try { bytes = SourceFile.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            d.Error("file-unreadable", show(path), null, null, "ファイルを読めません（権限がないか、ほかのプログラムが使用中です）。", $"PDFを開いているプログラムを閉じてください。({ex.GetType().Name})");
            return null;
        }
        if (bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            d.Error("booklet-pdf-invalid", show(path), null, null, "booklet.pdf がPDFではありません。",
                "pdf コマンドで作り直すか、このファイルを消してください（消すと、サイトはPDFなしで作られます）。");
            return null;
        }
        return bytes;
    }

    // ---- divisions.csv -------------------------------------------------------------------------

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,40}$")]
    private static partial Regex SlugShape();

    [GeneratedRegex(@"^[0-9０-９][0-9０-９\-－‐()（）]{5,20}$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    private static List<Division> ReadDivisions(string path, Func<string, string> show, DiagnosticBag d)
    {
        var divisions = new List<Division>();
        if (!File.Exists(path) && !Directory.Exists(path) && !File.Exists(Path.ChangeExtension(path, Workbook.Extension)))
        {
            d.Error("divisions-missing", show(path), null, null, "担当課の一覧 divisions.csv がありません。",
                "1行目を「名称,URL名,電話,メール,ページ,旧URL名」にし、担当課ごとに「財政課,zaisei,,,,」のような行を書いてください（input/README.md）。");
            return divisions;
        }
        var table = ReadTable(path, show, DivisionColumns, DivisionRequired, d, out var file);
        if (table is null) return divisions;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var ok = true;
            foreach (var col in DivisionRequired.Where(c => row[c].Length == 0))
            {
                d.Error("csv-missing-field", file, row.Line, col, $"{col}が空です。", col == "URL名" ? "ページのアドレスに使う英小文字の名前を書いてください（例: zaisei）。" : "担当課の名前を書いてください（例: 財政課）。");
                ok = false;
            }
            if (!ok) continue;
            var name = row["名称"];
            if (name == Division.Related)
            {
                d.Error("division-related-listed", file, row.Line, "名称", "「関係各課」は課の名前ではないため、divisions.csv には書きません。", "この行を消してください（項目の担当課には書けます）。");
                continue;
            }
            if (!names.TryAdd(name, row.Line))
            {
                d.Error("division-duplicate", file, row.Line, "名称", $"担当課「{name}」が{names[name]}行目と重複しています。", "1つの課は1行にしてください。");
                continue;
            }
            var former = row["旧URL名"].Split([' ', '、', ',', '\n', '　'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var (slug, col) in former.Select(f => (f, "旧URL名")).Prepend((row["URL名"], "URL名")))
            {
                if (!SlugShape().IsMatch(slug))
                {
                    d.Error("division-slug-shape", file, row.Line, col, $"{col}「{slug}」はアドレスに使えません。", "英小文字・数字・「-」で書いてください（例: zaisei、somu-koho）。");
                    ok = false;
                }
                else if (!slugs.TryAdd(slug, row.Line))
                {
                    d.Error("division-slug-duplicate", file, row.Line, col, $"URL名「{slug}」は{slugs[slug]}行目でも使われています。", "課ごとに違うURL名にしてください（旧URL名も含めて）。");
                    ok = false;
                }
            }
            if (row["電話"].Length > 0 && !PhoneShape().IsMatch(row["電話"]))
            {
                d.Error("division-phone-shape", file, row.Line, "電話", $"電話「{row["電話"]}」が電話番号として読めません。", "例: 0942-72-2111（分からなければ空欄のままにします）");
                ok = false;
            }
            if (row["メール"].Length > 0 && !EmailShape().IsMatch(row["メール"]))
            {
                d.Error("division-email-shape", file, row.Line, "メール", $"メール「{row["メール"]}」がメールアドレスとして読めません。", "例: zaisei@example.lg.jp（分からなければ空欄）");
                ok = false;
            }
            if (row["ページ"].Length > 0 && !(row["ページ"].StartsWith("https://", StringComparison.Ordinal) || row["ページ"].StartsWith("http://", StringComparison.Ordinal)))
            {
                d.Error("division-url-shape", file, row.Line, "ページ", $"ページ「{row["ページ"]}」はURLではありません。", "「https://」で始まる課のページのアドレスを書いてください（なければ空欄）。");
                ok = false;
            }
            if (ok) divisions.Add(new Division(name, row["URL名"], row["電話"], row["メール"], row["ページ"], former));
        }
        return divisions;
    }

    // ---- the reporting year ---------------------------------------------------------------------

    /// <summary>Every item must report the edition's year (実績年度): an item without results for it is unfinished.</summary>
    private static void CheckReportingYear(PlanInfo info, List<Item> items, Dictionary<int, string> csvFiles, DiagnosticBag d)
    {
        // A table that could not be read has no rows: its own error is the one message (no 実績未登録 on top of it).
        var unreadable = d.Items.Where(x => x.Severity == Severity.Error).Select(x => x.File).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items.Where(i => !i.Entries.Any(e => e.Year == info.ReportingYear && e.Kind == EntryKind.Result)))
        {
            if (unreadable.Contains(csvFiles[item.Number])) continue;
            d.Finding("result-year-missing", csvFiles[item.Number], null, ItemCsv.Year,
                $"No.{item.Number} {item.Name}: {info.ReportingYear.Japanese}の実績がありません（実績未登録）。",
                $"{info.ReportingYear.Short},実績,… の行を書いてください（next-year --year {info.ReportingYear.Short} で行を用意できます）。");
        }
    }

    /// <summary>
    /// The edition promises plans up to <see cref="PlanInfo.LastPlanShown"/> (its subtitle says so): a promised year that no
    /// item has a plan for is a finding; an item without a plan for a promised year that it had a plan the year before is a
    /// warning (an item may end, but usually a plan year was forgotten).
    /// </summary>
    private static void CheckPromisedPlans(PlanInfo info, List<Item> items, string planFile, int? reportingLine, Dictionary<int, string> csvFiles, DiagnosticBag d)
    {
        if (items.Count == 0) return;
        var unreadable = d.Items.Where(x => x.Severity == Severity.Error).Select(x => x.File).ToHashSet(StringComparer.Ordinal);
        bool HasPlan(Item item, FiscalYear year) => item.Entries.Any(e => e.Year == year && e.Kind == EntryKind.Plan && e.Lines.Count > 0);
        for (var year = info.ReportingYear.Next; year <= info.LastPlanShown; year = year.Next)
        {
            var y = year;
            if (!items.Any(i => HasPlan(i, y)))
            {
                d.Finding("plan-year-promised-missing", planFile, reportingLine, "実績年度",
                    $"実績年度（{info.ReportingYear.Japanese}）から、この版は{info.LastPlanShown.Japanese}までの計画を示します（副題「{info.DerivedSubtitle}」）が、{y.Japanese}の計画の行がある実施項目がありません。",
                    $"各項目の表に {y.Short},計画,… の行を書いてください（next-year --year {info.ReportingYear.Short} で、前の年度の計画を写した「{Placeholder}」の行を用意できます）。");
                continue;
            }
            foreach (var item in items.Where(i => !HasPlan(i, y) && HasPlan(i, y.Previous) && !unreadable.Contains(csvFiles[i.Number])))
                d.Warning("plan-year-missing", csvFiles[item.Number], null, ItemCsv.Year,
                    $"No.{item.Number} {item.Name}: {y.Japanese}の計画がありません（{y.Previous.Japanese}にはあります）。",
                    $"{y.Short},計画,… の行を書いてください。この項目の取組みが{y.Previous.Japanese}で終わるなら、このままで構いません。");
        }
    }

    // ---- chapters/*.md ------------------------------------------------------------------------

    [GeneratedRegex(@"^第(?<n>\d+)$")]
    private static partial Regex ChapterLabel();

    private static List<Chapter> ReadChapters(string dir, Func<string, string> show, DiagnosticBag d)
    {
        var chapters = new List<(Chapter Chapter, string File)>();
        if (!Directory.Exists(dir)) return [];
        foreach (var path in Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            var file = show(path);
            var text = ReadText(path, file, d);
            if (text is null) continue;
            var fm = FrontMatter.Read(text, file, d);
            if (fm is null) continue;
            fm.RejectUnknown(ChapterKeys, file, d);
            var label = fm.RequireText("章", file, d, "第1");
            var title = fm.RequireText("題名", file, d, "計画策定の背景");
            if (label is null || title is null) continue;
            var m = ChapterLabel().Match(ValueNotation.Normalize(label));
            if (!m.Success)
            {
                d.Error("chapter-label", file, fm.Get("章")!.Line, "章", $"章「{label}」が読めません。", "「第1」のように書いてください。");
                continue;
            }
            var order = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (chapters.FirstOrDefault(c => c.Chapter.Order == order) is { File: not null } dup)
            {
                d.Error("chapter-duplicate", file, fm.Get("章")!.Line, "章", $"{label}は「{dup.File}」にもあります。", "章の番号を確認してください。");
                continue;
            }
            var lists = false;
            if (fm.Get("一覧") is { } list)
            {
                if (fm.RequireText("一覧", file, d, "実施方針") is "実施方針") lists = true;
                else
                {
                    d.Error("chapter-list-unknown", file, list.Line, "一覧", "「一覧」に書けるのは「実施方針」だけです。", "実施方針の一覧を表示する章に「一覧: 実施方針」と書きます。ほかの章では行を消してください。");
                    continue;
                }
            }
            if (!ProseCheck.Check(fm.Body, fm.BodyLineOffset, file, d)) continue;
            chapters.Add((new Chapter(order, $"第{order}", title, fm.Body.Trim() + "\n", lists), file));
        }
        return chapters.Select(c => c.Chapter).OrderBy(c => c.Order).ToList();
    }

    // ---- items/NN.md + items/NN.csv -------------------------------------------------------------

    private static List<Item> ReadItems(string dir, Func<string, string> show, PlanInfo? info, List<Policy>? policies, List<Division> divisions,
        Dictionary<int, string> csvFiles, DiagnosticBag d)
    {
        var items = new List<Item>();
        if (!Directory.Exists(dir))
        {
            d.Error("items-missing", show(dir), null, null, "実施項目のフォルダ「items」がありません。", "items/01.md と items/01.csv のように項目ごとに2つのファイルを置いてください。");
            return items;
        }
        // 「~$05.xlsx」 is the lock file Excel keeps beside a workbook it has open: not an item.
        var stems = Directory.GetFileSystemEntries(dir)
            .Where(p => p.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || p.EndsWith(Workbook.Extension, StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("~$", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        // Each item is read on its own (in parallel, each with its own diagnostics), then merged in file order.
        var read = new (Item? Item, int NumberLine, string MdFile, string CsvFile, DiagnosticBag Diagnostics)[stems.Count];
        Parallel.For(0, stems.Count, k =>
        {
            var stem = stems[k];
            var bag = new DiagnosticBag();
            var mdPath = Path.Combine(dir, stem + ".md");
            var csvPath = Path.Combine(dir, stem + ".csv");
            var md = ReadItemMarkdown(mdPath, show(mdPath), policies, divisions, info?.Form, bag);
            IReadOnlyList<YearEntry> entries = [];
            if (ReadTable(csvPath, show, ItemCsv.Columns, ItemCsv.Required, bag, out var csvFile) is { } table)
                entries = ItemCsv.Read(table, info, csvFile, bag);
            read[k] = md is null ? (null, 0, show(mdPath), csvFile, bag)
                : (md.Value.Item with { Entries = entries, Source = new ItemSource(show(mdPath), csvFile) }, md.Value.NumberLine, show(mdPath), csvFile, bag);
        });
        var numbers = new Dictionary<int, string>();
        foreach (var (item, line, mdFile, csvFile, bag) in read)
        {
            d.AddRange(bag.Items);
            if (item is null) continue;
            if (numbers.TryGetValue(item.Number, out var other))
            {
                d.Error("item-duplicate-number", mdFile, line, "番号", $"番号 {item.Number} は「{other}」でも使われています。", "項目ごとに違う番号にしてください。");
                continue;
            }
            numbers[item.Number] = mdFile;
            csvFiles[item.Number] = csvFile;
            items.Add(item);
        }
        return items.OrderBy(i => i.Number).ToList();
    }

    private static (Item Item, int NumberLine)? ReadItemMarkdown(string path, string file, List<Policy>? policies, List<Division> known, PlanShape? shape, DiagnosticBag d)
    {
        var text = ReadText(path, file, d);
        if (text is null) return null;
        var fm = FrontMatter.Read(text, file, d);
        if (fm is null) return null;
        fm.RejectUnknown(ItemKeys, file, d);
        int? number = null;
        var numberText = fm.RequireText("番号", file, d, "5");
        if (numberText is not null)
        {
            var normalized = ValueNotation.Normalize(numberText).TrimStart('N', 'o', '.');
            if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99999) number = n;
            else d.Error("item-number", file, fm.Get("番号")!.Line, "番号", $"番号「{numberText}」が読めません。", "1以上の整数で書いてください（例: 番号: 5）。");
        }
        var name = fm.RequireText("項目名", file, d, "ふるさと納税の推進");
        var divisions = fm.RequireList("担当課", file, d, "[市民課, 総務広報課]");
        if (divisions is not null && known.Count > 0)
            foreach (var division in divisions)
            {
                if (division == Division.Related || known.Any(x => x.Name == division)) continue;
                var guess = Lookalike.DidYouMean(division, known.Select(x => x.Name));
                d.Error("item-unknown-division", file, fm.Get("担当課")!.Line, "担当課",
                    $"担当課「{division}」は divisions.csv にありません。" + (guess ?? ""),
                    guess is null
                        ? $"課の名前を確かめるか、新しい課なら divisions.csv に「{division},URL名,,,,」の行を加えてください。"
                        : "書き間違いなら直してください。新しい課なら divisions.csv に行を加えてください。");
            }
        var policy = fm.RequireText("実施方針", file, d, "\"1-2\"");
        if (policy is not null && policies is { Count: > 0 })
        {
            if (policies.All(p => p.Code != policy))
                d.Error("item-unknown-policy", file, fm.Get("実施方針")!.Line, "実施方針", $"実施方針「{policy}」は policies.csv にありません。" +
                    (policies.FirstOrDefault(p => p.Code == string.Join("-", policy.Split('-').Select(x => x.TrimStart('0') is "" ? "0" : x.TrimStart('0')))) is { } stripped && stripped.Code != policy
                        ? $"policies.csv には「{stripped.Code}」があります。Excelが先頭の0を消したのかもしれません。" : ""),
                    $"使えるコード: {string.Join("、", policies.Where(p => policies.All(c => c.ParentCode != p.Code)).Select(p => p.Code))}");
            else if (policies.Any(c => c.ParentCode == policy))
                d.Error("item-policy-not-leaf", file, fm.Get("実施方針")!.Line, "実施方針", $"実施方針「{policy}」には下位の方針があります。",
                    $"下位の方針のコードを書いてください: {string.Join("、", policies.Where(c => c.ParentCode == policy).Select(c => c.Code))}");
            else if (shape is { Levels.Count: >= 2 } s && policies.First(p => p.Code == policy) is var owner && DepthOf(owner, policies) != s.Levels.Count - 2)
                d.Error("item-level", file, fm.Get("実施方針")!.Line, "実施方針",
                    $"「{owner.Name}」は{s.PolicyLevel(DepthOf(owner, policies)) ?? "階層の外"}ですが、plan.md の階層（{string.Join(" > ", s.Levels)}）では、{s.ItemLevel}は{s.Levels[^2]}の下に置きます。",
                    $"{s.Levels[^2]}のコードを書いてください: {string.Join("、", policies.Where(p => DepthOf(p, policies) == s.Levels.Count - 2).Select(p => p.Code))}");
        }
        var fields = shape?.Fields ?? [];
        var sections = SectionReader.Read(fm.Body, fm.BodyLineOffset, file, d, fields);
        foreach (var required in new[] { SectionReader.IssuesHeading, SectionReader.GoalsHeading }.Where(h => !sections.ContainsKey(h)))
            d.Error("markdown-missing-section", file, fm.BodyLineOffset + 1, "見出し", $"見出し「## {required}」がありません。", $"「## {required}」の下に箇条書きで書いてください。");
        if (number is null || name is null || divisions is null || policy is null) return null;
        var item = new Item(number.Value, name, divisions, policy,
            sections.GetValueOrDefault(SectionReader.IssuesHeading) ?? Section.Empty,
            sections.GetValueOrDefault(SectionReader.GoalsHeading) ?? Section.Empty,
            [],
            Fields: fields.Where(sections.ContainsKey).Select(f => new ItemField(f, sections[f])).ToList());
        return (item, fm.Get("番号")!.Line);
    }
}
