namespace ActionPlan.Site.Output;

/// <summary>
/// The output folder is the tool's, or it is not touched. A build replaces only a folder that is absent, empty, or
/// carries the manifest of a previous build (<see cref="SiteWriter.ManifestName"/>). Anything else is refused before
/// a byte is read or written: the input or theme folder (or a folder holding them, or inside them), a folder holding
/// .git or a solution, the user's home, a filesystem root, and any other folder that already has files in it.
/// </summary>
public static class OutputGuard
{
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Why <paramref name="output"/> may not be written (a Japanese message naming it), or null when it may.</summary>
    public static string? Refusal(string output, string input, string? theme)
    {
        var o = Full(output);
        var shown = output;
        const string fix = "公開用の新しいフォルダ（例: --output _site）を指定してください。何も変更していません。";
        if (Path.GetPathRoot(o) is { } root && Same(o, root))
            return $"出力先「{shown}」はドライブやファイルシステムの最上位です。{fix}";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && (Same(o, Full(home)) || Inside(Full(home), o)))
            return $"出力先「{shown}」はホームフォルダ（またはそれを含むフォルダ）です。{fix}";
        foreach (var (dir, what) in new[] { (input, "入力フォルダ"), (theme, "テーマのフォルダ") })
        {
            if (dir is null) continue;
            var d = Full(dir);
            if (Same(o, d)) return $"出力先「{shown}」は{what}「{dir}」そのものです。サイトを書き込むと{what}の中身が消えてしまいます。{fix}";
            if (Inside(o, d)) return $"出力先「{shown}」は{what}「{dir}」の中にあります。{fix}";
            if (Inside(d, o)) return $"出力先「{shown}」は{what}「{dir}」を含むフォルダです。サイトを書き込むと{what}が消えてしまいます。{fix}";
        }
        if (!Directory.Exists(o)) return null;
        if (Directory.Exists(Path.Combine(o, ".git")) || File.Exists(Path.Combine(o, ".git")))
            return $"出力先「{shown}」はGitのリポジトリ（.git のあるフォルダ）です。{fix}";
        if (Directory.EnumerateFiles(o, "*.sln").Any() || Directory.EnumerateFiles(o, "*.slnx").Any() || Directory.EnumerateFiles(o, "*.csproj").Any())
            return $"出力先「{shown}」はプログラムのソース（.sln / .csproj のあるフォルダ）です。{fix}";
        if (File.Exists(Path.Combine(o, SiteWriter.ManifestName))) return null;
        var entries = Directory.EnumerateFileSystemEntries(o).Take(4).Select(Path.GetFileName).ToList();
        if (entries.Count == 0) return null;
        if (File.Exists(Path.Combine(o, "opendata", "plan.json")) && File.Exists(Path.Combine(o, "assets", "site.css")))
            return $"出力先「{shown}」は、以前のバージョンのこのツールが作ったサイトのようですが、作成ファイルの一覧（{SiteWriter.ManifestName}）がないため、" +
                   "人が置いたファイルと見分けられません。残したいファイルがないことを確かめてからフォルダを削除し、もう一度実行してください。何も変更していません。";
        return $"出力先「{shown}」には、このツールが作ったのではないファイルがあります（{string.Join("、", entries.Take(3))}{(entries.Count > 3 ? " など" : "")}）。" +
               "このツールは、空のフォルダか、以前このツールが作ったフォルダ（" + SiteWriter.ManifestName + " のあるフォルダ）にだけ書き込みます。" + fix;
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool Same(string a, string b) => string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), PathComparison);

    /// <summary>Whether <paramref name="path"/> lies strictly inside <paramref name="folder"/>.</summary>
    private static bool Inside(string path, string folder)
    {
        var f = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return path.StartsWith(f, PathComparison) && path.Length > f.Length;
    }
}
