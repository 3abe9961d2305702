using System.Diagnostics;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// How a staffer starts: `init` makes a plan folder (the shipped plan, or an empty one) that checks clean and builds;
/// the program run with no arguments in a plan folder starts the preview and opens the browser at its address.
/// </summary>
public class StartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Init_makes_a_plan_folder_that_checks_clean_and_builds(bool empty)
    {
        using var dir = new Repo.TempDir();
        var plan = dir["計画"];
        var init = empty ? Cli.Invoke("init", plan, "--empty") : Cli.Invoke("init", plan);
        Assert.True(init.ExitCode == 0, init.Err);
        Assert.True(File.Exists(Path.Combine(plan, "README.md")));
        Assert.True(File.Exists(Path.Combine(plan, "input", "README.md")));
        if (!empty) Assert.Empty(Repo.Differences(Repo.Tree(Repo.Input), Repo.Tree(Path.Combine(plan, "input"))));

        if (empty)
        {
            // The empty plan's example text (〇〇市, 「…を書きます」) is located and never published; a draft shows it.
            var sample = Cli.Invoke("check", "--input", Path.Combine(plan, "input"));
            Assert.Equal(1, sample.ExitCode);
            Assert.Contains("エラー0件・公開不可8件・警告0件", sample.Out);
            Assert.Contains("input/plan.md:3 [自治体] 公開不可: 見本の文「〇〇市」が残っています。", sample.Err);
            var refused = Cli.Invoke("build", "--input", Path.Combine(plan, "input"), "--output", Path.Combine(plan, "_site"));
            Assert.Equal(1, refused.ExitCode);
            Assert.False(Directory.Exists(Path.Combine(plan, "_site")));
            var draft = Cli.Invoke("build", "--draft", "--input", Path.Combine(plan, "input"), "--output", Path.Combine(plan, "_draft"));
            Assert.True(draft.ExitCode == 0, draft.Err);
            Assert.Contains("〇〇市", File.ReadAllText(Path.Combine(plan, "_draft", "index.html")));
            ReplaceSamples(Path.Combine(plan, "input"));   // what a city does first
        }
        var check = Cli.Invoke("check", "--input", Path.Combine(plan, "input"));
        Assert.True(check.ExitCode == 0, check.Out + check.Err);
        Assert.Contains("エラー0件・公開不可0件・警告0件", check.Out);
        var build = Cli.Invoke("build", "--input", Path.Combine(plan, "input"), "--output", Path.Combine(plan, "_site"));
        Assert.True(build.ExitCode == 0, build.Err);
        Assert.Contains("エラー0件・公開不可0件・警告0件", build.Out);
        Assert.True(File.Exists(Path.Combine(plan, "_site", "index.html")));
    }

    /// <summary>Every example sentence and 〇〇 of the empty plan replaced by the city's own words.</summary>
    private static void ReplaceSamples(string input)
    {
        foreach (var file in Directory.GetFiles(input, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md") || f.EndsWith(".csv")))
        {
            var text = File.ReadAllText(file);
            foreach (var (sentence, i) in ActionPlan.Input.SampleText.Sentences.Select((s, i) => (s, i)))
                text = text.Replace(sentence, $"市が書いた文その{i + 1}。".TrimEnd(sentence.EndsWith('。') ? ' ' : '。'));
            File.WriteAllText(file, text.Replace("〇〇市", "小郡市"), new System.Text.UTF8Encoding(true));
        }
    }

    /// <summary>The example sentences the loader knows are exactly those the empty plan ships with.</summary>
    [Fact]
    public void The_sample_sentences_the_loader_knows_are_the_empty_plans()
    {
        var folder = Path.Combine(Repo.Root, "src", "ActionPlan.Site", "Init", "empty", "input");
        var shipped = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)
            .SelectMany(l => l.Split(','))
            .Select(cell => cell.TrimStart('-', ' ').Trim())
            .Where(cell => cell.Contains("書きます", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shipped, ActionPlan.Input.SampleText.Sentences.Order(StringComparer.Ordinal));
        Assert.Contains(File.ReadAllLines(Path.Combine(folder, "plan.md")), l => l.Contains(ActionPlan.Input.SampleText.Mark, StringComparison.Ordinal));
    }

    [Fact]
    public void Init_never_writes_over_an_existing_input_folder()
    {
        using var dir = Repo.CopyOf();
        var before = Repo.Tree(dir["input"]);
        File.WriteAllText(dir["input/plan.md"], "自分の計画");
        before = Repo.Tree(dir["input"]);
        var run = Cli.Invoke("init", dir.Path, "--empty");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("上書きしない", run.Err);
        Assert.Empty(Repo.Differences(before, Repo.Tree(dir["input"])));
    }

    private static Process Start(string workingDirectory, string opener, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(typeof(ActionPlan.Site.Cli.App).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment[ActionPlan.Site.Cli.PreviewCommand.OpenVariable] = opener;
        return Process.Start(psi)!;
    }

    /// <summary>A double-click: no arguments, in the plan folder. The browser (here a script that records what it was asked to open) gets the preview's address.</summary>
    [Fact]
    public async Task No_arguments_in_a_plan_folder_starts_the_preview_and_opens_the_browser()
    {
        using var dir = Repo.CopyOf();
        var opened = dir["opened.txt"];
        var opener = dir["browser.sh"];
        File.WriteAllText(opener, $"#!/bin/sh\necho \"$1\" > '{opened}'\n");
        File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var process = Start(dir.Path, opener);
        var output = process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!File.Exists(opened) || new FileInfo(opened).Length == 0)
        {
            if (process.HasExited) Assert.Fail("the preview stopped: " + await process.StandardError.ReadToEndAsync());
            Assert.True(DateTime.UtcNow < deadline, "the browser was not opened within 90 s");
            await Task.Delay(200);
        }
        var url = File.ReadAllText(opened).Trim();
        Assert.StartsWith("http://127.0.0.1:", url);
        using (var http = new HttpClient())
        {
            var index = await http.GetStringAsync(url);
            Assert.Contains("小郡市行政経営行動計画", index);
            Assert.Contains("下書き", index);   // the preview is always a draft
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var text = await output;
        Assert.Contains("ブラウザでプレビューを開きました: " + url, text);
        Assert.Contains("Ctrl+C", text);
        Assert.True(File.Exists(dir["_site/index.html"]));
    }

    [Fact]
    public async Task No_arguments_outside_a_plan_folder_says_where_the_program_belongs()
    {
        using var dir = new Repo.TempDir();
        using var process = Start(dir.Path, "none");
        var err = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("input/plan.md", err);
        Assert.Contains("init", err);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    /// <summary>Where no browser can be opened (a server, 「none」), the address is printed instead.</summary>
    [Fact]
    public async Task Without_a_browser_the_address_is_printed()
    {
        using var dir = Repo.CopyOf();
        using var process = Start(dir.Path, "none");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("ブラウザで次のアドレスを開いてください", StringComparison.Ordinal))
            Assert.True(DateTime.UtcNow < deadline);
        Assert.NotNull(line);
        Assert.Matches(@"http://127\.0\.0\.1:\d+/$", line);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
