using System.ComponentModel;
using System.Diagnostics;
using ActionPlan.Input;

namespace ActionPlan.Site.Cli;

/// <summary>
/// The program run with no arguments — a double-click in the plan folder: starts `serve` on a free port and opens the
/// browser there (where one can be opened), printing the address and how to stop. Outside a plan folder it says
/// where the program belongs and how to make a plan folder, and on Windows waits for a key so the window does not
/// vanish before the message is read.
/// </summary>
public static class PreviewCommand
{
    /// <summary>Set to a program to open the preview with (tests), or to 「none」 to open nothing and only print the address.</summary>
    public const string OpenVariable = "ACTIONPLAN_OPEN";

    public static async Task<int> RunAsync(TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(Path.Combine("input", PlanLoader.PlanFile)))
        {
            stderr.WriteLine($"エラー: このフォルダ（{Path.GetFullPath(".")}）には計画の入力（input/plan.md）がありません。");
            stderr.WriteLine("プログラムを計画のフォルダ（input フォルダのあるフォルダ）に置いて実行してください。");
            stderr.WriteLine("計画のフォルダを新しく作るには「init 計画」（小郡市の計画）か「init 計画 --empty」（空の計画）を実行します。使い方は「--help」で表示できます。");
            WaitOnWindows(stdout);
            return ExitCodes.Usage;
        }
        stdout.WriteLine("プレビューを始めます。input フォルダのファイルを保存するたびに作り直します。");
        var code = await ServeCommand.RunAsync(new Options { Port = 0 }, stdout, stderr, address => Open(address, stdout));
        if (code != ExitCodes.Ok) WaitOnWindows(stdout);
        return code;
    }

    private static void Open(Uri address, TextWriter stdout)
    {
        var url = address.ToString();
        var custom = Environment.GetEnvironmentVariable(OpenVariable);
        ProcessStartInfo? start = custom switch
        {
            "none" => null,
            { Length: > 0 } => new ProcessStartInfo(custom) { ArgumentList = { url } },
            _ when OperatingSystem.IsWindows() => new ProcessStartInfo(url) { UseShellExecute = true },
            _ when OperatingSystem.IsMacOS() => new ProcessStartInfo("open") { ArgumentList = { url } },
            _ when Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } || Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is { Length: > 0 }
                => new ProcessStartInfo("xdg-open") { ArgumentList = { url } },
            _ => null,
        };
        try
        {
            if (start is not null)
            {
                Process.Start(start)?.Dispose();
                stdout.WriteLine($"ブラウザでプレビューを開きました: {url}");
                stdout.WriteLine("終了するときは、このウィンドウを閉じるか Ctrl+C を押してください。");
                return;
            }
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or FileNotFoundException) { }
        stdout.WriteLine($"ブラウザで次のアドレスを開いてください: {url}");
        stdout.WriteLine("終了するときは、このウィンドウを閉じるか Ctrl+C を押してください。");
    }

    private static void WaitOnWindows(TextWriter stdout)
    {
        if (!OperatingSystem.IsWindows() || Console.IsInputRedirected) return;
        stdout.WriteLine("何かキーを押すと閉じます。");
        Console.ReadKey(intercept: true);
    }
}
