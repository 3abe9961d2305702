using System.Diagnostics;
using ActionPlan.Testing;

namespace ActionPlan.Browser.Tests;

/// <summary>The Nu HTML Checker (vnu-jar) and html-validate report zero errors on every page (tools/validate, offline).</summary>
public class ValidatorTests(SiteFixture site)
{
    internal static string Tool(string relative) => Path.Combine(Repo.Root, "tools", "validate", "node_modules", relative);

    internal static void Require(string path)
    {
        if (File.Exists(path)) return;
        var reason = $"{path} is missing: run `npm ci --prefix tools/validate` (.ci/run does)";
        if (Snapshot.IsCi) Assert.Fail(reason);
        Assert.Skip(reason);
    }

    internal static (int Code, string Output) Run(string file, IEnumerable<string> args, string workingDirectory)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private IEnumerable<string> Files() => site.Pages.Select(p => Path.Combine(site.SiteDir, p));

    [Fact]
    public void Nu_HTML_Checker_reports_no_error()
    {
        var jar = Tool("vnu-jar/build/dist/vnu.jar");
        Require(jar);
        var (code, output) = Run("java", ["-jar", jar, "--errors-only", .. Files()], site.SiteDir);
        Assert.True(code == 0 && output.Trim().Length == 0, output);
    }

    [Fact]
    public void Html_validate_reports_no_error()
    {
        var cli = Tool(".bin/html-validate");
        Require(cli);
        var (code, output) = Run(cli, ["--config", Path.Combine(Repo.Root, ".htmlvalidate.json"), .. Files()], site.SiteDir);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void The_validators_catch_broken_html()
    {
        var jar = Tool("vnu-jar/build/dist/vnu.jar");
        Require(jar);
        using var dir = new Repo.TempDir();
        File.WriteAllText(dir["bad.html"], "<!DOCTYPE html><html lang=\"ja\"><head><title>x</title></head><body><p><div></p></body></html>");
        var (code, _) = Run("java", ["-jar", jar, "--errors-only", dir["bad.html"]], dir.Path);
        Assert.NotEqual(0, code);
        var (hvCode, _) = Run(Tool(".bin/html-validate"), ["--config", Path.Combine(Repo.Root, ".htmlvalidate.json"), dir["bad.html"]], dir.Path);
        Assert.NotEqual(0, hvCode);
    }
}
