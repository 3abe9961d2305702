using System.CommandLine;

namespace ActionPlan.Site.Cli;

/// <summary>The command line's entry: parses (System.CommandLine), runs the command, never lets a stack trace reach the user.</summary>
public static class App
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            if (args.Length == 0) return await PreviewCommand.RunAsync(stdout, stderr);
            var root = CommandLine.Build((name, options) => Run(name, options, stdout, stderr));
            var parse = root.Parse(args);
            var asksForHelp = args.Any(a => a is "--help" or "-h" or "-?" or "--version");
            if (!asksForHelp && (parse.Errors.Count > 0 || parse.CommandResult.Command is RootCommand))
            {
                foreach (var line in CommandLine.Explain(parse)) stderr.WriteLine(line);
                return ExitCodes.Usage;
            }
            // ProcessTerminationTimeout = null: serve handles Ctrl+C and SIGTERM itself, so it stops cleanly (exit 0).
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"エラー: 予期しない問題で処理を中断しました（{ex.GetType().Name}: {ex.Message}）。出力フォルダは変更していません。");
            stderr.WriteLine("この表示と入力ファイルを添えて、開発担当にお知らせください。");
            if (verbose) stderr.WriteLine(ex.ToString());
            return ExitCodes.DataError;
        }
    }

    private static async Task<int> Run(string command, Options o, TextWriter stdout, TextWriter stderr) => command switch
    {
        "check" => CheckCommand.Run(o, stdout, stderr),
        "build" => await BuildCommand.RunAsync(o, stdout, stderr),
        "serve" => await ServeCommand.RunAsync(o, stdout, stderr),
        "next-year" => NextYearCommand.Run(o, stdout, stderr),
        "audit" => await AuditCommand.RunAsync(o, stdout, stderr),
        "manual" => ManualCheckCommand.Run(o, Console.In, stdout, stderr, DateOnly.FromDateTime(DateTime.Now)),
        "pdf" => await PdfCommand.RunAsync(o, stdout, stderr),
        "init" => InitCommand.Run(o, stdout, stderr),
        _ => ExitCodes.Usage,
    };
}
