namespace ActionPlan.Site.Audit;

/// <summary>
/// Finds a Chromium-family browser already on the machine (the audit never downloads one): ACTIONPLAN_BROWSER if set,
/// then Chromium, Chrome and Edge where their installers put them on Linux, Windows and macOS.
/// </summary>
public static class BrowserFinder
{
    public const string Variable = "ACTIONPLAN_BROWSER";

    public static IReadOnlyList<string> Candidates()
    {
        var list = new List<string>();
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen) list.Add(chosen);
        if (OperatingSystem.IsWindows())
        {
            foreach (var root in new[] { Environment.GetEnvironmentVariable("ProgramFiles"), Environment.GetEnvironmentVariable("ProgramFiles(x86)"), Environment.GetEnvironmentVariable("LOCALAPPDATA") })
            {
                if (string.IsNullOrEmpty(root)) continue;
                list.Add(Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe"));
                list.Add(Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe"));
                list.Add(Path.Combine(root, "Chromium", "Application", "chrome.exe"));
            }
        }
        else if (OperatingSystem.IsMacOS())
        {
            list.Add("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
            list.Add("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge");
            list.Add("/Applications/Chromium.app/Contents/MacOS/Chromium");
        }
        else
        {
            list.AddRange(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge", "/snap/bin/chromium"]);
        }
        return list;
    }

    /// <summary>The first browser that exists, or null.</summary>
    public static string? Find() => Candidates().FirstOrDefault(File.Exists);

    /// <summary>What to tell staff when no browser is found.</summary>
    public static string NotFoundMessage() =>
        "エラー: 試験に使うブラウザ（Chrome・Edge・Chromium）が見つかりません。Chrome か Edge をインストールするか、" +
        $"環境変数 {Variable} にブラウザのプログラムの場所を指定してください（探した場所: {string.Join("、", Candidates())}）。";
}
