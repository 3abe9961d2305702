namespace ActionPlan.Site.Pipeline;

/// <summary>
/// The default theme's templates compiled ahead of time: `tools/publish.sh` builds the site once, then embeds the
/// compiled templates it produced (resources under <c>compiled-templates/</c>) in the standalone program, so the first
/// build on a new machine starts no Razor compiler. The template cache loads them straight from the program's
/// resources by file name; the name (template text + the model assemblies' module version ids) decides whether they
/// fit: a template that was edited, or a program built from other sources, simply compiles as before. A program built
/// without them (dotnet run, the tests) has none.
/// </summary>
public static class CompiledTemplates
{
    private const string Prefix = "compiled-templates/";

    /// <summary>The names of the compiled templates inside this program.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(CompiledTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal).ToList();

    /// <summary>A shipped compiled template by file name, or null.</summary>
    public static byte[]? Read(string fileName)
    {
        if (Names.Count == 0) return null;
        using var stream = typeof(CompiledTemplates).Assembly.GetManifestResourceStream(Prefix + fileName);
        if (stream is null) return null;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
