using System.Text;
using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// The parts of a plan's shape plan.md may declare beside its scale (docs/plan-shapes.md), each optional:
/// <list type="bullet">
/// <item><c>階層: 基本目標 > 施策 > 具体的な取組み</c> — the policy tree's level names from the top, the items' name last.</item>
/// <item><c>段階: 未着手、検討、策定、実施</c> — the stages a 段階 indicator moves through, first to last.</item>
/// <item><c>集計: 実施率 = ◎、○</c> — a plan-wide count: the share of items whose grade is one of those words.</item>
/// <item><c>項目の欄: 今後の方向性、推進会議の意見</c> — extra sections an item's Markdown may write (「## 今後の方向性」).</item>
/// <item><c>例: …</c> — a sentence every page shows (an example plan with invented figures says so).</item>
/// <item><c>評価不能: －</c> — the word for a year that cannot be rated (the theme's 評価不能 when not written).</item>
/// </list>
/// Every way to write one wrong is a located error at its plan.md line.
/// </summary>
public static class PlanShapeText
{
    public const string LevelsKey = "階層", StagesKey = "段階", TallyKey = "集計", FieldsKey = "項目の欄", NoticeKey = "例", NotRatableKey = "評価不能";
    public static readonly IReadOnlyList<string> Keys = [LevelsKey, StagesKey, TallyKey, FieldsKey, NoticeKey, NotRatableKey];

    /// <summary>The declared shape (null when plan.md declares none of it); <paramref name="ok"/> is false after an error.</summary>
    public static PlanShape? Read(FrontMatter fm, PlanScales scales, string file, DiagnosticBag d, out bool ok)
    {
        var scale = scales.Main;
        ok = true;
        if (Keys.All(k => fm.Get(k) is null)) return null;
        var levels = List(fm, LevelsKey, ['>', '＞', '、', ','], "基本目標 > 施策 > 具体的な取組み", file, d, ref ok);
        if (levels.Count == 1)
        {
            d.Error("plan-levels-shape", file, fm.Get(LevelsKey)!.Line, LevelsKey, $"階層「{levels[0]}」には名前が1つしかありません。",
                "上の階層から順に「>」で区切り、最後に項目の名前を書きます（例: 階層: 基本目標 > 施策 > 具体的な取組み）。");
            ok = false;
        }
        var stages = List(fm, StagesKey, ['、', ',', '>', '＞', '→'], "未着手、検討、策定、実施", file, d, ref ok);
        if (stages.Count == 1)
        {
            d.Error("plan-stages-shape", file, fm.Get(StagesKey)!.Line, StagesKey, "段階が1つしかありません。", "最初から最後まで、2つ以上の段階を順に書きます（例: 段階: 未着手、検討、策定、実施）。");
            ok = false;
        }
        Duplicate(stages, StagesKey, fm, file, d, ref ok);
        var fields = List(fm, FieldsKey, ['、', ','], "今後の方向性、推進会議の意見", file, d, ref ok);
        Duplicate(fields, FieldsKey, fm, file, d, ref ok);
        foreach (var field in fields.Where(f => f is SectionReader.IssuesHeading or SectionReader.GoalsHeading))
        {
            d.Error("plan-field-reserved", file, fm.Get(FieldsKey)!.Line, FieldsKey, $"「{field}」はどの項目にもある欄なので、項目の欄には書きません。", "ほかに加える欄の名前だけを書いてください。");
            ok = false;
        }
        Tally? tally = null;
        if (fm.Get(TallyKey) is { } tallyEntry && fm.RequireText(TallyKey, file, d, "実施率 = ◎、○") is { } text)
        {
            var eq = text.IndexOfAny(['=', '＝']);
            var name = eq > 0 ? text[..eq].Trim() : "";
            var words = eq > 0 ? text[(eq + 1)..].Split(['、', ',', '・'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            if (name.Length == 0 || words.Length == 0)
            {
                d.Error("plan-tally-shape", file, tallyEntry.Line, TallyKey, $"集計「{text}」が読めません。",
                    "「名前 = 数える評価」の形で書きます（例: 集計: 実施率 = ◎、○ → ◎か○の項目の割合を「実施率」として示します）。");
                ok = false;
            }
            else if (scales.Over(words) is { } over) tally = new Tally(name, words) { Over = over };
            else
            {
                var known = scales.All.SelectMany(s => s.Scale.Grades.Select(g => g.Word)).Distinct().ToList();
                var unknown = words.FirstOrDefault(w => !known.Contains(w));
                d.Error("plan-tally-grade-unknown", file, tallyEntry.Line, TallyKey,
                    (unknown is null ? $"集計の「{string.Join("、", words)}」は、一つの評価の段階にそろっていません。" : $"集計の「{unknown}」は、この計画の評価（評価）にありません。" + (Lookalike.DidYouMean(unknown, known) ?? "")),
                    $"どれか一つの段階の言葉を書きます。" + string.Concat(scales.All.Select(s => $"{s.Key}: {string.Join("、", s.Scale.Grades.Select(g => g.Word))}。")));
                ok = false;
            }
        }
        else if (fm.Get(TallyKey) is not null) ok = false;
        string? notice = null;
        if (fm.Get(NoticeKey) is not null)
        {
            notice = fm.RequireText(NoticeKey, file, d, "この計画は説明のための架空の例です。数値はすべて架空です。");
            if (notice is null) ok = false;
        }
        string? notRatable = null;
        if (fm.Get(NotRatableKey) is not null)
        {
            notRatable = fm.RequireText(NotRatableKey, file, d, "評価不能");
            if (notRatable is null) ok = false;
            else if (scale.Grades.Any(g => g.Word == notRatable))
            {
                d.Error("plan-not-ratable-is-a-grade", file, fm.Get(NotRatableKey)!.Line, NotRatableKey, $"評価不能の言葉「{notRatable}」が評価の段階にもあります。",
                    "評価できない年度は、どの評価とも別に示します。評価の段階にない言葉にしてください（例: 評価不能、－）。");
                ok = false;
            }
        }
        return new PlanShape(levels, stages, tally, fields, notice) { NotRatable = notRatable };
    }

    private static List<string> List(FrontMatter fm, string key, char[] separators, string example, string file, DiagnosticBag d, ref bool ok)
    {
        if (fm.Get(key) is null) return [];
        if (fm.RequireText(key, file, d, example) is not { } text) { ok = false; return []; }
        return text.Normalize(NormalizationForm.FormKC).Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static void Duplicate(List<string> values, string key, FrontMatter fm, string file, DiagnosticBag d, ref bool ok)
    {
        if (values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1) is not { } dup) return;
        d.Error("plan-list-duplicate", file, fm.Get(key)!.Line, key, $"{key}の「{dup.Key}」が2回あります。", "1回だけ書いてください。");
        ok = false;
    }
}

/// <summary>The plan's scales as plan.md declares them: 評価, and 指標の評価 and 職員の評価 when written apart.</summary>
public sealed record PlanScales(RatingScale Main, RatingScale? Indicator, RatingScale? Staff)
{
    /// <summary>Each declared scale with the plan.md key that declares it, in the order a tally looks for its words.</summary>
    public IEnumerable<(string Key, RatingScale Scale, TallyOver Over)> All
    {
        get
        {
            yield return (RatingScaleText.ScaleKey, Main, TallyOver.Grades);
            if (Staff is not null) yield return (RatingScaleText.StaffKey, Staff, TallyOver.StaffGrades);
            if (Indicator is not null) yield return (RatingScaleText.IndicatorKey, Indicator, TallyOver.Indicators);
        }
    }

    /// <summary>What a tally of these words counts: the first scale that has every one of them.</summary>
    public TallyOver? Over(IReadOnlyList<string> words) =>
        All.Where(s => words.All(w => s.Scale.Grades.Any(g => g.Word == w))).Select(s => (TallyOver?)s.Over).FirstOrDefault();
}
