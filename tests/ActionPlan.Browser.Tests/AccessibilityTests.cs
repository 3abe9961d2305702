using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ActionPlan.Browser.Tests;

/// <summary>Every page, in Chromium: axe (WCAG 2.0/2.1/2.2 A and AA), reflow at 320 CSS px, document basics, strict CSP.</summary>
public class AccessibilityTests(SiteFixture site)
{
    public static TheoryData<string> Pages => new(SiteFixture.PagePaths());

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_WCAG_AA_violation(string path)
    {
        var (page, _) = await site.OpenAsync(path);
        var result = await page.RunAxe(WcagAa);
        var report = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        Assert.True(result.Violations.Length == 0, $"{path}\n{report}");
        Assert.True(result.Passes.Length > 10, "axe did not run its rules");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task At_320_css_px_the_page_does_not_scroll_sideways(string path)
    {
        var (page, _) = await site.OpenAsync(path, width: 320, height: 640);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var culprits = overflow <= 0 ? "" : await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.ap-table-scroll') && getComputedStyle(e).position !== 'absolute')
              .slice(-5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ': ' + e.textContent.slice(0, 40)).join('\n')
            """);
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the 320px viewport:\n{culprits}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Has_lang_ja_one_h1_a_skip_link_and_no_CSP_violation(string path)
    {
        var (page, csp) = await site.OpenAsync(path);
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') + '|' + document.activeElement.textContent");
        Assert.Equal("#main|本文へ移動", focused);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.True(csp.Count == 0, $"{path}: CSP violations: {string.Join("; ", csp)}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_has_a_unique_title()
    {
        site.RequireBrowser();
        var titles = new Dictionary<string, string>();
        foreach (var path in site.Pages)
        {
            var (page, _) = await site.OpenAsync(path);
            titles[path] = await page.TitleAsync();
            await page.Context.CloseAsync();
        }
        var duplicates = titles.GroupBy(t => t.Value).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(x => x.Key))).ToList();
        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates));
        Assert.All(titles.Values, t => Assert.False(string.IsNullOrWhiteSpace(t)));
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
