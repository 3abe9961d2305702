namespace ActionPlan.Browser.Tests;

/// <summary>
/// The 試験結果's checklist at 1280 px (issue 22): a criterion's number, level and result never break inside
/// (「1.1.\n1」, 「未確\n認」 were seen). One load of the page; the per-page pass checks it for everything else.
/// </summary>
public class ReportLayoutTests(SiteFixture site)
{
    [Fact]
    public async Task Criterion_numbers_levels_and_results_stay_on_one_line_at_1280px()
    {
        var (page, _) = await site.OpenAsync("accessibility-results.html", 1280, 900);
        // Each cell's text as laid out: more than one line box means it wrapped.
        var wrapped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.ap-checklist__fixed')].filter(cell => {
              const range = document.createRange(); range.selectNodeContents(cell);
              const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              return tops.size > 1;
            }).map(cell => cell.textContent.trim())
            """);
        var count = await page.Locator(".ap-checklist__fixed").CountAsync();
        await page.Context.CloseAsync();
        Assert.Equal(38 * 3, count);
        Assert.True(wrapped.Length == 0, "wrapped: " + string.Join(", ", wrapped));
    }
}
