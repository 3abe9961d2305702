using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionPlan.Browser.Tests;

/// <summary>Across pages: unique titles, and a keyboard user's way from the index to an item and back (each page's own checks: <see cref="PageTests"/>).</summary>
public class AccessibilityTests(SiteFixture site)
{
    [Fact]
    public void Every_page_has_a_unique_title()
    {
        // The <title> is in the HTML as served; no page needs loading for it (the per-page pass loads each page once).
        var titles = site.Pages.ToDictionary(p => p, p => Regex.Match(File.ReadAllText(Path.Combine(site.SiteDir, p)), "<title>([^<]*)</title>").Groups[1].Value.Trim());
        var duplicates = titles.GroupBy(t => t.Value).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(x => x.Key))).ToList();
        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates));
        Assert.All(titles.Values, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.True(titles.Count > 30);
    }

    [Fact]
    public async Task A_keyboard_user_can_go_from_the_index_to_an_item_and_back()
    {
        var (page, _) = await site.OpenAsync("index.html");
        await TabUntilAsync(page, "a[href='items/05.html']");
        await PressEnterAndWaitAsync(page, "items/05\\.html$");
        Assert.Equal("ふるさと納税の推進", (await page.Locator("h1").InnerTextAsync()).Trim());
        await TabUntilAsync(page, "a.ap-pager__link[href='../index.html']");
        await PressEnterAndWaitAsync(page, "index\\.html$");
        Assert.Equal("小郡市行政経営行動計画", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }

    private static async Task PressEnterAndWaitAsync(IPage page, string urlPattern) =>
        await Task.WhenAll(
            page.WaitForURLAsync(new Regex(urlPattern), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 }),
            page.Keyboard.PressAsync("Enter"));

    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement && document.activeElement.matches(\"{selector}\")")) return;
        }
        Assert.Fail($"{selector} was not reached with the Tab key");
    }
}
