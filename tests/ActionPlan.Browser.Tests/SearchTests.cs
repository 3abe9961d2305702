using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// サイト内検索 in Chromium (issue 21): a set of typed queries over the seed finds the right items in the first results —
/// a word inside a longer word, kanji compounds, katakana words, full-width and half-width forms, hiragana for katakana,
/// a query that matches nothing and says so — served from a site root, from a sub-folder (an example's site) and from
/// file://; filters; the keyboard path from the header's box; axe on a page of results.
/// </summary>
public class SearchTests(SiteFixture site)
{
    private static string Query(string q, string? division = null) =>
        "search.html?q=" + Uri.EscapeDataString(q) + (division is null ? "" : "&division=" + Uri.EscapeDataString(division));

    private static async Task<(string Status, List<string> Results)> ReadAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.length > 0");
        var status = (await page.Locator("#search-status").InnerTextAsync()).Trim();
        var results = (await page.Locator("#search-results > li > a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        return (status, results);
    }

    public static TheoryData<string, string> Found => new()
    {
        { "寄附", "No.5 ふるさと納税の推進" },                 // a word inside a longer one (寄附金額)
        { "マイナンバー", "No.10 マイナンバーカードの普及・活用" }, // katakana inside a katakana word
        { "ロジックモデル", "No.7" },                           // a katakana word whole
        { "普通建設事業", "No.1 適切な普通建設事業の展開" },     // a kanji compound
        { "ＤＸ", "No.14" },                                   // full-width for the text's half-width DX
        { "dx", "No.14" },                                     // lower case for upper
        { "ぽーたる", "No.5 ふるさと納税の推進" },             // hiragana for katakana (ポータル)
        { "ｼｽﾃﾑ", "No.8" },                                     // half-width katakana for システム
    };

    [Theory]
    [MemberData(nameof(Found))]
    public async Task A_query_finds_the_item_among_the_first_results(string query, string expected)
    {
        var (page, _) = await site.OpenAsync(Query(query));
        var (status, results) = await ReadAsync(page);
        await page.Context.CloseAsync();
        Assert.Contains($"「{query}」の検索結果", status);
        Assert.True(results.Take(3).Any(r => r.StartsWith(expected, StringComparison.Ordinal)), $"{query}: {string.Join(" / ", results)}");
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_so_and_filters_narrow_the_list()
    {
        var (page, _) = await site.OpenAsync(Query("宇宙開発"));
        var (status, results) = await ReadAsync(page);
        Assert.Equal("「宇宙開発」に一致する実施項目はありません。言葉を短くするか、絞り込みを外してください。", status);
        Assert.Empty(results);
        Assert.Equal("status", await page.Locator("#search-status").GetAttributeAsync("role"));   // announced to screen readers
        await page.Context.CloseAsync();

        (page, _) = await site.OpenAsync("search.html?q=&division=" + Uri.EscapeDataString("財政課"));
        (status, results) = await ReadAsync(page);
        Assert.Equal("絞り込みに当てはまる実施項目: 4件", status);
        Assert.Equal(["No.1", "No.2", "No.3", "No.4"], results.Select(r => r.Split(' ')[0]));
        Assert.Equal("財政課", await page.Locator("#search-division").InputValueAsync());   // the form shows what was asked
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_keyboard_user_searches_from_the_header_box_and_the_results_pass_axe()
    {
        var (page, _) = await site.OpenAsync("items/05.html");
        Assert.True(await page.Locator(".ap-header__search").IsVisibleAsync());   // shown by the script
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("() => document.activeElement.id === 'header-search'"); i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("寄附");
        await Task.WhenAll(page.WaitForURLAsync(new Regex(@"search\.html\?q="), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load }), page.Keyboard.PressAsync("Enter"));
        var (status, results) = await ReadAsync(page);
        Assert.StartsWith("「寄附」の検索結果", status);
        Assert.Contains(results, r => r.StartsWith("No.5 ", StringComparison.Ordinal));
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0);   // the match is marked in the snippet
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            ResultTypes = [ResultType.Violations],
        });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
        // The page with its results, as the browser holds it, through the same two validators as every page.
        // (The browser writes a boolean attribute as defer=""; the site writes defer: put it back as the site writes it.)
        var html = "<!DOCTYPE html>\n" + Regex.Replace(await page.EvaluateAsync<string>("() => document.documentElement.outerHTML"), @" (defer|hidden)=""""", " $1");
        await page.Context.CloseAsync();
        var jar = ValidatorTests.Tool("vnu-jar/build/dist/vnu.jar");
        ValidatorTests.Require(jar);
        using var dir = new ActionPlan.Testing.Repo.TempDir();
        File.WriteAllText(dir["results.html"], html);
        var (nu, nuOut) = ValidatorTests.Run("java", ["-jar", jar, "--errors-only", dir["results.html"]], dir.Path);
        Assert.True(nu == 0 && nuOut.Trim().Length == 0, nuOut);
        var (hv, hvOut) = ValidatorTests.Run(ValidatorTests.Tool(".bin/html-validate"), ["--config", Path.Combine(ActionPlan.Testing.Repo.Root, ".htmlvalidate.json"), dir["results.html"]], dir.Path);
        Assert.True(hv == 0, hvOut);
    }

    [Fact]
    public async Task Search_works_from_a_sub_folder_and_from_file()
    {
        var (page, _) = await site.OpenAsync(SiteFixture.ExamplePrefix("gyokaku") + Query("効果額"));
        var (_, results) = await ReadAsync(page);
        Assert.Equal("No.2 効果額の確保", results.First());
        await page.Context.CloseAsync();

        var browser = site.RequireBrowser();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" });
        var local = await context.NewPageAsync();
        await local.GotoAsync(new Uri(Path.Combine(site.SiteDir, "search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString("寄附"));
        var (status, fromDisk) = await ReadAsync(local);
        Assert.StartsWith("「寄附」の検索結果", status);
        Assert.Contains(fromDisk, r => r.StartsWith("No.5 ", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}
