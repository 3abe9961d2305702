using System.Diagnostics;
using System.Text.Json;
using ActionPlan.Testing;
using Microsoft.Playwright;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// What Chromium exposes to screen readers and shows on a phone and on paper, beyond each page's own checks
/// (<see cref="PageTests"/>): a signed figure is read マイナス／プラス, item tables are stacked on phones without losing
/// their table semantics, and the print check itself finds a heading forced to a page foot.
/// </summary>
public partial class ReadingTests(SiteFixture site)
{
    /// <summary>Every name and text node of the page's accessibility tree, as Chromium computes it.</summary>
    internal static async Task<List<(string Role, string Name)>> AccessibleTextAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
        var list = new List<(string, string)>();
        foreach (var node in tree!.Value.GetProperty("nodes").EnumerateArray())
        {
            if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()) continue;
            var role = node.TryGetProperty("role", out var r) && r.TryGetProperty("value", out var rv) ? rv.GetString() ?? "" : "";
            var name = node.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var nv) && nv.ValueKind == JsonValueKind.String ? nv.GetString() ?? "" : "";
            list.Add((role, name));
        }
        return list;
    }

    [Fact]
    public async Task A_signed_figure_in_a_sentence_is_read_as_in_the_table()
    {
        var (page, _) = await site.OpenAsync("items/15.html");
        var text = string.Join("|", (await AccessibleTextAsync(page)).Select(n => n.Name));
        Assert.Contains("マイナス600", text);              // the result sentence 「前年度比▲600時間以上との計画に対し」
        Assert.Contains("プラス5,100", text);              // 「実績は+5,100時間」
        Assert.Contains("600時間以上の削減", text);         // the indicator table says what the target means
        Assert.Contains("5,100時間の増加", text);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_item_tables_are_stacked_without_sideways_scrolling_and_stay_tables()
    {
        var (wide, _) = await site.OpenAsync("index.html");
        var wideRoles = Roles(await AccessibleTextAsync(wide));
        await wide.Context.CloseAsync();

        var (phone, _) = await site.OpenAsync("index.html", width: 320, height: 640);
        var scrolling = await phone.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.ap-item-table')].filter(t => t.closest('.ap-table-scroll').scrollWidth > t.closest('.ap-table-scroll').clientWidth + 1).length
            """);
        Assert.Equal(0, scrolling);
        var stacked = await phone.EvaluateAsync<bool>("""
            () => { const row = document.querySelector('.ap-item-table tbody tr');
                    const name = row.querySelector('.ap-item-table__name').getBoundingClientRect();
                    const divisions = row.querySelector('.ap-item-table__divisions').getBoundingClientRect();
                    return divisions.top >= name.bottom; }
            """);
        Assert.True(stacked, "on a phone the divisions should come under the item's name");
        var phoneRoles = Roles(await AccessibleTextAsync(phone));
        await phone.Context.CloseAsync();

        Assert.True(wideRoles.GetValueOrDefault("table") > 0);
        foreach (var role in new[] { "table", "row", "columnheader", "rowheader", "cell" })
            Assert.True(wideRoles.GetValueOrDefault(role) == phoneRoles.GetValueOrDefault(role),
                $"{role}: {wideRoles.GetValueOrDefault(role)} on a wide screen, {phoneRoles.GetValueOrDefault(role)} on a phone");
    }

    private static Dictionary<string, int> Roles(List<(string Role, string Name)> nodes) =>
        nodes.GroupBy(n => n.Role).ToDictionary(g => g.Key, g => g.Count());

    internal static void RequirePdfToText()
    {
        if (File.Exists("/usr/bin/pdftotext")) return;   // .ci/run installs poppler-utils
        if (Snapshot.IsCi) Assert.Fail("pdftotext is missing (apt-get install -y poppler-utils)");
        Assert.Skip("pdftotext is missing (apt-get install -y poppler-utils)");
    }

    [Fact]
    public async Task The_print_check_finds_a_heading_forced_to_a_page_foot()
    {
        RequirePdfToText();
        var (page, _) = await site.OpenAsync("index.html");
        await page.EvaluateAsync("() => { document.getElementById('items').style.breakAfter = 'page'; }");   // CSSOM: allowed by the CSP
        var alone = await AloneAtPageFootAsync(page);
        await page.Context.CloseAsync();
        Assert.Contains(alone, a => a.Contains("実施項目の一覧"));
    }

    /// <summary>Prints the page (A4 from print.css) and lists pages whose last line is a caption or a heading.</summary>
    internal static async Task<List<string>> AloneAtPageFootAsync(IPage page)
    {
        var captions = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('caption, h1, h2, h3, h4')].map(c => c.textContent.replace(/\\s+/g, ' ').trim())");
        // a contents list (the booklet's 目次) repeats the headings' text as links: its last entry may end a page
        var links = (await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('nav a')].map(a => a.textContent)")).Select(Squash).ToHashSet();
        using var dir = new Repo.TempDir();
        var pdf = dir["page.pdf"];
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true });
        var pages = PdfPages(pdf);
        var alone = new List<string>();
        for (var i = 0; i < pages.Count - 1; i++)
        {
            // the last line of text on the page, above the page number in the bottom margin
            var last = Squash(pages[i].Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !PageNumber().IsMatch(l)) ?? "");
            if (last.Length > 3 && !links.Contains(last) && captions.Any(c => Squash(c).EndsWith(last, StringComparison.Ordinal))) alone.Add($"page {i + 1}: {last}");
        }
        return alone;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\s*/\s*\d+$")]
    private static partial System.Text.RegularExpressions.Regex PageNumber();

    private static string Squash(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Each printed page's text (pdftotext separates pages with a form feed).</summary>
    public static List<string> PdfPages(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text.Split('\f').Where(t => t.Trim().Length > 0).ToList();
    }
}
