using ActionPlan.Rendering.Site;
using ActionPlan.Synth;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>On a large plan, a rebuild after changing one item rewrites only the files that show that item.</summary>
public class IncrementalTests
{
    private static List<string> Rewritten(string output, DateTime old) =>
        Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != old)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Changing_one_item_rewrites_only_its_pages()
    {
        using var dir = new Repo.TempDir();
        SyntheticPlan.Write(Repo.Input, dir["input"], 300, seed: 3);
        var output = dir["_site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        var total = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Count(f => Path.GetFileName(f) != ActionPlan.Site.Output.SiteWriter.ManifestName);
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        void Age() { foreach (var f in Directory.GetFiles(output, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, old); }
        Age();

        // 1. A wording change on item 42: only its page, the whole-plan JSON (so the catalogue's checksum of it) and the search index change.
        var csv = dir["input/items/042.csv"];
        var text = File.ReadAllText(csv);
        File.WriteAllText(csv, text.Replace("進行管理を行った。", "進行管理を適切に行った。"));
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["booklet.html", Slugs.Item(42), "opendata/catalog.jsonld", "opendata/plan.json", Slugs.SearchIndex], Rewritten(output, old));
        Assert.Contains($"更新5・変更なし{total - 5}", run.Out);

        // 2. A figure of item 42's latest year: its page, the lists that show its achievement, and the open data.
        Age();
        var plan = ActionPlan.Input.PlanLoader.Load(dir["input"]).Plan!;
        var item = plan.Items.Single(i => i.Number == 42);
        var lines = File.ReadAllLines(csv);
        var last = Array.FindLastIndex(lines, l => l.StartsWith("R8,実績,") && l.Contains(",※,"));
        var fields = System.Text.RegularExpressions.Regex.Split(lines[last], ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        // 年度,区分,内容,指標,目標値,実績値,単位,目標の種類,…: turning the target's kind round moves the achievement (a synthetic actual
        // is 0.5–1.3 × its target, so one of 以上/以下 scores below 100%) without making the figures implausible.
        fields[7] = fields[7] == "以上" ? "以下" : "以上";
        lines[last] = string.Join(",", fields);
        File.WriteAllLines(csv, lines, new System.Text.UTF8Encoding(true));
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);

        var policyPages = plan.Policies.Where(p => p.Code == item.PolicyCode || plan.Policies.Any(c => c.Code == item.PolicyCode && c.ParentCode == p.Code)).Select(p => Slugs.Policy(p.Code));
        var expected = new[] { "booklet.html", "index.html", Slugs.Item(42), "opendata/achievements.csv", "opendata/catalog.jsonld", "opendata/plan.json", Slugs.SearchIndex }
            .Concat(policyPages).Concat(item.Divisions.Select(plan.DivisionNamed).OfType<ActionPlan.Domain.Division>().Select(d => Slugs.Division(d.Slug))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Rewritten(output, old));
    }
}
