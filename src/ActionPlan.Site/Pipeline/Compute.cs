using ActionPlan.Domain;
using ActionPlan.Input;

namespace ActionPlan.Site.Pipeline;

/// <summary>What Load and Compute found: the evaluated plan (when the sources read) and every diagnostic, sorted.</summary>
public sealed record Computed(EvaluatedPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
    public IReadOnlyList<Diagnostic> Blockers => Diagnostics.Where(d => d.Severity == Severity.Blocking).ToList();
}

/// <summary>
/// The Compute stage as the commands run it: the loaded plan evaluated once (<see cref="EvaluatedPlan"/>), then the
/// publish gate's checks that need the evaluation — a computed achievement that disagrees with a filled 公表達成度 is
/// 公開不可 unless its row gives a reason (相違の理由).
/// </summary>
public static class Compute
{
    public static Computed Run(LoadResult loaded)
    {
        if (loaded.Plan is null) return new Computed(null, loaded.Diagnostics);
        var evaluated = EvaluatedPlan.Of(loaded.Plan);
        var gate = PublishGate(evaluated, loaded.Diagnostics);
        var all = loaded.Diagnostics.Concat(gate)
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ToList();
        return new Computed(evaluated, all);
    }

    /// <summary>
    /// Disagreements with 公表値. A results file that already has an error or a 公開不可 problem is skipped: its computed
    /// figure follows from that problem, and one mistake should give one message (it is checked again once fixed).
    /// </summary>
    public static IReadOnlyList<Diagnostic> PublishGate(EvaluatedPlan plan, IReadOnlyList<Diagnostic> load)
    {
        var troubled = load.Where(d => d.Severity != Severity.Warning).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        var found = new List<Diagnostic>();
        foreach (var item in plan.Items)
        {
            var file = item.Item.Source?.ResultsFile ?? $"No.{item.Item.Number}";
            if (troubled.Contains(file)) continue;
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
