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
/// The Compute stage as the commands run it: the loaded plan evaluated once (<see cref="EvaluatedPlan"/>), then judged
/// by the publish gate (<see cref="Publishing.PublishGate"/>), the one place that decides what is 公開不可.
/// </summary>
public static class Compute
{
    public static Computed Run(LoadResult loaded)
    {
        var evaluated = loaded.Plan is null ? null : EvaluatedPlan.Of(loaded.Plan);
        return new Computed(evaluated, Publishing.PublishGate.Judge(loaded, evaluated));
    }
}
