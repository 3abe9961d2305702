using System.Text;
using ActionPlan.Site.Output;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// The output folder is the tool's, or it is not touched: `build --output` pointed at the input, its parent, a repository
/// root, a home folder or a folder of someone else's files refuses with exit 2 and leaves every file there as it was.
/// </summary>
public class OutputFolderTests
{
    private static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    private static void AssertIntact(Dictionary<string, byte[]> before, string root)
    {
        var after = Snapshot(root);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
    }

    private static void AssertRefused(Cli.Run run, string folderShown)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"出力先「{folderShown}」", run.Err);
        Assert.Contains("何も変更していません", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void The_input_folder_is_refused_and_kept()
    {
        using var dir = Repo.CopyOf();
        var before = Snapshot(dir.Path);
        AssertRefused(Cli.Invoke("build", "--input", dir["input"], "--output", dir["input"], "--theme", Repo.Theme), dir["input"]);
        AssertIntact(before, dir.Path);
    }

    [Fact]
    public void A_folder_inside_the_input_is_refused() 
    {
        using var dir = Repo.CopyOf();
        var before = Snapshot(dir.Path);
        AssertRefused(Cli.Invoke("build", "--input", dir["input"], "--output", dir["input/items"], "--theme", Repo.Theme), dir["input/items"]);
        AssertIntact(before, dir.Path);
    }

    [Fact]
    public void The_folder_above_the_input_is_refused_and_kept()
    {
        using var dir = Repo.CopyOf();
        File.WriteAllText(dir["市の資料.pdf"], "%PDF-1.7 city's own file");
        var before = Snapshot(dir.Path);
        AssertRefused(Cli.Invoke("build", "--input", dir["input"], "--output", dir.Path, "--theme", Repo.Theme), dir.Path);
        AssertIntact(before, dir.Path);
    }

    [Fact]
    public void A_repository_root_is_refused_and_kept()
    {
        using var dir = new Repo.TempDir();
        var repo = dir["repo"];
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        File.WriteAllText(Path.Combine(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(repo, "ActionPlan.Site.sln"), "\n");
        File.WriteAllText(Path.Combine(repo, "README.md"), "# readme\n");
        var before = Snapshot(dir.Path);
        AssertRefused(Cli.Invoke("build", "--input", Repo.Input, "--output", repo, "--theme", Repo.Theme), repo);
        Assert.Contains(".git", Cli.Invoke("build", "--input", Repo.Input, "--output", repo, "--theme", Repo.Theme).Err);
        AssertIntact(before, dir.Path);
    }

    [Fact]
    public void The_real_repository_root_is_refused()
    {
        var before = Directory.GetFiles(Repo.Root).ToDictionary(f => f, File.ReadAllBytes);
        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", Repo.Root, "--theme", Repo.Theme);
        AssertRefused(run, Repo.Root);
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(file)), file);
    }

    [Fact]
    public void A_folder_of_someone_elses_files_is_refused_and_kept()
    {
        using var dir = new Repo.TempDir();
        var homepage = dir["homepage"];
        Directory.CreateDirectory(Path.Combine(homepage, "kurashi"));
        File.WriteAllText(Path.Combine(homepage, "index.html"), "<p>市のトップページ</p>");
        File.WriteAllBytes(Path.Combine(homepage, "kurashi", "gyokaku.pdf"), [0x25, 0x50, 0x44, 0x46]);
        var before = Snapshot(dir.Path);
        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", homepage, "--theme", Repo.Theme);
        AssertRefused(run, homepage);
        Assert.Contains("index.html", run.Err);
        AssertIntact(before, dir.Path);
    }

    [Fact]
    public void The_theme_folder_and_the_filesystem_root_are_refused()
    {
        using var dir = new Repo.TempDir();
        var theme = dir["theme"];
        Repo.Copy(Repo.Theme, theme);
        var before = Snapshot(dir.Path);
        AssertRefused(Cli.Invoke("build", "--input", Repo.Input, "--output", theme, "--theme", theme), theme);
        AssertIntact(before, dir.Path);
        Assert.Equal(2, Cli.Invoke("build", "--input", Repo.Input, "--output", "/", "--theme", Repo.Theme).ExitCode);
        Assert.Contains("最上位", OutputGuard.Refusal("/", Repo.Input, null));
    }

    [Fact]
    public void The_home_folder_and_a_folder_holding_it_are_refused()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.False(string.IsNullOrEmpty(home));
        Assert.Contains("ホームフォルダ", OutputGuard.Refusal(home, Repo.Input, null));
        if (Path.GetDirectoryName(home) is { } parent && Path.GetPathRoot(parent) != parent)
            Assert.Contains("ホームフォルダ", OutputGuard.Refusal(parent, Repo.Input, null));
    }

    [Fact]
    public void An_absent_or_empty_folder_is_taken_and_marked_with_a_manifest()
    {
        using var dir = new Repo.TempDir();
        Directory.CreateDirectory(dir["empty"]);
        foreach (var target in new[] { dir["empty"], dir["absent/site"] })
        {
            Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", target, "--theme", Repo.Theme, "--quiet").ExitCode);
            var manifest = SiteWriter.ReadManifest(target);
            Assert.Contains("index.html", manifest);
            Assert.Contains("items/05.html", manifest);
            Assert.Null(OutputGuard.Refusal(target, Repo.Input, Repo.Theme));
        }
    }

    [Fact]
    public void Foreign_files_in_the_tools_folder_are_kept_and_named_never_deleted()
    {
        using var dir = new Repo.TempDir();
        var output = dir["_site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        Directory.CreateDirectory(Path.Combine(output, "pdf"));
        File.WriteAllText(Path.Combine(output, "pdf", "plan.pdf"), "%PDF city booklet");
        File.WriteAllText(Path.Combine(output, "googleabc.html"), "google-site-verification");

        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("%PDF city booklet", File.ReadAllText(Path.Combine(output, "pdf", "plan.pdf")));
        Assert.Equal("google-site-verification", File.ReadAllText(Path.Combine(output, "googleabc.html")));
        Assert.Contains("「pdf/plan.pdf」はこのツールが作ったファイルではないため、消さずにそのまま残しました", run.Err);
        Assert.DoesNotContain("pdf/plan.pdf", SiteWriter.ReadManifest(output));
    }

    [Fact]
    public void A_foreign_file_where_the_site_writes_stops_the_build_and_is_kept()
    {
        using var dir = new Repo.TempDir();
        var output = dir["_site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        // A staffer's own page saved over one the site writes, and taken out of the tool's list (as a copy from elsewhere would be).
        var manifest = Path.Combine(output, SiteWriter.ManifestName);
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Where(l => l != "items/05.html"));
        File.WriteAllText(Path.Combine(output, "items", "05.html"), "<p>手で作ったページ</p>");
        var before = Snapshot(output);

        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("「items/05.html」は、このツールが作ったファイルではありません", run.Err);
        AssertIntact(before, output);
    }

    [Fact]
    public void A_site_from_before_the_manifest_is_not_emptied_but_explained()
    {
        using var dir = new Repo.TempDir();
        var output = dir["_site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        File.Delete(Path.Combine(output, SiteWriter.ManifestName));
        File.WriteAllText(Path.Combine(output, "市の資料.pdf"), "%PDF");
        var before = Snapshot(output);
        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme);
        AssertRefused(run, output);
        Assert.Contains("以前のバージョン", run.Err);
        AssertIntact(before, output);
    }

    [Fact]
    public void Serve_refuses_the_same_folders()
    {
        using var dir = Repo.CopyOf();
        var before = Snapshot(dir.Path);
        var run = Cli.Invoke("serve", "--input", dir["input"], "--output", dir["input"], "--theme", Repo.Theme, "--port", "0");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"出力先「{dir["input"]}」は入力フォルダ", run.Out + run.Err);
        AssertIntact(before, dir.Path);
    }
}
