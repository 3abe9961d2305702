using System.Text.RegularExpressions;
using PuppeteerSharp;
using UglyToad.PdfPig;

namespace ActionPlan.Site.Pdf;

/// <summary>
/// Prints the booklet page (booklet.html) with a Chromium-family browser into an A4 PDF that is tagged (for screen
/// readers) and has a document outline (the page's headings: chapters, policies and every item). The contents get page
/// numbers: the booklet is printed, each heading's page is read from the PDF's outline, the numbers are
/// written into the contents and it is printed again until the numbers no longer move.
/// The page of each heading comes from the PDF's outline, read back with PdfPig.
/// </summary>
public sealed partial class BookletPrinter(string browserPath)
{
    public sealed record Printed(byte[] Pdf, IReadOnlyDictionary<string, int> Pages, int Passes);

    private sealed record Entry(string Id, string Text);

    /// <param name="siteUrl">Where the site is published: links to its other pages point there in the PDF. Without it they
    /// become plain text (the temporary address the booklet is printed from must never reach the PDF).</param>
    public async Task<Printed> PrintAsync(Uri booklet, string? siteUrl = null)
    {
        var args = new List<string> { "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic" };
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root") args.Add("--no-sandbox");
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions { ExecutablePath = browserPath, Headless = true, Args = [.. args] });
        await using var page = await browser.NewPageAsync();
        await page.GoToAsync(booklet.ToString(), WaitUntilNavigation.Load);
        await page.EvaluateExpressionAsync("document.fonts.ready");
        await page.EvaluateFunctionAsync("""
            (site) => document.querySelectorAll('a[href]').forEach(a => {
              const href = a.getAttribute('href');
              if (href.startsWith('#') || /^(https?:|mailto:|tel:)/.test(href)) return;
              if (site) a.setAttribute('href', site.replace(/\/+$/, '') + '/' + href.replace(/^(\.\/)+/, ''));
              else a.removeAttribute('href');
            })
            """, siteUrl ?? "");
        var entries = await page.EvaluateFunctionAsync<Entry[]>("""
            () => [...document.querySelectorAll('[data-page-for]')].map(e => {
                const text = e.previousElementSibling.cloneNode(true);
                text.querySelectorAll('.ap-visually-hidden').forEach(h => h.remove());   // as the outline titles read
                return { id: e.dataset.pageFor, text: text.textContent };
              })
            """);
        var options = new PdfOptions { PreferCSSPageSize = true, PrintBackground = true, Tagged = true, Outline = true, DisplayHeaderFooter = false };

        Dictionary<string, int>? numbers = null;
        for (var pass = 1; ; pass++)
        {
            var pdf = await page.PdfDataAsync(options);
            var found = Locate(pdf, entries);
            if (numbers is not null && found.Count == numbers.Count && found.All(f => numbers.TryGetValue(f.Key, out var n) && n == f.Value) || pass == 4)
                return new Printed(pdf, found, pass);
            numbers = found;
            await page.EvaluateFunctionAsync("""
                (numbers) => { for (const [id, n] of Object.entries(numbers)) { const e = document.querySelector(`[data-page-for="${id}"]`); if (e) e.textContent = String(n); } }
                """, numbers);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>
    /// Text to compare: no spaces, NFKC (the browser's PDF maps some kanji to their Kangxi radical code points, 「⼩」 for
    /// 「小」, which NFKC folds back), and no middle dots (「・」 comes back as 「‧」).
    /// </summary>
    private static string Squash(string s) =>
        Space().Replace(s.Normalize(System.Text.NormalizationForm.FormKC), "").Replace("・", "").Replace("‧", "").Replace("･", "");

    /// <summary>
    /// The page each contents entry starts on, from the PDF's own outline (its titles are the headings' text as the
    /// browser knows it; the page text itself may carry Kangxi radicals instead of kanji). Matched in document order.
    /// </summary>
    private static Dictionary<string, int> Locate(byte[] pdf, IReadOnlyList<Entry> entries)
    {
        using var doc = PdfDocument.Open(pdf);
        var marks = new List<(string Title, int Page)>();
        if (doc.TryGetBookmarks(out var bookmarks))
        {
            void Walk(IEnumerable<UglyToad.PdfPig.Outline.BookmarkNode> nodes)
            {
                foreach (var node in nodes)
                {
                    if (node is UglyToad.PdfPig.Outline.DocumentBookmarkNode d) marks.Add((Squash(d.Title), d.PageNumber));
                    Walk(node.Children);
                }
            }
            Walk(bookmarks.Roots);
        }
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var from = 0;
        foreach (var entry in entries)
        {
            var text = Squash(entry.Text);
            var at = marks.FindIndex(from, m => m.Title == text);
            if (at < 0) continue;
            result[entry.Id] = marks[at].Page;
            from = at + 1;
        }
        return result;
    }
}
