using System.Globalization;
using System.Diagnostics;
using System.Text;
using ActionPlan.Rendering.Site;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>Output that must not depend on the machine: culture, era boundaries, table markup from the syntax tree.</summary>
public class CorrectnessTests
{
    [Theory]
    [InlineData(2019, 4, "平成31年4月（2019年4月）")]
    [InlineData(2019, 5, "令和元年5月（2019年5月）")]
    [InlineData(2019, 1, "平成31年1月（2019年1月）")]
    [InlineData(2020, 1, "令和2年1月（2020年1月）")]
    [InlineData(2024, 2, "令和6年2月（2024年2月）")]
    [InlineData(1989, 2, "平成元年2月（1989年2月）")]
    [InlineData(2018, 12, "平成30年12月（2018年12月）")]
    public void Months_use_the_era_of_that_month(int year, int month, string expected) => Assert.Equal(expected, Wareki.Month(year, month, ActionPlan.Site.Pipeline.DefaultTheme.Files.Words));

    [Fact]
    public void Every_header_cell_gets_scope_whatever_its_alignment_and_alignment_is_a_class()
    {
        var html = ProseMarkdown.ToHtml("| 年 | 計画 | 備考 |\n|:---|:---:|---:|\n| 2022 | 策定 | a |\n");
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(html, "<th [^>]*scope=\"col\"").Count);
        Assert.Contains("<th class=\"ap-align-left\" scope=\"col\">年</th>", html);
        Assert.Contains("<th class=\"ap-align-center\" scope=\"col\">計画</th>", html);
        Assert.Contains("<td class=\"ap-align-right\">a</td>", html);
        Assert.DoesNotContain("style=", html);
        Assert.Contains("<div class=\"ap-table-scroll\"><table class=\"ap-table\">", html);
    }

    /// <summary>
    /// The build in this process under another culture (CultureInfo.CurrentCulture flows into every task the build
    /// starts, and no other test sees it). <paramref name="culture"/> null: the invariant culture (what LANG=C gives).
    /// </summary>
    private static Dictionary<string, byte[]> BuildUnder(string? culture, string input)
    {
        using var output = new Repo.TempDir();
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture is null ? CultureInfo.InvariantCulture : new CultureInfo(culture);
        try
        {
            var run = Cli.Invoke("build", "--input", input, "--output", output["_site"], "--quiet");
            Assert.True(run.ExitCode == 0, $"{culture}: {run.Err}");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (saved, savedUi);
        }
        return Tree(output["_site"]);
    }

    private static Dictionary<string, byte[]> Tree(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    /// <summary>The built program in a child process whose locale variables say <paramref name="culture"/> (.NET takes its culture from them).</summary>
    private static Dictionary<string, byte[]> BuildWithLocale(string culture, string input)
    {
        using var output = new Repo.TempDir();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { typeof(ActionPlan.Site.Cli.App).Assembly.Location, "build", "--input", input, "--output", output["_site"], "--quiet" })
            psi.ArgumentList.Add(a);
        psi.Environment["LANG"] = culture;
        psi.Environment["LC_ALL"] = culture;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{culture}: {err}");
        return Tree(output["_site"]);
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_under_the_invariant_culture_de_DE_and_fr_FR_also_for_a_six_year_plan()
    {
        using var sixYears = Repo.CopyOf();
        var plan = sixYears["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("終了年度: R8", "終了年度: R9"), new UTF8Encoding(false));
        foreach (var input in new[] { Repo.Input, sixYears["input"] })
        {
            var c = BuildUnder(null, input);
            foreach (var culture in new[] { "de-DE", "fr-FR" })
            {
                var other = BuildUnder(culture, input);
                Assert.Equal(c.Keys.Order(), other.Keys.Order());
                foreach (var (path, bytes) in c) Assert.True(bytes.AsSpan().SequenceEqual(other[path]), $"{path} differs under {culture} ({input})");
            }
        }
        // The six-year chart has a coordinate with a fraction: it must be written with a point.
        Assert.Contains("x=\"164.8\"", Encoding.UTF8.GetString(BuildUnder("de-DE", sixYears["input"])["items/05.html"]));

        // Once as a staffer's machine sets it: the program started with LANG/LC_ALL=de_DE.UTF-8 (one process per suite).
        var fromLocale = BuildWithLocale("de_DE.UTF-8", sixYears["input"]);
        var invariant = BuildUnder(null, sixYears["input"]);
        foreach (var (path, bytes) in invariant) Assert.True(bytes.AsSpan().SequenceEqual(fromLocale[path]), $"{path} differs under LANG=de_DE.UTF-8");
    }
}
