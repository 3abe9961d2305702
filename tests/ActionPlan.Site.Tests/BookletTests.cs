using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Input;
using ActionPlan.Rendering;
using ActionPlan.Testing;
using AngleSharp.Html.Parser;

namespace ActionPlan.Site.Tests;

/// <summary>The booklet page: the whole plan in the document's order, every item as the city's table, from the same sources.</summary>
public class BookletTests
{
    private static string Html(IReadOnlyList<OutputFile> files) => Encoding.UTF8.GetString(files.Single(f => f.Path == "booklet.html").Content);

    /// <summary>What a sighted reader sees (the spoken forms for screen readers removed).</summary>
    private static string Visible(string html)
    {
        using var doc = new HtmlParser().ParseDocument(html);
        foreach (var hidden in doc.QuerySelectorAll(".ap-visually-hidden").ToList()) hidden.Remove();
        return doc.Body!.TextContent;
    }

    [Fact]
    public void The_booklet_carries_every_line_of_every_item_verbatim()
    {
        var plan = PlanLoader.Load(Repo.Input).Plan!;
        var missing = Transcription.Missing(plan, Visible(Html(SiteBuild.Real)));
        Assert.True(missing.Count == 0, "missing from booklet.html:\n" + string.Join("\n", missing.Take(10)));
        Assert.True(Transcription.BookletLines(plan).Count() > 200, Transcription.BookletLines(plan).Count().ToString());
    }

    [Fact]
    public void The_booklet_follows_the_document_order_cover_contents_chapters_then_items_by_policy()
    {
        var html = Html(SiteBuild.Real);
        int At(string s) { var i = html.IndexOf(s, StringComparison.Ordinal); Assert.True(i >= 0, s); return i; }
        Assert.True(At("id=\"booklet-title\"") < At("id=\"booklet-contents\""));
        Assert.True(At("id=\"booklet-contents\"") < At("id=\"chapter-1\""));
        Assert.True(At("id=\"chapter-1\"") < At("id=\"chapter-2\"") && At("id=\"chapter-2\"") < At("id=\"chapter-3\"") && At("id=\"chapter-3\"") < At("id=\"items\""));
        var items = Regex.Matches(html, "<section class=\"ap-booklet-item\" id=\"item-(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 16), items);
        Assert.Contains("<h2 class=\"ap-booklet__chapter-heading\" id=\"items-heading\">第4 実施項目</h2>", html);
        Assert.Contains("<th scope=\"row\" class=\"ap-table__cell ap-booklet-item__year\">令和4年度実績</th>", html);
        Assert.Contains("<td class=\"ap-table__cell ap-booklet-item__achievement\">46%（一部達成）</td>", html);
        Assert.Contains("<th scope=\"row\" class=\"ap-table__cell ap-booklet-item__year\">令和6年度計画</th>", html);
        Assert.DoesNotContain("令和7年度計画", html);                 // the document shows the next two years' plans
        Assert.Contains("<h5 class=\"ap-section__heading\">(普及)</h5>", html);   // sub-headings nest under the item's h4
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
    }

    [Fact]
    public void The_index_and_the_plan_pages_link_to_the_booklet()
    {
        foreach (var path in new[] { "index.html", "plan/1.html", "plan/3.html" })
            Assert.Matches("<a href=\"(\\.\\./)?booklet\\.html\">冊子（全項目）</a>", Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == path).Content));
    }

    [Fact]
    public void A_later_edition_shows_each_year_of_results_and_the_next_plans()
    {
        using var dir = Repo.CopyOf();
        Repo.Copy(Path.Combine(Repo.Root, "tests", "ActionPlan.Site.Tests", "Fixtures", "r5-results"), dir["input"]);
        File.Delete(dir["input/README.md"]);
        var html = Html(SiteBuild.Render(dir["input"]));
        var no5 = html[html.IndexOf("id=\"item-5\"", StringComparison.Ordinal)..html.IndexOf("id=\"item-6\"", StringComparison.Ordinal)];
        Assert.Contains(">令和4年度実績</th>", no5);
        Assert.Contains(">令和5年度実績</th>", no5);
        Assert.Contains(">令和6年度計画</th>", no5);                   // the fixture has no R7 plan yet: nothing is invented
        Assert.DoesNotContain(">令和5年度計画</th>", no5);           // a year with results shows its results
        Assert.Contains("80%（一部達成）", no5);
        Assert.Contains("実施項目 令和5年度実績・令和6～7年度計画", html);
    }

    [Fact]
    public void A_published_pdf_is_copied_beside_the_booklet_and_linked_with_its_size_but_never_printed()
    {
        Assert.DoesNotContain(SiteBuild.Real, f => f.Path == "booklet.pdf");
        Assert.DoesNotContain("ap-booklet__pdf", Html(SiteBuild.Real));
        using var dir = Repo.CopyOf();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 3000) + "\n%%EOF\n");
        File.WriteAllBytes(dir["input/booklet.pdf"], pdf);
        var site = SiteBuild.Render(dir["input"]);
        Assert.Equal(pdf, site.Single(f => f.Path == "booklet.pdf").Content);
        Assert.Contains("<p class=\"ap-booklet__pdf\"><a href=\"booklet.pdf\">冊子のPDF（3KB）</a></p>", Html(site));
        var css = Encoding.UTF8.GetString(site.Single(f => f.Path == "assets/site.css").Content);
        Assert.Contains(".ap-booklet__pdf { display: none; }", css);   // the PDF does not print its own size
    }

    [Fact]
    public void A_booklet_pdf_that_is_not_a_pdf_is_a_located_error()
    {
        using var dir = Repo.CopyOf();
        File.WriteAllText(dir["input/booklet.pdf"], "これはPDFではありません");
        var result = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(result.Diagnostics, d => d.Code == "booklet-pdf-invalid");
        Assert.Equal("input/booklet.pdf", error.File);
    }

    [Theory]
    [InlineData(1536L, "2KB")]
    [InlineData(1_181_115L, "1.1MB")]
    [InlineData(10L, "1KB")]
    public void Sizes_are_written_as_citizens_read_them(long bytes, string expected) =>
        Assert.Equal(expected, ActionPlan.Rendering.Site.BookletBuilder.Size(bytes));

    [Fact]
    public void The_running_title_of_printed_pages_is_the_plans_name_safely_quoted()
    {
        var css = Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == "assets/site.css").Content);
        Assert.Contains("@page { @top-center { content: \"小郡市行政経営行動計画\";", css);
        var info = PlanLoader.Load(Repo.Input).Plan!.Info with { Title = "計画\"}</style>\\x" };
        Assert.Contains("content: \"計画\\22 }</style>\\5c x\";", SiteRenderer.RunningTitle(info));
    }
}
