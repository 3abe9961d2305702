using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// 更新情報 and the Atom feed (issue 21): an entry per edition from input/history.csv, newest first, dates from the data
/// (公表) and ids that never change; the feed linked from every page; 最終更新 per item, marked when an item went
/// unchanged through two editions, on the item page and in the open data.
/// </summary>
public class UpdatesTests
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    private static Repo.TempDir WithHistory()
    {
        var dir = Repo.CopyOf();
        File.WriteAllText(dir["input/history.csv"], """
            公表,項目番号,内容
            2023-02,5,No.5 令和3年度の実績を載せました。
            令和5年8月,3,No.3 市債発行額の計画を見直しました。
            2024-02,,令和4年度の実績と令和5～6年度の計画を公表しました。
            """.Replace("\n", "\r\n"), new UTF8Encoding(true));
        return dir;
    }

    private static string Text(IReadOnlyList<ActionPlan.Rendering.OutputFile> site, string path) => Encoding.UTF8.GetString(site.Single(f => f.Path == path).Content);

    [Fact]
    public void The_feed_is_atom_with_an_entry_per_edition_newest_first_dated_by_the_data()
    {
        using var dir = WithHistory();
        var site = SiteBuild.Render(dir["input"], "https://www.city.ogori.fukuoka.jp/actionplan");
        var doc = new XmlDocument();
        doc.LoadXml(Text(site, "feed.xml"));
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("a", Atom);
        var feed = doc.DocumentElement!;
        Assert.Equal(("feed", Atom), (feed.LocalName, feed.NamespaceURI));
        // RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (or every entry has one).
        foreach (var name in new[] { "id", "title", "updated" }) Assert.Single(feed.SelectNodes($"a:{name}", ns)!.Cast<XmlNode>());
        Assert.NotNull(feed.SelectSingleNode("a:author/a:name", ns));
        Assert.Equal("https://www.city.ogori.fukuoka.jp/actionplan/feed.xml", feed.SelectSingleNode("a:link[@rel='self']/@href", ns)!.Value);
        var entries = feed.SelectNodes("a:entry", ns)!.Cast<XmlElement>().ToList();
        Assert.Equal(["2024-02-01T00:00:00+09:00", "2023-08-01T00:00:00+09:00", "2023-02-01T00:00:00+09:00"], entries.Select(e => e["updated", Atom]!.InnerText));
        Assert.Equal(entries[0]["updated", Atom]!.InnerText, feed["updated", Atom]!.InnerText);   // the newest edition, not the clock
        foreach (var e in entries)
        {
            // 4.1.2: an entry has exactly one id (an IRI), title and updated, and content or an alternate link.
            Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", e["id", Atom]!.InnerText);
            Assert.False(string.IsNullOrWhiteSpace(e["title", Atom]!.InnerText));
            Assert.NotNull(e.SelectSingleNode("a:link[@rel='alternate']", ns));
            Assert.Equal("text", e["content", Atom]!.GetAttribute("type"));
        }
        Assert.Equal(3, entries.Select(e => e["id", Atom]!.InnerText).Distinct().Count());
        Assert.Contains("No.3 市債発行額の計画を見直しました。", entries[1]["content", Atom]!.InnerText);

        // The same ids wherever the site is put, and the same bytes whenever it is built.
        var elsewhere = new XmlDocument();
        elsewhere.LoadXml(Text(SiteBuild.Render(dir["input"]), "feed.xml"));
        Assert.Equal(entries.Select(e => e["id", Atom]!.InnerText), elsewhere.DocumentElement!.SelectNodes("a:entry/a:id", ns)!.Cast<XmlNode>().Select(n => n.InnerText));
        Thread.Sleep(1100);
        Assert.Equal(site.Single(f => f.Path == "feed.xml").Content, SiteBuild.Render(dir["input"], "https://www.city.ogori.fukuoka.jp/actionplan").Single(f => f.Path == "feed.xml").Content);
    }

    [Fact]
    public void Every_page_links_the_feed_and_the_updates_page_lists_each_edition()
    {
        foreach (var file in SiteBuild.Real.Where(f => f.Path.EndsWith(".html") && !Encoding.UTF8.GetString(f.Content).Contains("http-equiv=\"refresh\"")))
        {
            var html = Encoding.UTF8.GetString(file.Content);
            var href = Regex.Match(html, "<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"(?<h>[^\"]+)\">").Groups["h"].Value;
            Assert.True(href.Length > 0, file.Path);
            Assert.Equal("feed.xml", ActionPlan.Rendering.Site.StructuredData.FromRoot(file.Path, href));
        }
        using var dir = WithHistory();
        var updates = Text(SiteBuild.Render(dir["input"]), "updates.html");
        var headings = Regex.Matches(updates, "<h2 class=\"ap-heading-l\" id=\"edition-(?<k>[0-9-]+)\">").Select(m => m.Groups["k"].Value).ToList();
        Assert.Equal(["2024-02", "2023-08", "2023-02"], headings);
        Assert.Contains("No.5 令和3年度の実績を載せました。（<a href=\"items/05.html\">No.5 ふるさと納税の推進</a>）", updates);
        // Without history.csv, this edition is listed on its own.
        Assert.Contains("<h2 class=\"ap-heading-l\" id=\"edition-2024-02\">令和6年2月（2024年2月）</h2>", Text(SiteBuild.Real, "updates.html"));
    }

    [Fact]
    public void Each_item_shows_its_last_update_and_is_marked_after_two_editions_without_one()
    {
        using var dir = WithHistory();
        var site = SiteBuild.Render(dir["input"]);
        var no3 = Text(site, "items/03.html");
        Assert.Contains("<dt class=\"ap-summary-list__key\">最終更新</dt><dd class=\"ap-summary-list__value\">令和5年8月（2023年8月）</dd>", no3);   // one edition since: not marked
        var no5 = Text(site, "items/05.html");
        Assert.Contains("令和5年2月（2023年2月）<br><strong class=\"ap-stale\">直近2回の更新で、この項目の内容は変わっていません。</strong>", no5);
        Assert.Contains("直近2回の更新で", Text(site, "items/01.html"));   // never mentioned: as it was in the first edition
        var csv = Text(site, "opendata/achievements.csv");
        Assert.Contains(",402168,2023-02\r\n", csv);
        Assert.Contains(",402168,2023-08\r\n", csv);
        Assert.EndsWith(",最終更新", csv.Split("\r\n")[0]);
    }

    /// <summary>history.csv kept as a workbook (history.xlsx, as staff save from Excel) gives the same 更新情報 and feed bytes.</summary>
    [Fact]
    public void The_history_may_be_kept_as_a_workbook()
    {
        using var csv = WithHistory();
        using var book = Repo.CopyOf();
        File.Delete(book["input/history.csv"]);   // one form or the other: both at once is table-two-forms, as for items
        TestWorkbook.Write(book["input/history.xlsx"], TestWorkbook.FromCsv(csv["input/history.csv"]));
        var fromCsv = SiteBuild.Render(csv["input"]);
        var fromBook = SiteBuild.Render(book["input"]);
        Assert.Equal(Text(fromCsv, "updates.html"), Text(fromBook, "updates.html"));
        Assert.Equal(Text(fromCsv, "feed.xml"), Text(fromBook, "feed.xml"));
        Assert.Contains("市債発行額の計画を見直しました", Text(fromBook, "updates.html"));
    }
}
