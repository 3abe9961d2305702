using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ActionPlan.Rendering;

namespace ActionPlan.Site.Output;

/// <summary>Why the output could not be written, in Japanese for the staff.</summary>
public class OutputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The build would overwrite a file in the output folder that this tool did not write (exit 2, nothing changed).</summary>
public sealed class ForeignFileException(string message) : OutputException(message);

/// <summary>
/// Write stage: puts the rendered files on disk atomically. Files stream into a sibling folder; only when every file is
/// there is the previous output swapped out (two renames), so a failed or killed build never leaves a half-written
/// site, and the next run puts back an output a kill left aside. A file whose bytes did not change is hard-linked from
/// the previous output: not rewritten, same timestamp.
/// </summary>
public static partial class SiteWriter
{
    private const string TempSuffix = ".tmp-", OldSuffix = ".old-";

    /// <summary>
    /// The list of files a build wrote, kept in the output folder: it is how a later build knows the folder is the tool's,
    /// and which files in it are not (those are kept, never deleted: see docs/publishing-safety in README).
    /// </summary>
    public const string ManifestName = ".actionplan-site";

    private const string ManifestHeader = "# ActionPlan.Site が作ったファイルの一覧です。このフォルダはビルドのたびに作り直されます（一覧にないファイルは残します）。";

    /// <param name="Kept">Files in the folder that the tool did not write, carried over untouched into the new output.</param>
    public sealed record Result(int Written, int Unchanged, int Removed, IReadOnlyList<string> Kept);

    /// <summary>The files the previous build wrote (empty when the folder has no manifest).</summary>
    public static HashSet<string> ReadManifest(string outputDir)
    {
        var path = Path.Combine(outputDir, ManifestName);
        if (!File.Exists(path)) return new HashSet<string>(StringComparer.Ordinal);
        return File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    }

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

    /// <summary>Puts back a previous output left aside by a build killed during the swap; removes stale temporaries.</summary>
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

    /// <summary>Writes a whole list of files (tests and small callers).</summary>
    public static Result Write(IReadOnlyList<OutputFile> files, string outputDir)
    {
        using var tx = Transaction.Begin(outputDir);
        foreach (var f in files) tx.Add(f);
        return tx.Commit();
    }

    /// <summary>One build's write: Begin, Add (thread-safe) every file, Commit; disposing without Commit discards it.</summary>
    public sealed class Transaction : IDisposable
    {
        private readonly string _full, _temp, _display;
        private readonly ConcurrentDictionary<string, bool> _paths = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);   // staging folders made so far
        private HashSet<string> _owned = new(StringComparer.Ordinal);
        private HashSet<string> _previous = new(StringComparer.Ordinal);
        private readonly ConcurrentBag<string> _added = [], _changed = [];
        private int _written, _unchanged;
        private bool _committed;

        private Transaction(string display, string full, string temp)
        {
            _display = display;
            _full = full;
            _temp = temp;
        }

        public static Transaction Begin(string outputDir)
        {
            var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
            if (File.Exists(full))
                throw new OutputException($"出力先「{outputDir}」はフォルダではなくファイルです。別の --output を指定してください。");
            var temp = full + TempSuffix + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                Recover(full);
                Directory.CreateDirectory(temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw new OutputException(Describe(ex, outputDir), ex);
            }
            var tx = new Transaction(outputDir, full, temp);
            if (Directory.Exists(full))
            {
                tx._owned = ReadManifest(full);
                tx._previous = Directory.GetFiles(full, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/')).Where(p => p != ManifestName).ToHashSet(StringComparer.Ordinal);
            }
            return tx;
        }

        /// <summary>HTML pages that are new, and that changed, against the previous output (for the change report).</summary>
        public IReadOnlyList<string> Added => _added.Order(StringComparer.Ordinal).ToList();
        public IReadOnlyList<string> Changed => _changed.Order(StringComparer.Ordinal).ToList();
        public IReadOnlyList<string> Removed { get; private set; } = [];

        public void Add(OutputFile file)
        {
            var target = SafeCombine(_temp, file.Path);
            if (file.Path == ManifestName) throw new OutputException($"出力ファイル名「{file.Path}」は使えません。");
            if (!_paths.TryAdd(file.Path, true)) throw new OutputException($"出力ファイル「{file.Path}」が2回作られました（名前の衝突）。");
            if (_previous.Contains(file.Path) && !_owned.Contains(file.Path))
                throw new ForeignFileException($"出力先「{_display}」の「{file.Path}」は、このツールが作ったファイルではありません（手で置いたか、書き換えたファイルです）。" +
                                               "サイトのファイルと同じ名前なので上書きしてしまいます。そのファイルを別の場所に移してから、もう一度実行してください。何も変更していません。");
            try
            {
                var folder = Path.GetDirectoryName(target)!;
                if (!_folders.ContainsKey(folder))
                {
                    Directory.CreateDirectory(folder);   // safe when two pages of a new folder arrive at once
                    _folders.TryAdd(folder, true);       // marked only once it exists
                }
                var previous = Path.Combine(_full, file.Path);
                var existed = _previous.Contains(file.Path);   // listed when the transaction began: no system call per file
                if (existed && SameBytes(previous, file.Content) && Link(previous, target))
                {
                    Interlocked.Increment(ref _unchanged);
                    return;
                }
                // The whole file at once through a handle: no stream buffer, and no lock (the staging folder is this build's own).
                using (var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
                    RandomAccess.Write(handle, file.Content, 0);
                if (Interlocked.Increment(ref _written) == 20) CrashPoint.Reached(CrashPoint.MidStaging);
                if (file.Path.EndsWith(".html", StringComparison.Ordinal)) (existed ? _changed : _added).Add(file.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new OutputException(Describe(ex, _display), ex);
            }
        }

        public Result Commit()
        {
            var old = _full + OldSuffix + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
            try
            {
                // Files the tool did not write are kept: carried over into the new output exactly as they are.
                var kept = _previous.Where(p => !_owned.Contains(p) && !_paths.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
                foreach (var k in kept)
                {
                    var target = SafeCombine(_temp, k);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    Link(Path.Combine(_full, k), target);
                }
                var manifest = System.Text.Encoding.UTF8.GetBytes(ManifestHeader + "\n" + string.Concat(_paths.Keys.Order(StringComparer.Ordinal).Select(p => p + "\n")));
                var previousManifest = Path.Combine(_full, ManifestName);
                if (!(File.Exists(previousManifest) && SameBytes(previousManifest, manifest) && Link(previousManifest, Path.Combine(_temp, ManifestName))))
                    File.WriteAllBytes(Path.Combine(_temp, ManifestName), manifest);
                var gone = _previous.Where(p => _owned.Contains(p) && !_paths.ContainsKey(p)).ToList();
                Removed = gone.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                CrashPoint.Reached(CrashPoint.BeforeSwap);
                if (Directory.Exists(_full)) Directory.Move(_full, old);
                CrashPoint.Reached(CrashPoint.BetweenRenames);
                Directory.Move(_temp, _full);
                _committed = true;
                CrashPoint.Reached(CrashPoint.AfterSwap);
                TryDelete(old);
                return new Result(_written, _unchanged, gone.Count, kept);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (!Directory.Exists(_full) && Directory.Exists(old)) Directory.Move(old, _full);
                throw new OutputException(Describe(ex, _display), ex);
            }
        }

        public void Dispose()
        {
            if (!_committed) TryDelete(_temp);
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LinkNative(string existing, string created);

    /// <summary>A hard link keeps the unchanged file's bytes and timestamp without writing it; copies where links fail.</summary>
    private static bool Link(string existing, string created)
    {
        if (!OperatingSystem.IsWindows())
        {
            try { if (LinkNative(existing, created) == 0) return true; }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException) { }
        }
        File.Copy(existing, created);
        File.SetLastWriteTimeUtc(created, File.GetLastWriteTimeUtc(existing));
        return true;
    }

    private static bool SameBytes(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length) return false;
        return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }

    /// <summary>The Japanese message for a write failure (also used by tests for disk-full and read-only cases).</summary>
    public static string Describe(Exception ex, string outputDir) => ex switch
    {
        UnauthorizedAccessException => $"出力先「{outputDir}」に書き込む権限がありません。フォルダの権限を確認するか、別の --output を指定してください。以前のサイトはそのまま残っています。",
        IOException io when (io.HResult & 0xFFFF) is 28 or 112 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) =>
            $"ディスクの空きが足りず、出力先「{outputDir}」に書き込めませんでした。空きを作ってからもう一度実行してください。以前のサイトはそのまま残っています。",
        IOException io when (io.HResult & 0xFFFF) is 30 || io.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase) =>
            $"出力先「{outputDir}」は読み取り専用です。別の --output を指定してください。以前のサイトはそのまま残っています。",
        _ => $"出力先「{outputDir}」に書き込めませんでした（{ex.Message}）。以前のサイトはそのまま残っています。",
    };

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
