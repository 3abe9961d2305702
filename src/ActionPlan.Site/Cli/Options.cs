namespace ActionPlan.Site.Cli;

/// <summary>Exit codes (README「終了コード」).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The sources have errors, or a computed achievement disagrees with the published one.</summary>
    public const int DataError = 1;
    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;
    /// <summary>The output could not be written (disk full, read-only, permissions).</summary>
    public const int OutputError = 3;
}

/// <summary>The parsed command line: a command and its --options.</summary>
public sealed class Options
{
    public string Command { get; private init; } = "";
    public string Input { get; private set; } = "input";
    public string Output { get; private set; } = "_site";
    public string? BaseUrl { get; private set; }
    public string Format { get; private set; } = "text";
    public bool Quiet { get; private set; }
    public bool Verbose { get; private set; }
    public int Port { get; private set; } = 8080;
    public string? Year { get; private set; }
    public string? Theme { get; private set; }
    public bool NoCache { get; private set; }
    public bool Draft { get; private set; }

    public static (Options? Options, string? Error) Parse(string[] args)
    {
        if (args.Length == 0) return (null, null);
        var o = new Options { Command = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            string Value()
            {
                if (i + 1 >= args.Length) throw new ArgumentException($"{a} の後に値が必要です。 ({a} needs a value)");
                return args[++i];
            }
            try
            {
                switch (a)
                {
                    case "--input" or "-i": o.Input = Value(); break;
                    case "--output" or "-o": o.Output = Value(); break;
                    case "--base-url": o.BaseUrl = Value(); break;
                    case "--format": o.Format = Value(); break;
                    case "--theme": o.Theme = Value(); break;
                    case "--year": o.Year = Value(); break;
                    case "--port":
                        if (!int.TryParse(Value(), out var port) || port is < 0 or > 65535) return (null, "--port には 0～65535 の数を指定してください。");
                        o.Port = port; break;
                    case "--quiet" or "-q": o.Quiet = true; break;
                    case "--verbose" or "-v": o.Verbose = true; break;
                    case "--no-cache": o.NoCache = true; break;
                    case "--draft": o.Draft = true; break;
                    default: return (null, $"不明なオプション「{a}」です。 (unknown option)");
                }
            }
            catch (ArgumentException ex) { return (null, ex.Message); }
        }
        if (o.Format is not ("text" or "json")) return (null, "--format には text か json を指定してください。");
        return (o, null);
    }

    public const string Usage = """
        ActionPlan.Site — 行政経営行動計画の進捗を公開するサイトを作ります。

        使い方: dotnet run --project src/ActionPlan.Site -- <コマンド> [オプション]

        コマンド:
          check      入力を検査し、年度計画達成度を計算して公表値と照合します。
          build      サイトを作ります（既定: input/ → _site/）。公開できない問題があれば作りません。
          serve      サイトを作ってプレビューし、入力の変更を見て作り直します。
          next-year  次の年度の実績を書き込む行を各項目のCSVに追加します（--year R5）。

        オプション:
          --input DIR      入力フォルダ（既定: input）
          --output DIR     出力フォルダ（既定: _site）。空のフォルダか、このツールが作ったフォルダだけに書き込みます
          --draft          公開できない問題が残っていても「下書き」としてサイトを作ります（確認用。公開には使えません）
          --theme DIR      テーマのフォルダ（既定: プログラムに入っている標準のテーマ）
          --base-url URL   公開先のURL（sitemap.xml と canonical に使います）
          --format json    check の結果をJSONで出力します
          --port N         serve のポート（既定: 8080、0 なら空いているポート）
          --year R5        next-year で追加する年度
          --quiet / --verbose
        """;
}
