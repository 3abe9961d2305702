using System.Diagnostics;
using ActionPlan.Testing;

[assembly: AssemblyFixture(typeof(ActionPlan.Site.Tests.StandaloneProgramTests.Published))]

namespace ActionPlan.Site.Tests;

/// <summary>
/// The standalone program as a staffer gets it: `tools/publish.sh` makes it; copied alone beside a copy of input/
/// into an empty folder, with no `dotnet` on the PATH and a home folder it has never run in, it builds the same site
/// byte for byte as the repository build, without compiling a template or unpacking anything; an edited theme given with --theme still
/// compiles; `init --empty` and `build` work from it. The Windows program is published too — by the same single
/// run of `tools/publish.sh linux-x64 win-x64`, once per suite (<see cref="Published"/>).
/// </summary>
public class StandaloneProgramTests(StandaloneProgramTests.Published published)
{
    /// <summary>
    /// tools/publish.sh for both runtimes, run once per suite. It is an assembly fixture started with the suite, in the
    /// background: most of its time is restoring runtime packs and compiling ahead of time, which overlaps the other
    /// tests instead of adding to them; the tests here wait for it.
    /// </summary>
    public sealed class Published : IAsyncLifetime
    {
        private Task<(int ExitCode, string Output)>? _run;
        public string Output { get; private set; } = "";
        public int ExitCode { get; private set; } = -1;

        public ValueTask InitializeAsync()
        {
            _run = Task.Run(Run);
            return ValueTask.CompletedTask;
        }

        public async Task WaitAsync() => (ExitCode, Output) = await _run!;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static (int, string) Run()
        {
            var psi = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "tools", "publish.sh"), "linux-x64", "win-x64"])
                { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.Environment.Remove("ACTIONPLAN_TEMPLATE_CACHE");   // the script gives its own
            psi.Environment["ACTIONPLAN_READY_TO_RUN"] = "false";  // the same program without ahead-of-time code: minutes less (bench/startup.sh measures the shipped one)
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            var code = p.WaitForExit(TimeSpan.FromMinutes(40)) ? p.ExitCode : -1;
            return (code, output + "\n" + err.GetAwaiter().GetResult());
        }
    }

    private async Task PublishAsync()
    {
        await published.WaitAsync();
        Assert.True(published.ExitCode == 0, "tools/publish.sh linux-x64 win-x64 failed:\n" + published.Output);
    }

    private sealed record Run(int ExitCode, string Out, string Err);

    /// <summary>Runs the program with nothing from this machine's environment but an empty PATH and the given HOME.</summary>
    private static Run Program(string program, string workingDirectory, string home, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        psi.Environment["PATH"] = "";
        psi.Environment["HOME"] = home;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new Run(p.ExitCode, output, err.GetAwaiter().GetResult());
    }

    [Fact]
    public async Task The_linux_program_alone_builds_the_same_site_with_no_sdk_and_no_template_compile()
    {
        await PublishAsync();
        using var dir = new Repo.TempDir();
        var folder = dir["plan"];
        Directory.CreateDirectory(folder);
        var program = Path.Combine(folder, "ActionPlan.Site");
        File.Copy(Path.Combine(Repo.Root, "dist", "linux-x64", "ActionPlan.Site"), program);
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Repo.Copy(Repo.Input, Path.Combine(folder, "input"));
        var home = dir["home"];
        Directory.CreateDirectory(home);

        var run = Program(program, folder, home, "build", "--verbose");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("テンプレートのコンパイル 0件", run.Out);
        Assert.Contains("エラー0件・公開不可0件・警告0件", run.Out);
        Assert.Empty(Directory.GetFileSystemEntries(home));   // runs from inside its file: nothing unpacked into the home folder

        // Every template of the theme ships compiled, also those the shipped plan does not use (the preview's draft
        // banner, years at a glance, redirects): a draft build, as the preview makes, compiles none either.
        Assert.Equal(Directory.GetFiles(Repo.Theme, "*.cshtml", SearchOption.AllDirectories).Length,
            Directory.GetFiles(Path.Combine(Repo.Root, "obj", "compiled-templates"), "*.dll").Length);
        var draft = Program(program, folder, home, "build", "--draft", "--output", "_draft", "--verbose");
        Assert.True(draft.ExitCode == 0, draft.Out + draft.Err);
        Assert.Contains("テンプレートのコンパイル 0件", draft.Out);
        Assert.Contains("ap-draft-banner", File.ReadAllText(Path.Combine(folder, "_draft", "index.html")));

        var repo = Cli.Invoke("build", "--input", Repo.Input, "--output", dir["repo-site"], "--quiet");
        Assert.True(repo.ExitCode == 0, repo.Err);
        Assert.Empty(Repo.Differences(Repo.Tree(dir["repo-site"]), Repo.Tree(Path.Combine(folder, "_site"))));

        // An edited theme is compiled by the program itself, against the metadata of the libraries it has loaded.
        var theme = Path.Combine(folder, "mytheme");
        Repo.Copy(Repo.Theme, theme);
        var footer = Directory.GetFiles(theme, "_Footer.cshtml", SearchOption.AllDirectories).Single();
        File.WriteAllText(footer, File.ReadAllText(footer).Replace("</footer>", "<p>テーマを編集しました</p></footer>"));
        var edited = Program(program, folder, home, "build", "--theme", "mytheme", "--output", "_site2", "--verbose");
        Assert.True(edited.ExitCode == 0, edited.Out + edited.Err);
        Assert.Contains("テンプレートのコンパイル 1件", edited.Out);
        Assert.Contains("テーマを編集しました", File.ReadAllText(Path.Combine(folder, "_site2", "index.html")));
        // ...and its compiled templates are kept in the user's private cache, and nowhere else (not the temp folder, not the plan folder).
        var cache = Path.Combine(home, ".cache", "actionplan-site", "templates");
        Assert.Equal([Path.Combine(home, ".cache")], Directory.GetFileSystemEntries(home));
        Assert.Single(Directory.GetFiles(cache), f => Path.GetFileName(f).StartsWith("components_footer__Footer.cshtml.", StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cache));

        // init --empty from the program alone, then build there.
        var init = Program(program, folder, home, "init", "新しい計画", "--empty");
        Assert.True(init.ExitCode == 0, init.Out + init.Err);
        var built = Program(program, Path.Combine(folder, "新しい計画"), home, "build", "--draft");   // its example text is previewed, never published
        Assert.True(built.ExitCode == 0, built.Out + built.Err);
        Assert.True(File.Exists(Path.Combine(folder, "新しい計画", "_site", "index.html")));
    }

    [Fact]
    public async Task The_windows_program_is_published_with_its_preview_file()
    {
        await PublishAsync();
        var exe = Path.Combine(Repo.Root, "dist", "win-x64", "ActionPlan.Site.exe");
        using (var file = File.OpenRead(exe))
        {
            Assert.True(file.Length > 50_000_000, "a self-contained program carries the runtime");
            Assert.Equal((byte)'M', (byte)file.ReadByte());
            Assert.Equal((byte)'Z', (byte)file.ReadByte());
        }
        // The runtime's native libraries are inside the program too: a staffer copies one file (and the preview file).
        Assert.Equal(["ActionPlan.Site.exe", "preview.cmd"], Directory.GetFiles(Path.Combine(Repo.Root, "dist", "win-x64")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var cmd = File.ReadAllText(Path.Combine(Repo.Root, "dist", "win-x64", "preview.cmd"));
        Assert.Contains("\"%~dp0ActionPlan.Site.exe\"", cmd);
        Assert.DoesNotContain("\n", cmd.Replace("\r\n", ""));   // CRLF line ends, as cmd.exe expects
    }
}
