using System.Reflection;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// The default theme's templates compiled ahead of time: `tools/publish.sh` builds the site once, then embeds the
/// compiled templates it produced (resources under <c>compiled-templates/</c>) in the standalone program, so the first
/// build on a new machine starts no Razor compiler. They are copied into the template cache, where the cache key
/// (template text + the model assemblies' module version ids) decides whether they fit: a template that was edited,
/// or a program built from other sources, simply compiles as before. A program built without them (dotnet run, the
/// tests) has none to copy.
/// </summary>
public static class CompiledTemplates
{
    private const string Prefix = "compiled-templates/";

    /// <summary>The names of the compiled templates inside this program.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(CompiledTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Copies the shipped compiled templates the cache folder does not have yet; a folder that cannot be written is left alone.</summary>
    public static void Seed(string cacheDirectory)
    {
        if (Names.Count == 0) return;
        try
        {
            Directory.CreateDirectory(cacheDirectory);
            var asm = typeof(CompiledTemplates).Assembly;
            foreach (var name in Names)
            {
                var target = Path.Combine(cacheDirectory, name[Prefix.Length..]);
                if (File.Exists(target)) continue;
                var temp = target + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
                using (var source = asm.GetManifestResourceStream(name)!)
                using (var file = File.Create(temp))
                    source.CopyTo(file);
                File.Move(temp, target, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
