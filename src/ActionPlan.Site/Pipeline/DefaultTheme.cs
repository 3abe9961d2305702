using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// The theme that ships inside the program (theme/ embedded at compile time). RazorLight and the stylesheet read a
/// folder, so the embedded files are unpacked once into a folder named by their content hash under the user's temp
/// folder; an unchanged theme is never unpacked twice, and a changed one gets a new folder.
/// </summary>
public static class DefaultTheme
{
    private const string Prefix = "theme/";
    private static readonly Lazy<string> Folder = new(Unpack);

    /// <summary>The unpacked default theme's folder.</summary>
    public static string Path => Folder.Value;

    private static string Unpack()
    {
        var asm = typeof(DefaultTheme).Assembly;
        var names = asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var files = names.Select(n => (Relative: n[Prefix.Length..].Replace('\\', '/'), Bytes: Read(asm, n))).ToList();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, bytes) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n" + bytes.Length + "\n"));
            sha.AppendData(bytes);
        }
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actionplan-site", "theme-" + hash);
        if (Directory.Exists(root)) return root;
        var temp = root + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (relative, bytes) in files)
        {
            var target = System.IO.Path.Combine(temp, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
        try { Directory.Move(temp, root); }
        catch (IOException) when (Directory.Exists(root)) { Directory.Delete(temp, recursive: true); }   // another process unpacked it first
        return root;
    }

    private static byte[] Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
