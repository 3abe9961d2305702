using ActionPlan.Site.Serve;
using ActionPlan.Testing;

namespace ActionPlan.Browser.Tests;

/// <summary>serve in a real browser: a saved edit reloads the open page; a broken edit shows the located error above the last good page.</summary>
public class LiveReloadTests(SiteFixture site)
{
    [Fact]
    public async Task The_open_page_reloads_after_an_edit_and_shows_a_broken_edit_as_an_error()
    {
        var browser = site.RequireBrowser();
        using var dir = Repo.CopyOf();
        await using var serve = await ServeSession.StartAsync(dir["input"], dir["_site"], Repo.Theme, null, 0, Path.Combine(Repo.Root, "netlify.toml"), TextWriter.Null);
        Assert.NotNull(serve);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(serve!.Server.Address, "items/05.html").ToString());
        var meter = page.Locator(".ap-summary-list .ap-meter__value");
        Assert.Equal("70%", await meter.InnerTextAsync());

        var csv = dir["input/items/05.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("8億円,5.59億円", "8億円,6億円"));
        await page.WaitForFunctionAsync("() => document.querySelector('.ap-summary-list .ap-meter__value').textContent.trim() === '75%'", null, new() { Timeout = 20_000 });

        File.WriteAllText(csv, File.ReadAllText(csv).Replace("8億円,6億円", "8億円,abc"));
        var banner = page.Locator("#ap-build-errors");
        await banner.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("items/05.csv:3 [実績値]", await banner.InnerTextAsync());
        Assert.Equal("alert", await banner.GetAttributeAsync("role"));
        Assert.Equal("75%", await meter.InnerTextAsync());   // the last good page stays
        await context.CloseAsync();
    }
}
