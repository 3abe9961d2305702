using ActionPlan.Rendering;

namespace ActionPlan.Site.Output;

/// <summary>Why the output could not be written, in Japanese for the staff.</summary>
public sealed class OutputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Write stage: puts the rendered files on disk atomically. Everything is written to a sibling folder first;
/// only when that succeeded is the previous output swapped out, so a failed or killed build never leaves a
/// half-written site. Files whose bytes did not change keep their timestamps (they are moved over, not rewritten).
/// </summary>
public static class SiteWriter
{
    private const string TempSuffix = ".tmp-", OldSuffix = ".old-";

    public sealed record Result(int Written, int Unchanged, int Removed);

    /// <summary>Resolves a site-relative path inside the root, refusing anything that would escape it.</summary>
    public static string SafeCombine(string root, string relative)
    {
        if (relative.Length == 0 || relative.Contains('\\') || relative.Contains('\0') || Path.IsPathRooted(relative) ||
            relative.Split('/').Any(s => s is "" or "." or ".."))
            throw new OutputException($"出力ファイル名「{relative}」は使えません（出力フォルダの外を指しています）。");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
            throw new OutputException($"出力ファイル名「{relative}」は出力フォルダの外を指しています。");
        return full;
    }

    /// <summary>Puts back a previous output left aside by a build that was killed during the swap, and removes stale temporaries.</summary>
    public static void Recover(string outputDir)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent)) return;
        var name = Path.GetFileName(full);
        var olds = Directory.GetDirectories(parent, name + OldSuffix + "*").Order(StringComparer.Ordinal).ToList();
        if (!Directory.Exists(full) && olds.Count > 0)
        {
            Directory.Move(olds[^1], full);
            olds.RemoveAt(olds.Count - 1);
        }
        foreach (var stale in olds.Concat(Directory.GetDirectories(parent, name + TempSuffix + "*")))
            TryDelete(stale);
    }

    public static Result Write(IReadOnlyList<OutputFile> files, string outputDir)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(full))
            throw new OutputException($"出力先「{outputDir}」はフォルダではなくファイルです。別の --output を指定してください。");
        var parent = Path.GetDirectoryName(full)!;
        var id = Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        var temp = full + TempSuffix + id;
        int written = 0, unchanged = 0;
        try
        {
            Directory.CreateDirectory(parent);
            Recover(full);
            Directory.CreateDirectory(temp);
            foreach (var file in files)
            {
                var target = SafeCombine(temp, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var previous = Path.Combine(full, file.Path);
                if (File.Exists(previous) && SameBytes(previous, file.Content))
                {
                    File.Copy(previous, target);
                    File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(previous));
                    unchanged++;
                }
                else
                {
                    using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
                    {
                        stream.Write(file.Content);
                        stream.Flush(flushToDisk: true);
                    }
                    written++;
                }
            }
        }
        catch (Exception ex)
        {
            TryDelete(temp);
            if (ex is IOException or UnauthorizedAccessException) throw new OutputException(Describe(ex, outputDir), ex);
            throw;
        }

        var removed = Directory.Exists(full)
            ? Directory.GetFiles(full, "*", SearchOption.AllDirectories).Count(f => !File.Exists(Path.Combine(temp, Path.GetRelativePath(full, f))))
            : 0;
        var old = full + OldSuffix + id;
        try
        {
            if (Directory.Exists(full)) Directory.Move(full, old);
            Directory.Move(temp, full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!Directory.Exists(full) && Directory.Exists(old)) Directory.Move(old, full);
            TryDelete(temp);
            throw new OutputException(Describe(ex, outputDir), ex);
        }
        TryDelete(old);
        return new Result(written, unchanged, removed);
    }

    private static bool SameBytes(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length) return false;
        return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }

    private static string Describe(Exception ex, string outputDir) => ex switch
    {
        UnauthorizedAccessException => $"出力先「{outputDir}」に書き込む権限がありません。フォルダの権限を確認するか、別の --output を指定してください。以前のサイトはそのまま残っています。",
        IOException io when (io.HResult & 0xFFFF) is 28 or 112 => $"ディスクの空きが足りず、出力先「{outputDir}」に書き込めませんでした。空きを作ってからもう一度実行してください。以前のサイトはそのまま残っています。",
        IOException io when io.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase) => $"出力先「{outputDir}」は読み取り専用です。別の --output を指定してください。以前のサイトはそのまま残っています。",
        _ => $"出力先「{outputDir}」に書き込めませんでした（{ex.Message}）。以前のサイトはそのまま残っています。",
    };

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
