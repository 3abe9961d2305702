namespace ActionPlan.Domain;

/// <summary>A WCAG 2.0 success criterion as JIS X 8341-3:2016 names it (1.1.1 非テキストコンテンツ, level A).</summary>
public sealed record WcagCriterion(string Number, string Name, string Level)
{
    /// <summary>axe's tag for the criterion (1.4.3 → wcag143).</summary>
    public string AxeTag => "wcag" + Number.Replace(".", "");
}

/// <summary>The 38 success criteria of WCAG 2.0 levels A (25) and AA (13): the checklist a 試験結果 page lists.</summary>
public static class Wcag20
{
    public static readonly IReadOnlyList<WcagCriterion> All =
    [
        new("1.1.1", "非テキストコンテンツ", "A"),
        new("1.2.1", "音声のみ及び映像のみ（収録済み）", "A"),
        new("1.2.2", "キャプション（収録済み）", "A"),
        new("1.2.3", "音声解説、又はメディアに対する代替（収録済み）", "A"),
        new("1.2.4", "キャプション（ライブ）", "AA"),
        new("1.2.5", "音声解説（収録済み）", "AA"),
        new("1.3.1", "情報及び関係性", "A"),
        new("1.3.2", "意味のある順序", "A"),
        new("1.3.3", "感覚的な特徴", "A"),
        new("1.4.1", "色の使用", "A"),
        new("1.4.2", "音声の制御", "A"),
        new("1.4.3", "コントラスト（最低限レベル）", "AA"),
        new("1.4.4", "テキストのサイズ変更", "AA"),
        new("1.4.5", "文字画像", "AA"),
        new("2.1.1", "キーボード", "A"),
        new("2.1.2", "キーボードトラップなし", "A"),
        new("2.2.1", "タイミング調整可能", "A"),
        new("2.2.2", "一時停止、停止及び非表示", "A"),
        new("2.3.1", "3回の閃光、又は閾値以下", "A"),
        new("2.4.1", "ブロックスキップ", "A"),
        new("2.4.2", "ページタイトル", "A"),
        new("2.4.3", "フォーカス順序", "A"),
        new("2.4.4", "リンクの目的（コンテキスト内）", "A"),
        new("2.4.5", "複数の手段", "AA"),
        new("2.4.6", "見出し及びラベル", "AA"),
        new("2.4.7", "フォーカスの可視化", "AA"),
        new("3.1.1", "ページの言語", "A"),
        new("3.1.2", "一部分の言語", "AA"),
        new("3.2.1", "フォーカス時", "A"),
        new("3.2.2", "入力時", "A"),
        new("3.2.3", "一貫したナビゲーション", "AA"),
        new("3.2.4", "一貫した識別性", "AA"),
        new("3.3.1", "エラーの特定", "A"),
        new("3.3.2", "ラベル又は説明", "A"),
        new("3.3.3", "エラー修正の提案", "AA"),
        new("3.3.4", "エラー回避（法的、金融、データ）", "AA"),
        new("4.1.1", "構文解析", "A"),
        new("4.1.2", "名前（name）・役割（role）及び値（value）", "A"),
    ];
}

/// <summary>A criterion's result: 適合, 該当なし, 不適合 or 未確認.</summary>
public enum CheckResult { Conforms, NotApplicable, Fails, Unchecked }

/// <summary>One automatic rule of an audit run (an axe rule, or one of the audit's own checks) and its outcome over all pages.</summary>
/// <param name="Outcome">passed, failed, incomplete (needs a person) or inapplicable.</param>
public sealed record AuditRule(string Id, string Description, IReadOnlyList<string> Criteria, string Outcome, int Pages);

/// <summary>A failure the audit found: the page, the success criterion and what is wrong.</summary>
public sealed record AuditFinding(string Page, string Criterion, string Check, string Message);

/// <summary>What `audit` found, as kept with the input (accessibility/results.json), so builds stay deterministic.</summary>
public sealed record AuditRun(string Date, string Browser, string Axe, IReadOnlyList<string> Pages, IReadOnlyList<AuditRule> Rules, IReadOnlyList<AuditFinding> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>A check a person made and recorded in accessibility/manual.csv.</summary>
public sealed record ManualCheck(string Criterion, CheckResult Result, string Date, string By, string Note);

/// <summary>The accessibility record of the site: the last audit run (if any) and the manual checks.</summary>
public sealed record AccessibilityRecord(AuditRun? Audit, IReadOnlyList<ManualCheck> Manual)
{
    public static AccessibilityRecord None { get; } = new(null, []);
}

/// <summary>One row of the 達成基準チェックリスト: the criterion, its result, and how it was reached.</summary>
public sealed record ChecklistRow(WcagCriterion Criterion, CheckResult Result, bool ByPerson, bool AutomaticPassed, string Note);

/// <summary>
/// The checklist and the 表記 the JIS test guidance allows: 準拠 only when every criterion has a result (people included)
/// and none fails; 一部準拠 when every criterion has a result and some fail; 配慮 while any is still 未確認.
/// Automatic tools alone never give 適合: a criterion with only passing automatic rules stays 未確認 until a person checks it.
/// </summary>
public static class AccessibilityChecklist
{
    public static IReadOnlyList<ChecklistRow> Rows(AccessibilityRecord record) => Wcag20.All.Select(c =>
    {
        var manual = record.Manual.LastOrDefault(m => m.Criterion == c.Number);
        var failed = record.Audit?.Failures.Any(f => f.Criterion == c.Number) == true;
        var rules = record.Audit?.Rules.Where(r => r.Criteria.Contains(c.Number)).ToList() ?? [];
        var passed = rules.Count > 0 && rules.All(r => r.Outcome is "passed" or "inapplicable") && rules.Any(r => r.Outcome == "passed");
        if (failed) return new ChecklistRow(c, CheckResult.Fails, false, false, "自動試験で問題が見つかりました");
        if (manual is { Result: not CheckResult.Unchecked })
            return new ChecklistRow(c, manual.Result, true, passed, manual.Note);
        return new ChecklistRow(c, CheckResult.Unchecked, false, passed, passed ? "自動試験では問題なし（人による確認が必要）" : "");
    }).ToList();

    public enum Conformance { Conforms, PartiallyConforms, Considered }

    /// <summary>
    /// A person's check is due again when it was made more than a year before <paramref name="asOf"/> (総務省's guideline
    /// asks for a yearly test). Dates are ISO (YYYY-MM-DD); <paramref name="asOf"/> is the edition's 公表 month, never the clock.
    /// </summary>
    public static bool IsDue(string checkedOn, int asOfYear, int asOfMonth)
    {
        var parts = checkedOn.Split('-');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var y) || !int.TryParse(parts[1], out var m)) return false;
        return (asOfYear * 12 + asOfMonth) - (y * 12 + m) > 12;
    }

    public static Conformance Of(IReadOnlyList<ChecklistRow> rows) =>
        rows.Any(r => r.Result == CheckResult.Unchecked) ? Conformance.Considered
        : rows.Any(r => r.Result == CheckResult.Fails) ? Conformance.PartiallyConforms
        : Conformance.Conforms;
}
