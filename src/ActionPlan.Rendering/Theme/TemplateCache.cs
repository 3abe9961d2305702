using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using RazorLight;
using RazorLight.Caching;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// Compiled templates, kept between runs. A compiled template is found by a name made of the template's path and a
/// SHA-256 of the model assemblies' identities (module version ids), the path and the template's text: editing a
/// template or rebuilding the model gives a new name, and nothing is trusted by timestamp. Looked up, in order: this
/// run's memory; the compiled templates shipped inside the program (<paramref name="shipped"/>, read from its own
/// resources, never unpacked); the user's private cache folder (<see cref="PrivateFolder"/>: used only when it and each
/// file in it belong to the user and nobody else can write them). A template found nowhere is compiled, counted, and
/// written to the private folder (atomically: temp file + rename).
/// </summary>
public sealed class TemplateCache : ICachingProvider, RazorLight.Compilation.IPrecompileCallback
{
    private static readonly string ModelIdentity = string.Join("|",
        new[] { typeof(Site.Page).Assembly, typeof(Domain.Plan).Assembly, typeof(RazorLightEngine).Assembly }
            .Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId));

    private readonly ThemeFiles _theme;
    private readonly Func<string, byte[]?> _shipped;
    private readonly string? _folder;
    private string? _refusal;
    private bool? _trusted;
    private readonly Lock _gate = new();
    private readonly string _identity;
    private readonly ConcurrentDictionary<string, Func<ITemplatePage>> _loaded = new(StringComparer.Ordinal);
    private int _compiled;

    /// <param name="theme">The theme whose templates are cached.</param>
    /// <param name="folder">The private cache folder, or null for none (--no-cache): compiled templates then live for this run only.</param>
    /// <param name="shipped">Compiled templates inside the program, by file name (null: none).</param>
    /// <param name="modelIdentity">For tests: another model's identity.</param>
    public TemplateCache(ThemeFiles theme, string? folder, Func<string, byte[]?>? shipped = null, string? modelIdentity = null)
    {
        _theme = theme;
        _shipped = shipped ?? (_ => null);
        _identity = modelIdentity ?? ModelIdentity;
        _folder = folder;
    }

    public static string Identity => ModelIdentity;

    /// <summary>Why the cache folder was not used (another owner, writable by others...), or null.</summary>
    public string? Refusal { get { lock (_gate) return _refusal; } }

    /// <summary>
    /// Whether the folder may be read (it exists and is trusted) or, with <paramref name="create"/>, written (made
    /// private if missing). Nothing is created until a template has to be written: a build that finds everything in
    /// the program leaves no trace in the user's home.
    /// </summary>
    private bool Usable(bool create)
    {
        if (_folder is null) return false;
        lock (_gate)
        {
            if (_trusted is { } known) return known;
            if (!create && !Directory.Exists(_folder)) return false;   // nothing to read yet; decide when there is
            var why = create ? PrivateFolder.Prepare(_folder) : PrivateFolder.Untrusted(_folder, directory: true);
            if (why is not null) _refusal = $"テンプレートのキャッシュ「{_folder}」を使いませんでした（{why}）。テンプレートは毎回コンパイルします。";
            _trusted = why is null;
            return why is null;
        }
    }

    /// <summary>How many templates were compiled (found neither in the program nor in the cache) since this cache was opened.</summary>
    public int Compiled => Volatile.Read(ref _compiled);

    /// <summary>The compiled template's file name for a template key: "pages_Item.cshtml.&lt;hash&gt;.dll".</summary>
    public string FileName(string key)
    {
        var relative = ThemeFiles.Normalize(key);
        var text = _theme.Text(relative) ?? "";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_identity + "\n" + relative + "\n" + text)))[..24];
        return relative.Replace('/', '_') + "." + hash + ".dll";
    }

    public TemplateCacheLookupResult RetrieveTemplate(string key)
    {
        if (_loaded.TryGetValue(key, out var known)) return new TemplateCacheLookupResult(new TemplateCacheItem(key, known));
        var name = FileName(key);
        var bytes = _shipped(name) ?? ReadPrivate(name);
        if (bytes is null) return new TemplateCacheLookupResult();
        Type type;
        try { type = FileSystemCachingProvider.GetTemplatePageType(bytes, null); }
        catch (BadImageFormatException) { return new TemplateCacheLookupResult(); }
        Func<ITemplatePage> factory = () => FileSystemCachingProvider.NewTemplatePage(type);
        _loaded[key] = factory;
        return new TemplateCacheLookupResult(new TemplateCacheItem(key, factory));
    }

    private byte[]? ReadPrivate(string name)
    {
        if (!Usable(create: false)) return null;
        var path = Path.Combine(_folder!, name);
        if (!File.Exists(path) || PrivateFolder.Untrusted(path, directory: false) is not null) return null;
        try { return File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    public void CacheTemplate(string key, Func<ITemplatePage> pageFactory, Microsoft.Extensions.Primitives.IChangeToken expirationToken) =>
        _loaded[key] = pageFactory;

    public bool Contains(string key) => _loaded.ContainsKey(key);

    public void Remove(string key) => _loaded.TryRemove(key, out _);

    /// <summary>RazorLight calls this with each template it compiled.</summary>
    public void Invoke(RazorLight.Generation.IGeneratedRazorTemplate template, byte[] rawAssembly, byte[] rawSymbolStore)
    {
        Interlocked.Increment(ref _compiled);
        if (!Usable(create: true)) return;
        var path = Path.Combine(_folder!, FileName(template.TemplateKey));
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var file = OperatingSystem.IsWindows()
                       ? new FileStream(temp, FileMode.CreateNew, FileAccess.Write)
                       : new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
                file.Write(rawAssembly);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
