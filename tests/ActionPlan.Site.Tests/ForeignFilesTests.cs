using System.Security.Cryptography;
using System.Text;
using ActionPlan.Rendering.Theme;
using ActionPlan.Site.Pipeline;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// Nothing another account can write reaches a site. On a shared machine, /tmp and any folder another account owns or
/// may write are that account's to plant files in: templates, stylesheets, compiled templates (code that runs). The
/// default theme is read from the program; compiled templates only from the program or the user's private cache.
/// </summary>
public class ForeignFilesTests
{
    private const string Marker = "PLANTED-BY-ANOTHER-ACCOUNT";
    private const string Footer = "components/footer/_Footer.cshtml";

    /// <summary>The footer, compiled with the marker in it, under the name the real footer's compiled template has.</summary>
    private static async Task<(string Name, byte[] Bytes)> PlantedFooterAsync(Repo.TempDir dir)
    {
        Repo.Copy(Repo.Theme, dir["evil-theme"]);
        var footer = Path.Combine(dir["evil-theme"], Footer);
        File.WriteAllText(footer, File.ReadAllText(footer).Replace("</footer>", $"<p>{Marker}</p></footer>"));
        var evil = ThemeFiles.FromFolder(dir["evil-theme"]);
        var cache = new TemplateCache(evil, dir["evil-cache"]);
        await new ThemeRenderer(evil, cache).CompileAllAsync(p => p == Footer);
        var bytes = File.ReadAllBytes(Path.Combine(dir["evil-cache"], cache.FileName(Footer)));
        return (new TemplateCache(DefaultTheme.Files, null).FileName(Footer), bytes);
    }

    private static async Task<(string Index, BuildResult Result)> BuildAsync(Repo.TempDir dir, string output, string? cache)
    {
        var result = await new BuildSession(Repo.Input, dir[output], theme: null, baseUrl: null, templateCache: cache).BuildAsync();
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return (File.ReadAllText(Path.Combine(dir[output], "index.html")), result);
    }

    private static string PrivateDir(Repo.TempDir dir, string name)
    {
        Directory.CreateDirectory(dir[name], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return dir[name];
    }

    [Fact]
    public async Task A_compiled_template_another_account_could_write_is_never_loaded()
    {
        OtherAccount.Require();
        using var dir = new Repo.TempDir();
        var (name, planted) = await PlantedFooterAsync(dir);

        // The control: in the user's own private cache, the planted template would run — so the checks below can fail.
        var own = PrivateDir(dir, "own-cache");
        File.WriteAllBytes(Path.Combine(own, name), planted);
        var (index, _) = await BuildAsync(dir, "site-own", own);
        Assert.Contains(Marker, index);

        // A cache folder that belongs to another account: not used at all, and the staffer is told why.
        var theirs = dir["their-cache"];
        Directory.CreateDirectory(theirs);
        File.WriteAllBytes(Path.Combine(theirs, name), planted);
        OtherAccount.Own(theirs);
        (index, var result) = await BuildAsync(dir, "site-theirs", theirs);
        Assert.DoesNotContain(Marker, index);
        Assert.Contains(result.Notices ?? [], n => n.Contains("ほかのアカウント", StringComparison.Ordinal) && n.Contains(theirs, StringComparison.Ordinal));

        // The user's own folder, but the planted file belongs to another account: that file is not loaded (the rest of the cache is).
        File.Delete(Path.Combine(own, name));
        File.WriteAllBytes(Path.Combine(own, name), planted);
        OtherAccount.Own(Path.Combine(own, name));
        (index, result) = await BuildAsync(dir, "site-file", own);
        Assert.DoesNotContain(Marker, index);
        Assert.Equal(1, result.TemplatesCompiled);   // only the footer: everything else came from the cache
    }

    [Fact]
    public async Task A_theme_planted_in_the_shared_temp_folder_where_earlier_versions_unpacked_theirs_is_not_used()
    {
        OtherAccount.Require();
        // Where versions up to 1.2 unpacked the default theme: <temp>/actionplan-site/theme-<first 16 hex of the SHA-256 of the theme's files>.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in DefaultTheme.Files.Paths)
        {
            var bytes = DefaultTheme.Files.Bytes(relative)!;
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n" + bytes.Length + "\n"));
            sha.AppendData(bytes);
        }
        var root = Path.Combine("/tmp", "actionplan-site");
        var folder = Path.Combine(root, "theme-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16]);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        try
        {
            using var dir = new Repo.TempDir();
            var theme = dir["theme"];
            Repo.Copy(Repo.Theme, theme);
            var footer = Path.Combine(theme, Footer);
            File.WriteAllText(footer, File.ReadAllText(footer).Replace("</footer>", $"<p>{Marker}</p></footer>"));
            File.AppendAllText(Path.Combine(theme, "assets", "base.css"), $"\n/* {Marker} */\n");
            OtherAccount.Own(dir.Path);
            OtherAccount.Run($"mkdir -p '{root}' && cp -r '{theme}' '{folder}' && chmod -R a+rX '{root}'");

            var (index, result) = await BuildAsync(dir, "site", cache: null);
            Assert.DoesNotContain(Marker, index);
            Assert.DoesNotContain(Marker, File.ReadAllText(Path.Combine(dir["site"], "assets", "site.css")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_folder_or_file_others_can_write_or_that_is_a_link_is_not_trusted()
    {
        OtherAccount.Require();
        using var dir = new Repo.TempDir();
        var own = PrivateDir(dir, "own");
        Assert.Null(PrivateFolder.Untrusted(own, directory: true));
        Assert.Null(PrivateFolder.Prepare(dir["new/cache"]));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir["new/cache"]));

        var open = PrivateDir(dir, "open");
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111);
        Assert.Contains("ほかのアカウントも書き込めます", PrivateFolder.Untrusted(open, directory: true));
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_101);
        Assert.Contains("ほかのアカウントも書き込めます", PrivateFolder.Untrusted(open, directory: true));

        var file = Path.Combine(own, "x.dll");
        File.WriteAllBytes(file, [1]);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Null(PrivateFolder.Untrusted(file, directory: false));
        OtherAccount.Own(file);
        Assert.Contains("ほかのアカウント", PrivateFolder.Untrusted(file, directory: false));

        var link = Path.Combine(dir.Path, "link");
        Directory.CreateSymbolicLink(link, own);
        Assert.Contains("シンボリックリンク", PrivateFolder.Untrusted(link, directory: true));
        Assert.NotNull(PrivateFolder.Untrusted(dir["missing"], directory: true));
    }
}

/// <summary>build, check and serve, run as a staffer runs them, leave nothing in the temp folder (TMPDIR: a fresh folder of the test's).</summary>
public class TempFolderTests
{
    private static System.Diagnostics.ProcessStartInfo Program(string temp, string workingDirectory, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(ActionPlan.Site.Cli.App).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["TMPDIR"] = temp;
        return psi;
    }

    [Fact]
    public async Task Build_check_and_serve_leave_nothing_in_the_temp_folder()
    {
        using var dir = Repo.CopyOf();
        var temp = dir["tmp"];
        Directory.CreateDirectory(temp);
        foreach (var args in new[] { new[] { "build", "--quiet" }, ["check"], ["build", "--draft", "--output", "_draft", "--quiet"] })
        {
            using var p = System.Diagnostics.Process.Start(Program(temp, dir.Path, args))!;
            var err = p.StandardError.ReadToEndAsync();
            await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0, string.Join(" ", args) + ": " + await err);
        }
        using (var serve = System.Diagnostics.Process.Start(Program(temp, dir.Path, "serve", "--port", "0"))!)
        {
            try
            {
                var deadline = DateTime.UtcNow.AddMinutes(2);
                string? line;
                while ((line = await serve.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("プレビュー: ", StringComparison.Ordinal))
                    Assert.True(DateTime.UtcNow < deadline, "the preview did not start");
                Assert.NotNull(line);
                using (var http = new HttpClient())
                    Assert.Contains("<html", await http.GetStringAsync(line!["プレビュー: ".Length..].Split(' ')[0]));
                using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
                await serve.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            finally
            {
                if (!serve.HasExited) serve.Kill(entireProcessTree: true);
            }
        }
        Assert.Empty(Directory.GetFileSystemEntries(temp));
    }
}
