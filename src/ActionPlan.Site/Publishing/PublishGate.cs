using ActionPlan.Domain;
using ActionPlan.Input;

namespace ActionPlan.Site.Publishing;

/// <summary>
/// The publish gate: the one place that decides what may not be published (公開不可). The loader reads and locates —
/// it reports findings (<see cref="Severity.Finding"/>) with file, line and field — and this stage, over the loaded and
/// evaluated plan, judges every finding and adds the checks that need the evaluation. `check`, `build`, `serve` and `pdf`
/// all come through here (<see cref="Pipeline.Compute"/>). Blocking problems stop `build` and `pdf` (exit 1); `build
/// --draft` and `serve` show them on a 下書き site.
/// </summary>
public static class PublishGate
{
    /// <summary>Every finding the loader can report, and why it may not be published. A finding not listed here is 公開不可 too (fail safe).</summary>
    public static IReadOnlyDictionary<string, string> Unpublishable { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["placeholder-left"] = "a 「（未記入）」 row or glossary entry would be shown to citizens as it is",
        ["plan-published-placeholder"] = "the publication month is still 「（未記入）」",
        ["plan-year-promised-missing"] = "the edition promises a plan year (its subtitle says so) that no item has a plan for",
        ["plan-subtitle-mismatch"] = "the subtitle promises another year than the one reported",
        ["result-year-missing"] = "an item has no result for the reporting year",
        ["text-figure-mismatch"] = "the result sentence and the result figure say different things",
        ["counted-without-marker"] = "an indicator is counted in the achievement without its (※) in the text",
        ["marker-without-indicator"] = "a (※) in the text has no counted indicator",
        ["value-magnitude-suspect"] = "a figure is off by 億 or 万 (a unit lost in Excel)",
        ["sjis-question-mark"] = "saving as Shift_JIS turned characters into 「?」",
        ["sample-left"] = "the example text of an empty plan (〇〇市, 「…を書きます」) would be published as the city's",
        ["published-disagrees"] = "the computed achievement disagrees with the published one and no reason is given",
    };

    /// <summary>Every diagnostic after judgement: findings become 公開不可, plus the checks over the evaluated plan; sorted by file and line.</summary>
    public static IReadOnlyList<Diagnostic> Judge(LoadResult loaded, EvaluatedPlan? plan)
    {
        var judged = loaded.Diagnostics.Select(d => d.Severity == Severity.Finding ? d with { Severity = Severity.Blocking } : d).ToList();
        if (plan is not null) judged.AddRange(Achievement(plan, judged));
        return judged.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ToList();
    }

    /// <summary>
    /// Disagreements with 公表値. A results file that already has an error or a 公開不可 problem is skipped: its computed
    /// figure follows from that problem, and one mistake should give one message (it is checked again once fixed).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Achievement(EvaluatedPlan plan, IReadOnlyList<Diagnostic> load)
    {
        var troubled = load.Where(d => d.Severity != Severity.Warning).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        var found = new List<Diagnostic>();
        foreach (var item in plan.Items)
        {
            var file = item.Item.Source?.ResultsFile ?? $"No.{item.Item.Number}";
            if (troubled.Contains(file)) continue;
            foreach (var year in item.WithResults.Where(y => y.GivenGradeDisagrees))
                found.Add(new Diagnostic(Severity.Blocking, "grade-disagrees", file, year.Results!.Given!.Line, ItemCsv.Grade,
                    $"{year.Year.Japanese}の評価は「{year.Results.Given.Word}」と書かれていますが、達成度{year.Computed.Display}の評価は「{year.ComputedOnGivenScale!.Word}」です。",
                    $"評価を「{year.ComputedOnGivenScale.Word}」に直すか、評価の列を空にしてください（空なら計算した達成度の評価を表示します）。指標の値が違うなら、そちらを直します。"));
            foreach (var year in item.WithResults.Where(y => y.Published is not null))
            {
                var published = year.Published!;
                if (year.Agreement == Agreement.Disagrees && published.Reason is null)
                    found.Add(new Diagnostic(Severity.Blocking, "published-disagrees", file, published.Line, ItemCsv.Published,
                        $"{year.Year.Japanese}の達成度は、指標から計算すると{year.Computed.Display}ですが、公表達成度は{published.Display}です。",
                        "指標の目標値・実績値・目標の種類・達成度対象（※）を確かめてください。公表値のほうが正しい理由があるときは、同じ行の「相違の理由」の列に書きます（ページに表示されます）。"));
                else if (year.Agreement == Agreement.Agrees && published.Reason is not null)
                    found.Add(new Diagnostic(Severity.Warning, "reason-not-needed", file, published.Line, ItemCsv.Reason,
                        "計算した達成度は公表達成度と一致しているので、相違の理由は表示しません。", "相違の理由の列を空にしてください。"));
            }
        }
        return found;
    }
}
