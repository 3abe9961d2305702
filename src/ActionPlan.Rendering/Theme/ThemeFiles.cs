using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using RazorLight.Razor;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// A theme's files (templates, stylesheets), read once into memory when the theme is opened: the default theme from
/// the program's own resources, a city's theme (--theme) from its folder. Nothing of the default theme is ever read from
/// disk — in particular not from a shared temporary folder that another account could have written first — and a
/// folder theme is read as one snapshot, so a build never mixes two versions of a template.
/// </summary>
public sealed class ThemeFiles
{
    private readonly SortedDictionary<string, byte[]> _files;

    private ThemeFiles(string name, string? folder, SortedDictionary<string, byte[]> files)
    {
        Name = name;
        Folder = folder;
        _files = files;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, bytes) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n" + bytes.Length + "\n"));
            sha.AppendData(bytes);
        }
        Hash = Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>How the theme is named to staff: its folder, or 「標準のテーマ」.</summary>
    public string Name { get; }

    /// <summary>The folder the theme was read from; null for the theme inside the program.</summary>
    public string? Folder { get; }

    /// <summary>SHA-256 over every file's path and bytes.</summary>
    public string Hash { get; }

    /// <summary>Every file's path relative to the theme, with '/' separators, in ordinal order.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    public bool Exists(string relative) => _files.ContainsKey(Normalize(relative));

    /// <summary>A file's text (UTF-8, a BOM dropped), or null when the theme has no such file.</summary>
    public string? Text(string relative) =>
        _files.TryGetValue(Normalize(relative), out var bytes) ? Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF') : null;

    public byte[]? Bytes(string relative) => _files.GetValueOrDefault(Normalize(relative));

    /// <summary>"/pages/Item.cshtml", "pages\Item.cshtml" → "pages/Item.cshtml".</summary>
    public static string Normalize(string relative) => relative.Replace('\\', '/').TrimStart('/');

    /// <summary>The theme in a folder, read now. Hidden files and folders (".git", editor backups) are not part of it.</summary>
    public static ThemeFiles FromFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.'))) continue;
            files[relative] = File.ReadAllBytes(file);
        }
        return new ThemeFiles(root, root, files);
    }

    /// <summary>The theme embedded in <paramref name="assembly"/> under resource names starting with <paramref name="prefix"/>.</summary>
    public static ThemeFiles FromResources(Assembly assembly, string prefix, string name)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[Normalize(resource[prefix.Length..])] = copy.ToArray();
        }
        return new ThemeFiles(name, null, files);
    }

    /// <summary>The words the site model composes (words/ja.txt), read once.</summary>
    public Words Words => _words ??= Theme.Words.Parse(Text(Theme.Words.DefaultFile) ?? "", Name + "/" + Theme.Words.DefaultFile);
    private Words? _words;

    /// <summary>The templates as RazorLight reads them: a project whose items come from memory.</summary>
    public RazorLightProject Project() => new MemoryProject(this);

    private sealed class MemoryProject(ThemeFiles theme) : RazorLightProject
    {
        public override Task<RazorLightProjectItem> GetItemAsync(string templateKey)
        {
            var key = NormalizeKey(templateKey.EndsWith(".cshtml", StringComparison.Ordinal) ? templateKey : templateKey + ".cshtml");
            return Task.FromResult<RazorLightProjectItem>(new Item(key, theme.Bytes(key)));
        }

        public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) => Task.FromResult(Enumerable.Empty<RazorLightProjectItem>());

        public override Task<IEnumerable<string>> GetKnownKeysAsync() =>
            Task.FromResult(theme.Paths.Where(p => p.EndsWith(".cshtml", StringComparison.Ordinal)));

        public override string NormalizeKey(string templateKey) => "/" + Normalize(templateKey);
    }

    private sealed class Item(string key, byte[]? bytes) : RazorLightProjectItem
    {
        public override string Key => key;
        public override bool Exists => bytes is not null;
        public override Stream Read() => new MemoryStream(bytes ?? throw new FileNotFoundException(key), writable: false);
    }
}
