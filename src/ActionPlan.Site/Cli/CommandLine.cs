using System.CommandLine;
using System.CommandLine.Parsing;
using ActionPlan.Input;

namespace ActionPlan.Site.Cli;

/// <summary>
/// The command line, parsed by System.CommandLine: one command per task with only its own options, `--help` on every
/// command, `--version`. A mistyped command or option exits 2 with a Japanese message and the closest names
/// (「--outptu」 → 「--output のことですか？」).
/// </summary>
public static class CommandLine
{
    private static Option<string> Input() => new("--input", "-i") { Description = "入力フォルダ（既定: input）", DefaultValueFactory = _ => "input", HelpName = "DIR" };
    private static Option<string> Output() => new("--output", "-o") { Description = "出力フォルダ（既定: _site）。空のフォルダか、このツールが作ったフォルダにだけ書き込みます", DefaultValueFactory = _ => "_site", HelpName = "DIR" };
    /// <summary>pdf's --output is a file and has no default here (the command puts it in the input folder).</summary>
    private static Option<string?> PdfFile() => new("--output", "-o") { Description = "作るPDFのファイル（既定: 入力フォルダの booklet.pdf。次の build がサイトに載せます）", HelpName = "FILE" };
    private static Option<string?> PdfBaseUrl() => new("--base-url") { Description = "サイトの公開先URL。PDFの中のサイト内リンクをそこへ向けます（省略するとリンクにしません）", HelpName = "URL" };
    private static Option<string?> Theme() => new("--theme") { Description = "テーマのフォルダ（既定: プログラムに入っている標準のテーマ）", HelpName = "DIR" };
    private static Option<string?> BaseUrl() => new("--base-url") { Description = "公開先のURL（sitemap.xml と canonical に使います）", HelpName = "URL" };
    private static Option<bool> Draft() => new("--draft") { Description = "公開できない問題が残っていても「下書き」としてサイトを作ります（確認用。公開には使えません）" };
    private static Option<bool> NoCache() => new("--no-cache") { Description = "テンプレートのキャッシュを使いません" };
    /// <summary>tools/publish.sh: compile every template of the theme, also those this plan does not use (not shown in help).</summary>
    private static Option<bool> AllTemplates() => new("--all-templates") { Description = "テーマのすべてのテンプレートをコンパイルします（配布用のプログラムを作るとき）", Hidden = true };
    private static Option<bool> Quiet() => new("--quiet", "-q") { Description = "エラーと公開不可の行だけを表示します" };
    private static Option<bool> Verbose() => new("--verbose", "-v") { Description = "処理時間と、予期しない問題の詳細も表示します" };

    private static Option<int> Port()
    {
        var port = new Option<int>("--port") { Description = "serve のポート（既定: 8080、0 なら空いているポート）", DefaultValueFactory = _ => 8080, HelpName = "N" };
        port.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is < 0 or > 65535)
                r.AddError("--port には 0～65535 の数を指定してください。");
        });
        return port;
    }

    /// <summary>The commands, each with its action; <paramref name="run"/> runs a command with the options it was given.</summary>
    public static RootCommand Build(Func<string, Options, Task<int>> run)
    {
        var root = new RootCommand("ActionPlan.Site — 行政経営行動計画の進捗を公開するサイトを作ります。");
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>()) help.Description = "使い方を表示します";
        foreach (var version in root.Options.OfType<VersionOption>()) version.Description = "バージョンを表示します";

        Command Make(string name, string description, params Option[] options)
        {
            var command = new Command(name, description);
            foreach (var o in options) command.Options.Add(o);
            command.SetAction((parse, _) => run(name, Read(parse, options)));
            root.Subcommands.Add(command);
            return command;
        }

        var format = new Option<string>("--format") { Description = "結果の形式: text か json", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var year = new Option<string>("--year") { Description = "実績の行を用意する年度（例: R5）", Required = true, HelpName = "R5" };

        Make("check", "入力を検査し、年度計画達成度を計算して公表値と照合します。公開できない問題があれば終了コード1。", Input(), format, Quiet(), Verbose());
        Make("build", "サイトを作ります（既定: input/ → _site/）。公開できない問題があれば作りません（--draft で下書き）。",
            Input(), Output(), Theme(), BaseUrl(), Draft(), NoCache(), AllTemplates(), Quiet(), Verbose());
        Make("serve", "下書きのサイトを作ってプレビューし、入力の変更を見て作り直します（Ctrl+C で終了）。",
            Input(), Output(), Theme(), BaseUrl(), Port(), NoCache(), Quiet(), Verbose());
        Make("audit", "作ったサイトの全ページをブラウザ（Chrome・Edge・Chromium）で試験し、結果を input/accessibility/results.json に保存します。",
            Input(), Output(), Quiet(), Verbose());
        Make("manual", "人による確認（アクセシビリティ）を1項目ずつ案内し、答えを input/accessibility/manual.csv に記録します（先に build を実行します）。",
            Input(), Output(), Quiet(), Verbose());
        Make("pdf", "冊子（全項目）をブラウザ（Chrome・Edge・Chromium）で印刷し、A4のPDF（タグ付き・しおり付き）を作ります。",
            Input(), PdfFile(), Theme(), PdfBaseUrl(), NoCache(), Quiet(), Verbose());
        var example = new Option<string?>("--example")
        {
            Description = "計画の形の例を作ります: 行動計画（小郡市の行政経営行動計画）、総合戦略（基本目標＞施策＞取組み、基準値と目標年度のあるKPI、S/A/B/C と評価不能、上限なしの達成率、見込、段階、基準値と比べたKPIごとの評価）、行革（実施率で数える、累計の効果額、◎○△× と担当課が付けるA～Dの評価、今後の方向性）。数値は架空です（行動計画を除く）",
            HelpName = "行動計画|総合戦略|行革",
        };
        example.AcceptOnlyFromAmong([.. InitCommand.Examples.Keys]);
        var init = Make("init", "計画のフォルダを作ります（既定: 小郡市の計画。--empty で1項目の見本だけの空の計画、--example で計画の形の例）。既にある input フォルダは上書きしません。",
            new Option<bool>("--empty") { Description = "ほかの自治体のための空の計画（そのまま検査を通り、サイトが作れる1項目の見本）を作ります" }, example);
        var dir = new Argument<string?>("DIR") { Description = "作るフォルダ（既定: 今いるフォルダ）", Arity = ArgumentArity.ZeroOrOne };
        init.Arguments.Add(dir);
        init.SetAction((parse, _) => run("init", Read(parse, init.Options) with { InitDir = parse.GetValue(dir) }));
        Make("next-year", "次の年度の実績を書き込む行を各項目のCSVに追加し、plan.md の実績年度を進めます。", Input(), year, Quiet(), Verbose());
        return root;
    }

    private static Options Read(ParseResult parse, IEnumerable<Option> options)
    {
        var o = new Options();
        foreach (var option in options)
        {
            o = option.Name switch
            {
                "--input" => o with { Input = parse.GetValue((Option<string>)option)! },
                "--output" when option.HelpName == "FILE" => o with { PdfOutput = parse.GetValue((Option<string?>)option) },
                "--output" => o with { Output = parse.GetValue((Option<string>)option)! },
                "--theme" => o with { Theme = parse.GetValue((Option<string?>)option) },
                "--base-url" => o with { BaseUrl = parse.GetValue((Option<string?>)option) },
                "--draft" => o with { Draft = parse.GetValue((Option<bool>)option) },
                "--no-cache" => o with { NoCache = parse.GetValue((Option<bool>)option) },
                "--all-templates" => o with { AllTemplates = parse.GetValue((Option<bool>)option) },
                "--quiet" => o with { Quiet = parse.GetValue((Option<bool>)option) },
                "--verbose" => o with { Verbose = parse.GetValue((Option<bool>)option) },
                "--port" => o with { Port = parse.GetValue((Option<int>)option) },
                "--format" => o with { Format = parse.GetValue((Option<string>)option)! },
                "--year" => o with { Year = parse.GetValue((Option<string>)option) },
                "--empty" => o with { Empty = parse.GetValue((Option<bool>)option) },
                "--example" => o with { Example = parse.GetValue((Option<string?>)option) },
                _ => o,
            };
        }
        return o;
    }

    /// <summary>Japanese lines for what the parser could not accept, with the closest names for a typo.</summary>
    public static IReadOnlyList<string> Explain(ParseResult parse)
    {
        var lines = new List<string>();
        var command = parse.CommandResult.Command;
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            .Concat(command.Subcommands.Select(c => c.Name)).Distinct().ToList();
        string Guess(string token)
        {
            var close = Lookalike.Closest(token.TrimStart('-'), names.Select(n => n.TrimStart('-')), max: 2)
                .Select(g => names.First(n => n.TrimStart('-') == g)).ToList();
            return close.Count > 0 ? $"{string.Join(" か ", close)} のことですか？" : "";
        }
        string? previous = null;
        foreach (var token in parse.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
                lines.Add($"エラー: 「{command.Name}」に「{token}」というオプションはありません。" + Guess(token));
            else if (command is RootCommand)
                lines.Add($"エラー: 「{token}」というコマンドはありません。" + Guess(token));
            else if (previous is null || !previous.StartsWith('-'))
                lines.Add($"エラー: 余分な値「{token}」があります。");
            previous = token;
        }
        foreach (var error in parse.Errors)
        {
            var message = error.Message;
            if (parse.UnmatchedTokens.Any(t => message.Contains($"'{t}'", StringComparison.Ordinal))) continue;
            if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
                lines.Add("エラー: コマンドを指定してください（check, build, serve, audit, manual, pdf, init, next-year）。");
            else if (System.Text.RegularExpressions.Regex.Match(message, "^Option '(?<o>[^']+)' is required") is { Success: true } required)
                lines.Add($"エラー: {required.Groups["o"].Value} を指定してください（例: {required.Groups["o"].Value} R5）。");
            else if (System.Text.RegularExpressions.Regex.Match(message, "^Argument '(?<v>[^']*)' not recognized. Must be one of:(?<list>[\\s\\S]*)") is { Success: true } choice)
                lines.Add($"エラー: 「{choice.Groups["v"].Value}」は使えません。使える値: {string.Join("、", choice.Groups["list"].Value.Split(['\n', '\t', '\'', ' '], StringSplitOptions.RemoveEmptyEntries))}");
            else if (System.Text.RegularExpressions.Regex.Match(message, "^Cannot parse argument '(?<v>[^']*)' for option '(?<o>[^']+)'") is { Success: true } bad)
                lines.Add($"エラー: {bad.Groups["o"].Value} の値「{bad.Groups["v"].Value}」が読めません（{(bad.Groups["o"].Value == "--port" ? "0～65535 の数" : "正しい値")}を指定してください）。");
            else
                lines.Add("エラー: " + message);
        }
        lines.Add($"使い方は「{(command is RootCommand ? "" : command.Name + " ")}--help」で表示できます。");
        return lines.Distinct().ToList();
    }
}
