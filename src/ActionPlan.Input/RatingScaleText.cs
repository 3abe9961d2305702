using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// The plan's rating scales as plan.md writes them (docs/plan-shapes.md), each a list of grades from the best down,
/// separated by 「、」 (or 「,」「/」):
/// <list type="bullet">
/// <item><c>評価: 達成 100%、一部達成 1%、未達成 0%</c> — the scale a year's achievement is graded on: each grade its word and
/// the lowest whole percent that earns it, the last starting at 0%; or words only (<c>評価: A 計画通り、B 概ね計画通り</c>)
/// when people give every grade.</item>
/// <item><c>職員の評価: A 計画通り、B 概ね計画通り、C やや遅れている、D 遅れている</c> — a second scale staff give their grade
/// on (items/NN.csv 評価), shown beside the computed grade; words only, or percents (then the gate compares).</item>
/// <item><c>指標の評価: 目標値超え = 目標達成、基準値超え = 基準値より上、基準値と同水準（±10%以内） = 基準値±10%、基準値より下落 =
/// 基準値より下、評価不能 = 評価不能</c> — the scale each indicator is graded on, each grade 「言葉 = 条件」: a percent, 目標達成,
/// 基準値より上, 基準値±N%, 基準値より下 or 評価不能.</item>
/// </list>
/// <c>比率の上限: 100%</c> caps an indicator's ratio (the default); <c>比率の上限: なし</c> counts a result above its target as
/// it is (達成率 130%). Full-width digits and ％ are read as half-width. Without 評価 the plan is rated on
/// <see cref="RatingScale.Default"/>; without the other two, 評価 serves for them.
/// </summary>
public static partial class RatingScaleText
{
    public const string ScaleKey = "評価", CapKey = "比率の上限", IndicatorKey = "指標の評価", StaffKey = "職員の評価";
    public static readonly IReadOnlyList<string> Keys = [ScaleKey, CapKey, IndicatorKey, StaffKey];
    private const string Example = "達成 100%、一部達成 1%、未達成 0%";
    private const string IndicatorExample = "目標値超え = 目標達成、基準値超え = 基準値より上、基準値と同水準 = 基準値±10%、基準値より下落 = 基準値より下、評価不能 = 評価不能";
    private const string StaffExample = "A 計画通り、B 概ね計画通り、C やや遅れている、D 遅れている";

    [GeneratedRegex(@"^(?<word>.+?)\s*[=:]?\s*(?<n>-?\d{1,4})\s*%\s*(以上)?$")]
    private static partial Regex GradeShape();

    [GeneratedRegex(@"^(?<n>-?\d{1,4})\s*%\s*(以上)?$")]
    private static partial Regex PercentCondition();

    [GeneratedRegex(@"^基準値(と同水準)?\s*±\s*(?<n>\d{1,3}(\.\d+)?)\s*%\s*(以内)?$")]
    private static partial Regex BandCondition();

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*%$")]
    private static partial Regex CapShape();

    /// <summary>The conditions an indicator grade may name after 「=」, and the rule each means.</summary>
    private static readonly (string[] Words, GradeRule Rule)[] Conditions =
    [
        (["目標達成", "目標値達成", "目標値以上", "目標値超え"], GradeRule.TargetReached),
        (["基準値より上", "基準値より改善", "基準値超え"], GradeRule.AboveBaseline),
        (["基準値より下", "基準値より悪化", "基準値より下落"], GradeRule.BelowBaseline),
        (["評価不能", "評価できない"], GradeRule.NotRatable),
    ];

    /// <summary>The declared scale (null when plan.md has neither 評価 nor 比率の上限); <paramref name="ok"/> is false after an error.</summary>
    public static RatingScale? Read(FrontMatter fm, string file, DiagnosticBag d, out bool ok)
    {
        ok = true;
        var scaleEntry = fm.Get(ScaleKey);
        var capEntry = fm.Get(CapKey);
        if (scaleEntry is null && capEntry is null) return null;

        decimal? cap = 1m;
        if (capEntry is not null && fm.RequireText(CapKey, file, d, "100%") is { } capText)
        {
            var folded = capText.Normalize(NormalizationForm.FormKC).Trim();
            if (folded is "なし" or "無し" or "上限なし") cap = null;
            else if (CapShape().Match(folded) is { Success: true } m && int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) is > 0 and var n) cap = n / 100m;
            else
            {
                d.Error("plan-cap-shape", file, capEntry.Line, CapKey, $"比率の上限「{capText}」が読めません。",
                    "「100%」のように百分率で書くか、上限を付けないときは「なし」と書きます（目標を超えた実績を130%のように数えます）。");
                ok = false;
            }
        }

        var grades = RatingScale.Default.Grades;
        if (scaleEntry is not null)
        {
            if (ReadGrades(fm, ScaleKey, Example, file, d) is { } read) grades = read;
            else ok = false;
        }
        if (ok && cap is { } c && grades.Count > 0 && grades[0].Rule == GradeRule.Percent && grades[0].AtLeast > c * 100m)
        {
            d.Error("plan-scale-above-cap", file, (scaleEntry ?? capEntry)!.Line, ScaleKey,
                $"いちばんよい評価「{grades[0].Word}」の下限 {grades[0].AtLeast}% に、比率の上限（{(c * 100m).ToString("0", CultureInfo.InvariantCulture)}%）のために届きません。",
                "比率の上限を「なし」にするか、評価の下限を上限以下にしてください。");
            ok = false;
        }
        return ok ? new RatingScale(grades, cap) : null;
    }

    /// <summary>
    /// 指標の評価 and 職員の評価 (each null when not written): scales apart from 評価, with its cap. <paramref name="ok"/> is
    /// false after an error.
    /// </summary>
    public static (RatingScale? Indicator, RatingScale? Staff) ReadOthers(FrontMatter fm, RatingScale main, string file, DiagnosticBag d, out bool ok)
    {
        ok = true;
        RatingScale? indicator = null, staff = null;
        if (fm.Get(IndicatorKey) is not null)
        {
            if (ReadGrades(fm, IndicatorKey, IndicatorExample, file, d) is { } grades) indicator = new RatingScale(grades, main.Cap);
            else ok = false;
        }
        if (fm.Get(StaffKey) is not null)
        {
            if (ReadGrades(fm, StaffKey, StaffExample, file, d) is { } grades) staff = new RatingScale(grades, main.Cap);
            else ok = false;
        }
        return (indicator, staff);
    }

    /// <summary>One scale's grades, checked for the place it is written in; null after an error (each located at the key's line).</summary>
    private static List<Grade>? ReadGrades(FrontMatter fm, string key, string example, string file, DiagnosticBag d)
    {
        var entry = fm.Get(key)!;
        if (fm.RequireText(key, file, d, example) is not { } text) return null;
        var ok = true;
        var read = new List<Grade>();
        foreach (var raw in text.Split(['、', ',', '，', '/', '／'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(raw) is not { } grade)
            {
                d.Error("plan-scale-shape", file, entry.Line, key, $"{key}の「{raw}」が読めません。", Help(key, example));
                ok = false;
                continue;
            }
            if (read.Any(g => g.Word == grade.Word))
            {
                d.Error("plan-scale-duplicate", file, entry.Line, key, $"{key}「{grade.Word}」が2回あります。", "評価の言葉は一つずつ、違う言葉にしてください。");
                ok = false;
                continue;
            }
            if (key != IndicatorKey && grade.Rule is not (GradeRule.Percent or GradeRule.Given))
            {
                d.Error("plan-scale-rule-place", file, entry.Line, key, $"{key}の「{raw}」は、指標ごとの評価にだけ使える条件です。",
                    $"目標や基準値と比べる評価は「{IndicatorKey}」の行に書きます（例: {IndicatorKey}: {IndicatorExample}）。");
                ok = false;
                continue;
            }
            if (key == IndicatorKey && grade.Rule == GradeRule.Given)
            {
                d.Error("plan-scale-no-rule", file, entry.Line, key, $"{key}の「{raw}」には、付ける条件がありません。",
                    $"指標の評価は計算で付けます。「言葉 = 条件」の形で、条件（80%、目標達成、基準値より上、基準値±10%、基準値より下、評価不能）を書きます（例: {IndicatorExample}）。");
                ok = false;
                continue;
            }
            var previous = read.LastOrDefault(g => g.Rule == GradeRule.Percent);
            if (grade.Rule == GradeRule.Percent && previous is not null && grade.AtLeast >= previous.AtLeast)
            {
                d.Error("plan-scale-order", file, entry.Line, key,
                    $"{key}「{grade.Word}」の下限 {grade.AtLeast}% が、一つ前の「{previous.Word}」の下限 {previous.AtLeast}% 以上です。",
                    "よい評価から順に、下限が小さくなるように並べてください（例: S 100%、A 80%、B 60%、C 0%）。");
                ok = false;
                continue;
            }
            if (grade.Rule is not (GradeRule.Percent or GradeRule.Given) && read.FirstOrDefault(g => g.Rule == grade.Rule) is { } same)
            {
                d.Error("plan-scale-rule-twice", file, entry.Line, key, $"{key}の「{grade.Word}」と「{same.Word}」が同じ条件です。",
                    "同じ条件の評価は一つにしてください。");
                ok = false;
                continue;
            }
            read.Add(grade);
        }
        if (!ok) return null;
        if (read.Count == 0)
        {
            d.Error("plan-scale-shape", file, entry.Line, key, $"{key}に言葉がありません。", $"例: {key}: {example}");
            return null;
        }
        if (read.Any(g => g.Rule == GradeRule.Given) && read.Any(g => g.Rule != GradeRule.Given))
        {
            foreach (var word in read.Where(g => g.Rule == GradeRule.Given))
                d.Error("plan-scale-shape", file, entry.Line, key, $"{key}の「{word.Label}」が読めません（ほかの評価にある下限や条件がありません）。",
                    Help(key, example) + " 職員が付ける評価だけなら、どれにも下限を書きません。");
            return null;
        }
        if (read.All(g => g.Rule == GradeRule.Percent) && read[^1].AtLeast != 0)
        {
            d.Error("plan-scale-floor", file, entry.Line, key, $"最後の評価「{read[^1].Word}」の下限が {read[^1].AtLeast}% です。",
                $"どの達成度にも評価が付くように、最後の評価の下限は 0% にします（例: 「{read[^1].Word} 0%」）。");
            return null;
        }
        return read;
    }

    private static string Help(string key, string example) => key == IndicatorKey
        ? $"よい評価から順に「言葉 = 条件」を「、」で区切って書きます。条件は 80%、目標達成、基準値より上、基準値±10%、基準値より下、評価不能 のどれかです（例: {key}: {example}）。"
        : $"よい評価から順に「言葉 下限%」（計算で付ける）か「記号 意味」（職員が付ける）を「、」で区切って書きます（例: {key}: {example}）。";

    /// <summary>One grade: 「言葉 = 条件」, 「言葉 下限%」 or words only (「A 計画通り」: given by people); null when unreadable.</summary>
    private static Grade? Parse(string raw)
    {
        var folded = raw.Normalize(NormalizationForm.FormKC).Trim();
        var eq = raw.IndexOfAny(['=', '＝', ':', '：']);
        if (eq > 0 && folded.IndexOfAny(['=', ':']) is var at and > 0)
        {
            var word = raw[..eq].Trim();
            var condition = folded[(at + 1)..].Trim();
            if (word.Length == 0 || condition.Length == 0) return null;
            if (PercentCondition().Match(condition) is { Success: true } p)
                return new Grade(word.Normalize(NormalizationForm.FormKC), int.Parse(p.Groups["n"].Value, CultureInfo.InvariantCulture));
            if (BandCondition().Match(condition) is { Success: true } b)
                return new Grade(word, 0) { Rule = GradeRule.NearBaseline, Band = decimal.Parse(b.Groups["n"].Value, CultureInfo.InvariantCulture) / 100m };
            foreach (var (words, rule) in Conditions)
                if (words.Contains(condition)) return new Grade(word, 0) { Rule = rule };
            return null;
        }
        if (GradeShape().Match(folded) is { Success: true } m)
        {
            // 「A 計画通り 100%」: a symbol and its meaning, as on a staff scale; 「達成 100%」: the word alone.
            var words = m.Groups["word"].Value.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new Grade(words[0], int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)) { Meaning = words.Length == 2 ? words[1] : null };
        }
        if (folded.Contains('%') || folded.Any(char.IsAsciiDigit) && folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 1) return null;
        var parts = folded.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 ? new Grade(parts[0], 0) { Rule = GradeRule.Given, Meaning = raw.Trim()[(raw.Trim().IndexOfAny([' ', '　']) + 1)..].Trim() }
            : new Grade(folded, 0) { Rule = GradeRule.Given };
    }
}
