namespace ActionPlan.Site.Cli;

/// <summary>The command line's entry: dispatches to a command; never lets a stack trace reach the user.</summary>
public static class App
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, error) = Options.Parse(args);
        if (options is null)
        {
            if (error is not null) stderr.WriteLine($"エラー: {error}");
            stderr.WriteLine(Options.Usage);
            return ExitCodes.Usage;
        }
        try
        {
            return options.Command switch
            {
                "check" => CheckCommand.Run(options, stdout, stderr),
                "build" => await BuildCommand.RunAsync(options, stdout, stderr),
                "serve" => await ServeCommand.RunAsync(options, stdout, stderr),
                "next-year" => NextYearCommand.Run(options, stdout, stderr),
                "help" or "--help" or "-h" => Help(stdout),
                _ => Unknown(options.Command, stderr),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"エラー: 予期しない問題で処理を中断しました（{ex.GetType().Name}: {ex.Message}）。出力フォルダは変更していません。");
            stderr.WriteLine("この表示と入力ファイルを添えて、開発担当にお知らせください。");
            if (options.Verbose) stderr.WriteLine(ex.ToString());
            return ExitCodes.DataError;
        }
    }

    private static int Help(TextWriter stdout) { stdout.WriteLine(Options.Usage); return ExitCodes.Ok; }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"エラー: 不明なコマンド「{command}」です。");
        stderr.WriteLine(Options.Usage);
        return ExitCodes.Usage;
    }
}
