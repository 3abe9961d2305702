namespace ActionPlan.Input;

public enum Severity { Error, Warning }

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
        var level = Severity == Severity.Error ? "エラー" : "警告";
        var hint = Hint is null ? "" : $" → {Hint}";
        return $"{location}{field} {level}: {Message}{hint} ({Code})";
    }

    public override string ToString() => Format();
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

    public void Warning(string code, string file, int? line, string? field, string message, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Warning, code, file, line, field, message, hint));

    /// <summary>Diagnostics ordered by file, then line, so every run prints them the same way.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ToList();
}
