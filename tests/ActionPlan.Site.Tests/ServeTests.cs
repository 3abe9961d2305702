using System.Net;
using ActionPlan.Site.Serve;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>serve: a free port, an edit rebuilds the served page, a broken edit keeps the last good page.</summary>
public class ServeTests
{
    private static async Task WaitFor(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("timed out waiting for " + what);
    }

    [Fact]
    public async Task An_edit_is_served_and_a_broken_edit_keeps_the_last_good_page()
    {
        using var dir = Repo.CopyOf();
        var log = new StringWriter();
        await using var serve = await ServeSession.StartAsync(dir["input"], dir["_site"], Repo.Theme, null, 0, Path.Combine(Repo.Root, "netlify.toml"), TextWriter.Synchronized(log));
        Assert.NotNull(serve);
        using var http = new HttpClient { BaseAddress = serve!.Server.Address };
        var page = await http.GetStringAsync("items/05.html");
        Assert.Contains("<span class=\"ap-meter__value\">70%</span>", page);
        Assert.Contains("/__actionplan/reload.js", page);
        var response = await http.GetAsync("items/05.html");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());

        var csv = dir["input/items/05.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("8億円,5.59億円", "8億円,6億円"));
        await WaitFor(async () => (await http.GetStringAsync("items/05.html")).Contains("<span class=\"ap-meter__value\">75%</span>"), "the edited page");
        // only the pages that show No.5's figure were rendered again: its page, the index, its two policy pages, its division, the booklet
        await WaitFor(() => Task.FromResult(serve.Session.LastRender.Rendered + serve.Session.LastRender.Reused > 33), "the rebuild counts");
        Assert.Equal((6, 34), serve.Session.LastRender);

        File.WriteAllText(csv, File.ReadAllText(csv).Replace("8億円,6億円", "8億円,abc"));
        await WaitFor(async () => (await http.GetStringAsync("__actionplan/status")).Contains("value-unparseable"), "the error status");
        var kept = await http.GetStringAsync("items/05.html");
        Assert.Contains("<span class=\"ap-meter__value\">75%</span>", kept);
        Assert.Contains("items/05.csv:3 [実績値] エラー", log.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("no-such-page.html")).StatusCode);
    }
}

public class ServeLoopTests
{
    [Fact]
    public async Task A_burst_of_saves_is_one_rebuild_and_rebuilds_never_overlap()
    {
        using var dir = Repo.CopyOf();
        await using var serve = await ServeSession.StartAsync(dir["input"], dir["_site"], Repo.Theme, null, 0, null, TextWriter.Null);
        Assert.NotNull(serve);
        var csv = dir["input/items/05.csv"];
        var text = File.ReadAllText(csv);
        for (var i = 0; i < 20; i++) File.WriteAllText(csv, text + new string('\n', i % 2 + 1));   // an editor saving in pieces
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (serve!.Version < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(500);   // let any further (wrong) rebuilds show up
        Assert.InRange(serve.Version, 2, 3);   // one rebuild for the burst (two if the watcher split it), never twenty

        // Direct calls queue behind each other instead of building at the same time into the same folder.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => serve.RebuildAsync()));
        Assert.True(File.Exists(Path.Combine(dir["_site"], "index.html")));
        Assert.DoesNotContain(Directory.GetDirectories(dir.Path), d => Path.GetFileName(d).StartsWith("_site.tmp-", StringComparison.Ordinal));
    }
}
