using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// Every page of the seed site, loaded once in Chromium and checked for everything a page must be, in one pass:
/// axe (WCAG 2.0/2.1/2.2 A and AA); lang="ja", one h1, the skip link reached first by Tab and moving focus to the main
/// content; no strict-CSP violation; no 「▲」 or 「＞」 read out by a screen reader (the accessibility tree); at 320 CSS px
/// nothing scrolls sideways and every table caption is visible; printed on A4, no caption or heading is left alone at a
/// page foot. Each problem found is reported, not just the first. Two classes share the pages so that two are checked at once.
/// </summary>
public abstract class PageChecks(SiteFixture site)
{
    /// <summary>Every other page, from the first or the second (two classes, so two pages are checked at once).</summary>
    protected static TheoryData<string> Half(int which) => new(SiteFixture.PagePaths().Where((_, i) => i % 2 == which));

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Only violations are reported node by node (passes and the rest by rule): the same rules run, with less to send back.
        ResultTypes = [ResultType.Violations],
    };

    protected async Task CheckAsync(string path)
    {
        ReadingTests.RequirePdfToText();
        var (page, csp) = await site.OpenInTabAsync(GetType().Name, path);
        var problems = new List<string>();
        try
        {
            // axe, at 1280 × 900
            var axe = await page.RunAxe(WcagAa);
            problems.AddRange(axe.Violations.Select(v => $"axe {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
            if (axe.Passes.Length <= 10) problems.Add("axe did not run its rules");

            // document basics
            if (await page.GetAttributeAsync("html", "lang") != "ja") problems.Add("html lang is not ja");
            var h1 = await page.Locator("h1").CountAsync();
            if (h1 != 1) problems.Add($"{h1} h1 elements");

            // what a screen reader reads
            var nodes = await ReadingTests.AccessibleTextAsync(page);
            problems.AddRange(nodes.Where(n => n.Name.Contains('▲') || n.Name.Contains('＞')).Select(n => $"reads a symbol aloud: {n.Role}: {n.Name}").Distinct().Take(10));
            if (!nodes.Any(n => n.Role is "StaticText" or "staticText")) problems.Add("the accessibility tree has no text");

            // the skip link is the first Tab stop and moves focus to the main content
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') + '|' + document.activeElement.textContent");
            if (focused != "#main|本文へ移動") problems.Add($"the first Tab stop is {focused}, not the skip link");
            await page.Keyboard.PressAsync("Enter");
            var afterSkip = await page.EvaluateAsync<string>("() => document.activeElement.id");
            if (afterSkip != "main") problems.Add($"the skip link moved focus to #{afterSkip}, not #main");

            // a phone: 320 CSS px wide (the same page, reflowed)
            await page.SetViewportSizeAsync(320, 640);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                var culprits = await page.EvaluateAsync<string>("""
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.ap-table-scroll') && getComputedStyle(e).position !== 'absolute')
                      .slice(-5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ': ' + e.textContent.slice(0, 40)).join('\n')
                    """);
                problems.Add($"{overflow}px wider than the 320px viewport:\n{culprits}");
            }
            var cut = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('caption')].filter(c => {
                  const box = (c.closest('.ap-table-scroll') || document.documentElement).getBoundingClientRect();
                  const range = document.createRange(); range.selectNodeContents(c);
                  const r = range.getBoundingClientRect();   // the caption's text, not its table-wide box
                  return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
                }).map(c => c.textContent.trim().slice(0, 60))
                """);
            problems.AddRange(cut.Select(c => "caption cut off at 320px: " + c));

            // paper: A4 from print.css
            await page.SetViewportSizeAsync(1280, 900);
            problems.AddRange((await ReadingTests.AloneAtPageFootAsync(page)).Select(a => "caption or heading alone at the foot of a printed page: " + a));

            // no strict-CSP violation during all of it
            problems.AddRange(csp.Select(c => "CSP violation: " + c));
            problems.AddRange((await page.EvaluateAsync<string[]>("() => window.__csp")).Select(c => "CSP violation: " + c));
        }
        catch
        {
            await page.Context.CloseAsync();   // a tab left mid-check is not reused: the next page gets a fresh one
            throw;
        }
        Assert.True(problems.Count == 0, $"{path}:\n" + string.Join("\n", problems.Distinct()));
    }
}

/// <summary>The even-numbered pages of the site (in the build's order).</summary>
public class PageTests(SiteFixture site) : PageChecks(site)
{
    public static TheoryData<string> Pages => Half(0);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_page_passes_every_check_in_one_load(string path) => CheckAsync(path);
}

/// <summary>The odd-numbered pages of the site (in the build's order).</summary>
public class MorePageTests(SiteFixture site) : PageChecks(site)
{
    public static TheoryData<string> Pages => Half(1);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_page_passes_every_check_in_one_load(string path) => CheckAsync(path);
}
