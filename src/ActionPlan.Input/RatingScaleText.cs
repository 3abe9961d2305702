using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// The plan's rating scale as plan.md writes it:
/// <c>評価: 達成 100%、一部達成 1%、未達成 0%</c> — the grades from the best down, each its word and the lowest whole
/// percent that earns it, separated by 「、」 (or 「,」「/」); the last grade starts at 0%. <c>比率の上限: 100%</c> caps an
/// indicator's ratio (the default); <c>比率の上限: なし</c> counts a result above its target as it is (達成率 130%).
/// Full-width digits and ％ are read as half-width. Without 評価 the plan is rated on <see cref="RatingScale.Default"/>.
/// </summary>
public static partial class RatingScaleText
{
    public const string ScaleKey = "評価", CapKey = "比率の上限";
    private const string Example = "達成 100%、一部達成 1%、未達成 0%";

    [GeneratedRegex(@"^(?<word>.+?)\s*[=:]?\s*(?<n>-?\d{1,4})\s*%\s*(以上)?$")]
    private static partial Regex GradeShape();

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*%$")]
    private static partial Regex CapShape();

    /// <summary>The declared scale (null when plan.md has neither key); <paramref name="ok"/> is false after an error.</summary>
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
        if (scaleEntry is not null && fm.RequireText(ScaleKey, file, d, Example) is { } text)
        {
            var read = new List<Grade>();
            foreach (var raw in text.Normalize(NormalizationForm.FormKC).Split(['、', ',', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (GradeShape().Match(raw) is not { Success: true } m)
                {
                    d.Error("plan-scale-shape", file, scaleEntry.Line, ScaleKey, $"評価の「{raw}」が読めません。",
                        $"よい評価から順に「言葉 下限%」を「、」で区切って書きます（例: 評価: {Example}）。");
                    ok = false;
                    continue;
                }
                var word = m.Groups["word"].Value.Trim();
                var bound = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (read.Any(g => g.Word == word))
                {
                    d.Error("plan-scale-duplicate", file, scaleEntry.Line, ScaleKey, $"評価「{word}」が2回あります。", "評価の言葉は一つずつ、違う言葉にしてください。");
                    ok = false;
                }
                else if (read.Count > 0 && bound >= read[^1].AtLeast)
                {
                    d.Error("plan-scale-order", file, scaleEntry.Line, ScaleKey,
                        $"評価「{word}」の下限 {bound}% が、一つ前の「{read[^1].Word}」の下限 {read[^1].AtLeast}% 以上です。",
                        "よい評価から順に、下限が小さくなるように並べてください（例: S 100%、A 80%、B 60%、C 0%）。");
                    ok = false;
                }
                else read.Add(new Grade(word, bound));
            }
            if (ok && read.Count == 0)
            {
                d.Error("plan-scale-shape", file, scaleEntry.Line, ScaleKey, "評価に言葉がありません。", $"例: 評価: {Example}");
                ok = false;
            }
            else if (ok && read[^1].AtLeast != 0)
            {
                d.Error("plan-scale-floor", file, scaleEntry.Line, ScaleKey, $"最後の評価「{read[^1].Word}」の下限が {read[^1].AtLeast}% です。",
                    $"どの達成度にも評価が付くように、最後の評価の下限は 0% にします（例: 「{read[^1].Word} 0%」）。");
                ok = false;
            }
            grades = read;
        }
        if (ok && cap is { } c && grades.Count > 0 && grades[0].AtLeast > c * 100m)
        {
            d.Error("plan-scale-above-cap", file, (scaleEntry ?? capEntry)!.Line, ScaleKey,
                $"いちばんよい評価「{grades[0].Word}」の下限 {grades[0].AtLeast}% に、比率の上限（{(c * 100m).ToString("0", CultureInfo.InvariantCulture)}%）のために届きません。",
                "比率の上限を「なし」にするか、評価の下限を上限以下にしてください。");
            ok = false;
        }
        return ok ? new RatingScale(grades, cap) : null;
    }
}
