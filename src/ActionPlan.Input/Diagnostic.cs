namespace ActionPlan.Input;

/// <summary>
/// Error: the sources cannot be read as a plan, nothing is built. Blocking: the plan reads, but publishing it would put
/// something unfinished or contradictory in front of citizens — `build` stops (exit 1), `build --draft` and `serve` show it
/// as a draft. Warning: worth a look, published anyway. Finding: what the loader located (a 「（未記入）」 row, a figure
/// that disagrees with its sentence…) for the publish gate to judge (src/ActionPlan.Site/Publishing/PublishGate.cs):
/// the gate alone decides what is 公開不可, and turns every finding into Blocking or Warning. A finding that never
/// met the gate counts as 公開不可.
/// </summary>
public enum Severity { Error, Warning, Blocking, Finding }

/// <summary>
/// One problem found in the sources, located to file, line and field. Message is Japanese (the staff's language);
/// Hint says how to fix it; Code is a stable English identifier for docs, tests and machines.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string File, int? Line, string? Field, string Message, string? Hint = null)
{
    /// <summary>input/items/05.csv:7 [実績値] 値「abc」を数値として読めません。 → 例: 5.59億円</summary>
    public string Format()
    {
        var location = Line is { } l ? $"{File}:{l}" : File;
        var field = Field is null ? "" : $" [{Field}]";
        var level = Label(Severity);
        var hint = Hint is null ? "" : $" → {Hint}";
        return $"{location}{field} {level}: {Message}{hint} ({Code})";
    }

    public override string ToString() => Format();

    /// <summary>How each severity is named to staff.</summary>
    public static string Label(Severity severity) => severity switch
    {
        Severity.Error => "エラー",
        Severity.Blocking or Severity.Finding => "公開不可",
        _ => "警告",
    };

    /// <summary>The severity's stable English name for machines (check --format json).</summary>
    public static string Key(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Blocking or Severity.Finding => "blocking",
        _ => "warning",
    };
}

/// <summary>Collects diagnostics while loading; loaders report everything they find rather than stopping.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(string code, string file, int? line, string? field, string message, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Error, code, file, line, field, message, hint));

    /// <summary>Something the publish gate judges (whether it may be published): the loader only locates it.</summary>
    public void Finding(string code, string file, int? line, string? field, string message, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Finding, code, file, line, field, message, hint));

    public void Warning(string code, string file, int? line, string? field, string message, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Warning, code, file, line, field, message, hint));

    /// <summary>Diagnostics ordered by file, then line, so every run prints them the same way.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ToList();
}
