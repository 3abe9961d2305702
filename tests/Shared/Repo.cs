namespace ActionPlan.Testing;

/// <summary>Finds the repository and makes throw-away copies of input folders for tests that edit them.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");

    /// <summary>
    /// The plan-shape examples `init --example` writes (src/ActionPlan.Site/Init/examples/NAME/input): folder name →
    /// its input folder. 行動計画 is input/ itself; these are the others.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Examples { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["gyokaku"] = Path.Combine(Root, "src", "ActionPlan.Site", "Init", "examples", "gyokaku", "input"),
        ["sogo-senryaku"] = Path.Combine(Root, "src", "ActionPlan.Site", "Init", "examples", "sogo-senryaku", "input"),
    };

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActionPlan.Site.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ActionPlan.Site.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "apsite-" + Guid.NewGuid().ToString("N")[..12]);
        public TempDir() => Directory.CreateDirectory(Path);
        public string this[string relative] => System.IO.Path.Combine(Path, relative);
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Copies a folder (by default the real input/) into a new temporary folder.</summary>
    public static TempDir CopyOf(string? source = null, string subfolder = "input")
    {
        var temp = new TempDir();
        Copy(source ?? Input, System.IO.Path.Combine(temp.Path, subfolder));
        return temp;
    }

    /// <summary>Every file under a folder (relative path with 「/」 → bytes), to compare two builds byte for byte.</summary>
    public static Dictionary<string, byte[]> Tree(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);

    /// <summary>The paths whose bytes differ between two trees (or that only one has), sorted.</summary>
    public static List<string> Differences(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || !x.AsSpan().SequenceEqual(y))
            .Order(StringComparer.Ordinal).ToList();

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)), overwrite: true);
    }
}
