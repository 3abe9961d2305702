using System.Diagnostics;
using System.Security.Cryptography;
using ActionPlan.Site.Output;
using ActionPlan.Synth;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>Faults: a build killed mid-way, a full disk, a read-only or forbidden output folder.</summary>
public class FaultTests
{
    private static Dictionary<string, string> Tree(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>
    /// A build killed (SIGKILL: no cleanup) at each named point of its write — half-way through the staging folder,
    /// with the staging folder complete, between the two renames of the swap, right after the swap — leaves exactly
    /// the previous site or the new one once the next build's recovery has run, never a mix; and the next build then
    /// makes the new site with no leftovers. The points are the program's own (<see cref="CrashPoint"/>), so every
    /// kill lands where it says.
    /// </summary>
    [Theory]
    [InlineData(CrashPoint.MidStaging, false)]
    [InlineData(CrashPoint.BeforeSwap, false)]
    [InlineData(CrashPoint.BetweenRenames, false)]
    [InlineData(CrashPoint.AfterSwap, true)]
    public async Task A_build_killed_at_a_crash_point_leaves_the_previous_or_the_new_site_never_a_mix(string point, bool newSiteInPlace)
    {
        using var dir = new Repo.TempDir();
        var output = dir["_site"];
        const string baseUrl = "https://example.city.jp/actionplan";   // the new site differs from the previous one on every page
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--quiet").ExitCode);
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", dir["expected-v2"], "--base-url", baseUrl, "--quiet").ExitCode);
        var v1 = Tree(output);
        var v2 = Tree(dir["expected-v2"]);
        Assert.False(Same(v1, v2));

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { typeof(ActionPlan.Site.Cli.App).Assembly.Location, "build", "--input", Repo.Input, "--output", output, "--base-url", baseUrl, "--quiet" })
            psi.ArgumentList.Add(a);
        psi.Environment[CrashPoint.Variable] = point;
        using (var process = Process.Start(psi)!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 137, $"{point}: the build was not killed there (exit {process.ExitCode}): {await stderr}");
        }
        Assert.Equal(point == CrashPoint.BetweenRenames, !Directory.Exists(output));   // the one moment the output folder is missing

        SiteWriter.Recover(output);   // what the next build does first
        Assert.True(Same(Tree(output), newSiteInPlace ? v2 : v1), $"{point}: the output is not the {(newSiteInPlace ? "new" : "previous")} site");
        Assert.DoesNotContain(Directory.GetDirectories(dir.Path), d => Path.GetFileName(d).StartsWith("_site.", StringComparison.Ordinal));

        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--base-url", baseUrl, "--quiet").ExitCode);
        Assert.True(Same(Tree(output), v2));
        Assert.DoesNotContain(Directory.GetDirectories(dir.Path), d => Path.GetFileName(d).StartsWith("_site.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_reported_with_exit_3()
    {
        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", "/sys/actionplan-site-test", "--theme", Repo.Theme);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("出力先「/sys/actionplan-site-test」", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_reported_with_exit_3()
    {
        using var dir = new Repo.TempDir();
        File.WriteAllText(dir["site"], "not a folder");
        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", dir["site"], "--theme", Repo.Theme);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("フォルダではなくファイルです", run.Err);
    }

    [Theory]
    [InlineData(28, "No space left on device", "ディスクの空きが足りず")]
    [InlineData(30, "Read-only file system", "読み取り専用です")]
    [InlineData(5, "Input/output error", "書き込めませんでした")]
    public void Write_failures_are_described_in_Japanese(int errno, string message, string expected)
    {
        var ex = new IOException(message, errno);
        Assert.Contains(expected, SiteWriter.Describe(ex, "_site"));
        Assert.Contains("以前のサイトはそのまま残っています", SiteWriter.Describe(ex, "_site"));
        Assert.Contains("権限がありません", SiteWriter.Describe(new UnauthorizedAccessException(), "_site"));
    }

    private static bool TryMount(string path, string options)
    {
        Directory.CreateDirectory(path);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]) { RedirectStandardError = true })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private static void Unmount(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("umount", [path]) { RedirectStandardError = true })!;
        p.WaitForExit();
    }

    [Fact]
    public void A_full_disk_and_a_read_only_disk_are_reported_and_the_previous_site_is_kept()
    {
        using var dir = new Repo.TempDir();
        var small = dir["small"];
        if (!TryMount(small, "size=160k"))
        {
            // The promise (a full disk keeps the previous site) is only shown with a real full disk: CI must be able to make one.
            const string reason = "mounting a small tmpfs needs root (CAP_SYS_ADMIN); the message mapping is covered by Write_failures_are_described_in_Japanese";
            if (Snapshot.IsCi) Assert.Fail("CI must run the full-disk test: " + reason);
            Assert.Skip(reason);
            return;
        }
        try
        {
            // A previous site that fits, then a build that does not: the disk fills while writing the new one.
            var output = Path.Combine(small, "_site");
            SiteWriter.Write([new ActionPlan.Rendering.OutputFile("index.html", "old"u8.ToArray())], output);
            var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("ディスクの空きが足りず", run.Err);
            Assert.Equal("old", File.ReadAllText(Path.Combine(output, "index.html")));
            Assert.Equal([output], Directory.GetDirectories(small));
        }
        finally { Unmount(small); }

        var readOnly = dir["ro"];
        Assert.True(TryMount(readOnly, "ro,size=1m"));
        try
        {
            var run = Cli.Invoke("build", "--input", Repo.Input, "--output", Path.Combine(readOnly, "_site"), "--theme", Repo.Theme);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("読み取り専用です", run.Err);
        }
        finally { Unmount(readOnly); }
    }
}
