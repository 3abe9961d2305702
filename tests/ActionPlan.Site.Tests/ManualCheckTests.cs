using System.Text;
using ActionPlan.Domain;
using ActionPlan.Site.Cli;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// The guided human check (issue 22), driven with recorded answers as a staffer would give them at the keyboard: the
/// command names this site's pages for each criterion, says how to check and what passes, writes manual.csv after each
/// answer, and the 試験結果 page then says 準拠 — or 一部準拠 with one 不適合. Stopping half-way keeps what was answered.
/// </summary>
public class ManualCheckTests
{
    /// <summary>What someone following the instructions answers for this site: no audio, video, live media, timing,
    /// moving content, other languages or legal forms here (該当なし); everything else checked and passing.</summary>
    private static readonly HashSet<string> NotHere = ["1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.4.2", "2.2.1", "2.2.2", "3.1.2", "3.3.4"];

    private static (int Code, string Out, string Err) Run(string input, string output, string answers)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ManualCheckCommand.Run(new Options { Input = input, Output = output }, new StringReader(answers), stdout, stderr, new DateOnly(2024, 1, 25));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string ResultsPage(string input) =>
        Encoding.UTF8.GetString(SiteBuild.Render(input).Single(f => f.Path == "accessibility-results.html").Content);

    [Fact]
    public void Following_the_guide_to_the_end_makes_the_page_say_conformance()
    {
        using var dir = Repo.CopyOf();
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", dir["_site"], "--quiet").ExitCode);
        var answers = "広報 花子\n" + string.Concat(Wcag20.All.Select(c => NotHere.Contains(c.Number) ? "2\n" : "1\n"));
        var (code, output, err) = Run(dir["input"], dir["_site"], answers);
        Assert.True(code == 0, err);
        // It told the person where to look on this site and how.
        Assert.Contains("1.1.1 非テキストコンテンツ", output);
        Assert.Contains("見るページ: グラフや達成度の棒があるページ: index.html", output);
        Assert.Contains("見るページ: 検索など入力欄があるページ: search.html", output);
        Assert.Contains("NVDA", output);
        Assert.Contains("200%", output);
        Assert.Contains("試験結果のページは「準拠」になります", output);
        var csv = File.ReadAllText(dir["input/accessibility/manual.csv"]);
        Assert.Contains("1.1.1,適合,2024-01-25,広報 花子,手引きに沿って確認", csv);
        Assert.Contains("1.2.1,該当なし,2024-01-25,広報 花子,", csv);
        Assert.Contains("JIS X 8341-3:2016 の適合レベル AA に準拠", ResultsPage(dir["input"]));
        // Asked again, nothing is due.
        Assert.Contains("人による確認が必要な達成基準はありません", Run(dir["input"], dir["_site"], "").Out);
    }

    [Fact]
    public void One_failure_gives_partial_conformance_and_stopping_half_way_keeps_the_answers()
    {
        using var dir = Repo.CopyOf();
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", dir["_site"], "--quiet").ExitCode);
        // Stops after three answers (the input ends): those three are kept, the rest stay 未確認.
        var (code, output, _) = Run(dir["input"], dir["_site"], "広報 花子\n1\n\n2\n");
        Assert.Equal(0, code);
        Assert.Contains("2項目を input/accessibility/manual.csv に記録しました", output);
        Assert.Contains("未確認の達成基準が36項目残っています", output);
        Assert.Contains("配慮", ResultsPage(dir["input"]));
        // The rest, with 2.4.6 failing: the next run starts where the last stopped.
        var rest = Wcag20.All.Where(c => c.Number is not ("1.1.1" or "1.2.2"))
            .Select(c => c.Number == "2.4.6" ? "3\n表の見出しが内容と合っていない（items/05.html）\n" : NotHere.Contains(c.Number) ? "2\n" : "1\n");
        (code, output, _) = Run(dir["input"], dir["_site"], "広報 花子\n" + string.Concat(rest));
        Assert.Equal(0, code);
        Assert.StartsWith("人による確認を始めます。確認が必要な達成基準は36項目です。", output);
        Assert.Contains("2.4.6,不適合,2024-01-25,広報 花子,表の見出しが内容と合っていない（items/05.html）", File.ReadAllText(dir["input/accessibility/manual.csv"]));
        Assert.Contains("JIS X 8341-3:2016 の適合レベル AA に一部準拠", ResultsPage(dir["input"]));
    }

    [Fact]
    public void Without_a_built_site_or_a_name_it_says_what_to_do()
    {
        using var dir = Repo.CopyOf();
        var (code, _, err) = Run(dir["input"], dir["_site"], "");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("先に build を実行してください", err);
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", dir["_site"], "--quiet").ExitCode);
        (code, _, err) = Run(dir["input"], dir["_site"], "\n");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("名前がありません", err);
        Assert.Equal(38, ManualCheckCommand.Guides().Count);
        Assert.Equal(Wcag20.All.Select(c => c.Number), ManualCheckCommand.Guides().Select(g => g.Number));
    }
}
