using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using RazorLight.Caching;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// Where compiled templates persist between runs (RazorLight's FileSystemCachingProvider with our key): a compiled
/// template is reused only when both the template's text and the identity (module version id) of the assemblies
/// its model comes from are unchanged. Editing a template or rebuilding the model invalidates it; nothing is trusted
/// by timestamp.
/// </summary>
public sealed class TemplateCacheStrategy(string themeDirectory, string? modelIdentity = null) : IFileSystemCachingStrategy
{
    private static readonly string ModelIdentity = string.Join("|",
        new[] { typeof(Site.Page).Assembly, typeof(Domain.Plan).Assembly, typeof(RazorLight.RazorLightEngine).Assembly }
            .Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId));

    public static string Identity => ModelIdentity;

    public string Name => "ActionPlan.Site template-text + model-assembly key";

    public CachedFileInfo GetCachedFileInfo(string key, string templateFilePath, string cacheDir)
    {
        var relative = key.TrimStart('/', '\\');
        var source = Path.Combine(themeDirectory, relative);
        var text = File.Exists(source) ? File.ReadAllText(source) : "";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((modelIdentity ?? ModelIdentity) + "\n" + relative + "\n" + text)))[..24];
        var asm = Path.Combine(cacheDir, relative.Replace('/', '_').Replace('\\', '_') + "." + hash + ".dll");
        var pdb = Path.ChangeExtension(asm, ".pdb");
        return new CachedFileInfo(File.Exists(asm), asm, pdb);
    }

    /// <summary>The caching provider for a theme: persistent under <paramref name="cacheDirectory"/>.</summary>
    public static TemplateCache Provider(string themeDirectory, string cacheDirectory)
    {
        Directory.CreateDirectory(cacheDirectory);
        var strategy = new TemplateCacheStrategy(Path.GetFullPath(themeDirectory));
        var inner = new FileSystemCachingProvider(Path.GetFullPath(themeDirectory), Path.GetFullPath(cacheDirectory), strategy);
        return new TemplateCache(inner, strategy, Path.GetFullPath(cacheDirectory));
    }
}

/// <summary>
/// RazorLight's file cache, with writes made atomic (temp file + rename) so builds running side by side never read a
/// half-written assembly; a cache that cannot be written is simply not used. Counts the templates it had to compile
/// (the standalone program ships the default theme's compiled templates, so its first build compiles none).
/// </summary>
public sealed class TemplateCache(FileSystemCachingProvider inner, TemplateCacheStrategy strategy, string cacheDir) : ICachingProvider, RazorLight.Compilation.IPrecompileCallback
{
    private int _compiled;

    /// <summary>How many templates were compiled (not found in the cache) since this cache was opened.</summary>
    public int Compiled => Volatile.Read(ref _compiled);

    public void CacheTemplate(string key, Func<RazorLight.ITemplatePage> pageFactory, Microsoft.Extensions.Primitives.IChangeToken expirationToken) =>
        inner.CacheTemplate(key, pageFactory, expirationToken);

    public bool Contains(string key) => inner.Contains(key);
    public void Remove(string key) => inner.Remove(key);

    public TemplateCacheLookupResult RetrieveTemplate(string key)
    {
        try { return inner.RetrieveTemplate(key); }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or UnauthorizedAccessException) { return new TemplateCacheLookupResult(); }
    }

    public void Invoke(RazorLight.Generation.IGeneratedRazorTemplate template, byte[] rawAssembly, byte[] rawSymbolStore)
    {
        Interlocked.Increment(ref _compiled);
        var info = strategy.GetCachedFileInfo(template.TemplateKey, "", cacheDir);
        try
        {
            Write(info.AssemblyFilePath, rawAssembly);
            if (rawSymbolStore is not null) Write(info.PdbFilePath, rawSymbolStore);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
