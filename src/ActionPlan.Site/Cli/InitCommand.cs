namespace ActionPlan.Site.Cli;

/// <summary>
/// 「init [DIR] [--empty]」: makes a plan folder a staffer can start from — the Ogori plan as shipped, or (--empty) a
/// one-item plan for another city that checks clean and builds — with the folder's README. Never writes over an
/// existing input folder; the files come from inside the program, so it works with nothing else on the machine.
/// </summary>
public static class InitCommand
{
    private const string Root = "init/";

    /// <summary>
    /// The examples of plan shapes `init --example` makes (docs/plan-shapes.md): the name staff type → the folder inside
    /// the program, and how the message names it. 行動計画 is the shipped Ogori plan; the others have invented figures and
    /// say so on every page (plan.md 例).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Folder, string Label)> Examples = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["行動計画"] = ("ogori/", "行動計画の例（小郡市の行政経営行動計画）"),
        ["総合戦略"] = ("examples/sogo-senryaku/", "総合戦略の例（数値は架空）"),
        ["行革"] = ("examples/gyokaku/", "行革の行動計画の例（数値は架空）"),
    };

    public static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        var dir = o.InitDir ?? ".";
        var input = Path.Combine(dir, "input");
        if (File.Exists(dir))
        {
            stderr.WriteLine($"エラー: 「{dir}」はファイルです。計画のフォルダを作る場所（新しいフォルダの名前）を指定してください。");
            return ExitCodes.Usage;
        }
        if (Directory.Exists(input) && Directory.EnumerateFileSystemEntries(input).Any())
        {
            stderr.WriteLine($"エラー: 「{input}」はすでにあります。上書きしないため、何も作りませんでした。別のフォルダを指定してください（例: init 新しい計画）。");
            return ExitCodes.Usage;
        }
        if (o.Empty && o.Example is not null)
        {
            stderr.WriteLine("エラー: --empty と --example は一緒に使えません。どちらか一方を指定してください。");
            return ExitCodes.Usage;
        }
        var form = o.Empty ? "empty/" : o.Example is { } example ? Examples[example].Folder : "ogori/";
        var asm = typeof(InitCommand).Assembly;
        // The input folder's README (how to write each file) is the shipped plan's, for both forms.
        const string inputReadme = Root + "ogori/input/README.md";
        var files = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(Root + form, StringComparison.Ordinal) || n is Root + "README.md" or inputReadme)
            .Order(StringComparer.Ordinal).ToList();
        var written = 0;
        try
        {
            foreach (var name in files)
            {
                var relative = name.StartsWith(Root + form, StringComparison.Ordinal) ? name[(Root + form).Length..]
                    : name == inputReadme ? "input/README.md" : "README.md";
                var target = Path.Combine(dir, relative.Replace('\\', '/'));
                if (relative == "README.md" && File.Exists(target)) continue;   // the folder's own README stays
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                using var source = asm.GetManifestResourceStream(name)!;
                using var file = new FileStream(target, FileMode.CreateNew);
                source.CopyTo(file);
                written++;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"エラー: 「{dir}」に書き込めません（{ex.Message}）。書き込めるフォルダを指定してください。");
            return ExitCodes.OutputError;
        }
        stdout.WriteLine($"計画のフォルダを作りました: {dir}（{(o.Empty ? "空の計画（1項目の見本）" : o.Example is { } shown ? Examples[shown].Label : "小郡市の計画")}、{written}ファイル）");
        stdout.WriteLine($"次に: プログラムを「{dir}」に置いてダブルクリックするとプレビューが始まります（コマンドでは、そのフォルダで引数なしに実行）。");
        stdout.WriteLine($"書き方は {Path.Combine(dir, "README.md")} と {Path.Combine(input, "README.md")} にあります。");
        return ExitCodes.Ok;
    }
}
