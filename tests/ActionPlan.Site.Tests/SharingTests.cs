using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// Sharing (issue 21): every public page carries OGP and a Twitter card — with --base-url, absolute addresses and an image
/// that is in the output — and JSON-LD that parses, with the schema.org types WebSite, GovernmentOrganization (with the
/// 全国地方公共団体コード), BreadcrumbList, and Dataset on the open data page.
/// </summary>
public partial class SharingTests
{
    private const string BaseUrl = "https://www.city.ogori.fukuoka.jp/actionplan";
    private static readonly Lazy<IReadOnlyList<ActionPlan.Rendering.OutputFile>> Site = new(() => SiteBuild.Render(Repo.Input, BaseUrl));

    [GeneratedRegex("<meta (?:property|name)=\"(?<k>(?:og|twitter):[a-z:_]+)\" content=\"(?<v>[^\"]*)\">")]
    private static partial Regex Meta();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    private static Dictionary<string, string> Cards(string html) =>
        Meta().Matches(html).ToDictionary(m => m.Groups["k"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["v"].Value));

    private static IEnumerable<(string Path, string Html)> Pages(IReadOnlyList<ActionPlan.Rendering.OutputFile> site) =>
        site.Where(f => f.Path.EndsWith(".html")).Select(f => (f.Path, Encoding.UTF8.GetString(f.Content)));

    [Fact]
    public void Every_page_has_cards_with_absolute_addresses_and_an_image_in_the_output()
    {
        var paths = Site.Value.Select(f => f.Path).ToHashSet();
        var pages = Pages(Site.Value).Where(p => !p.Html.Contains("http-equiv=\"refresh\"")).ToList();
        Assert.True(pages.Count > 30);
        foreach (var (path, html) in pages)
        {
            var cards = Cards(html);
            foreach (var key in new[] { "og:title", "og:description", "og:type", "og:site_name", "og:locale", "og:image", "og:image:alt", "twitter:card" })
                Assert.True(cards.ContainsKey(key) && cards[key].Length > 0, $"{path}: {key}");
            Assert.Equal("ja_JP", cards["og:locale"]);
            Assert.Equal("summary_large_image", cards["twitter:card"]);
            Assert.StartsWith(BaseUrl + "/", cards["og:image"]);
            Assert.Contains(cards["og:image"][(BaseUrl.Length + 1)..], paths);
            if (path != "404.html")
                Assert.Equal(BaseUrl + "/" + (path == "index.html" ? "" : path), cards["og:url"]);
        }
        // The image is a real 1200 × 630 PNG.
        var png = Site.Value.Single(f => f.Path == "assets/share.png").Content;
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        Assert.Equal((1200, 630), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        // An item's card says what it achieved.
        Assert.Contains("令和4年度の年度計画達成度は70%（一部達成）", Cards(Pages(Site.Value).Single(p => p.Path == "items/05.html").Html)["og:description"]);
    }

    /// <summary>A printed page and the printed booklet say where the latest is (with --base-url; on paper only).</summary>
    [Fact]
    public void A_printed_page_shows_its_own_address()
    {
        Assert.Contains($"<p class=\"ap-footer__address\">最新の情報は {BaseUrl}/booklet.html をご覧ください。</p>", Pages(Site.Value).Single(p => p.Path == "booklet.html").Html);
        Assert.Contains($"<p class=\"ap-footer__address\">最新の情報は {BaseUrl}/items/05.html をご覧ください。</p>", Pages(Site.Value).Single(p => p.Path == "items/05.html").Html);
        var css = Encoding.UTF8.GetString(Site.Value.Single(f => f.Path == "assets/site.css").Content);
        Assert.Contains(".ap-footer__address { display: none; }\n@media print { .ap-footer__address { display: block; } }", css);
        Assert.DoesNotContain("ap-footer__address", Pages(SiteBuild.Real).Single(p => p.Path == "booklet.html").Html);   // no address to give
    }

    [Fact]
    public void Without_a_base_url_a_card_has_no_address_or_image()
    {
        var cards = Cards(Pages(SiteBuild.Real).Single(p => p.Path == "items/05.html").Html);
        Assert.False(cards.ContainsKey("og:url"));
        Assert.False(cards.ContainsKey("og:image"));
        Assert.Equal("summary", cards["twitter:card"]);
        Assert.DoesNotContain(SiteBuild.Real, f => f.Path == "assets/share.png");
    }

    [Fact]
    public void Every_pages_json_ld_parses_and_names_the_site_the_city_and_the_way_here()
    {
        var paths = Site.Value.Select(f => f.Path).ToHashSet();
        string Local(string url) => url == BaseUrl + "/" ? "index.html" : url[(BaseUrl.Length + 1)..];
        foreach (var (path, html) in Pages(Site.Value).Where(p => !p.Html.Contains("http-equiv=\"refresh\"")))
        {
            var match = JsonLd().Match(html);
            Assert.True(match.Success, path);
            using var doc = JsonDocument.Parse(match.Groups["json"].Value);
            Assert.Equal("https://schema.org", doc.RootElement.GetProperty("@context").GetString());
            var graph = doc.RootElement.GetProperty("@graph").EnumerateArray().ToDictionary(e => e.GetProperty("@type").GetString()!);
            Assert.Equal("小郡市行政経営行動計画", graph["WebSite"].GetProperty("name").GetString());
            var city = graph["GovernmentOrganization"];
            Assert.Equal("402168", city.GetProperty("identifier").GetProperty("value").GetString());
            Assert.Equal(graph["WebSite"].GetProperty("publisher").GetProperty("@id").GetString(), city.GetProperty("@id").GetString());
            if (path is "index.html" or "404.html") continue;
            var crumbs = graph["BreadcrumbList"].GetProperty("itemListElement").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, crumbs.Count), crumbs.Select(c => c.GetProperty("position").GetInt32()));
            Assert.All(crumbs, c => Assert.Contains(Local(c.GetProperty("item").GetString()!), paths));
            Assert.Equal(path, Local(crumbs[^1].GetProperty("item").GetString()!));
        }
        var open = JsonLd().Match(Pages(Site.Value).Single(p => p.Path == "opendata/index.html").Html).Groups["json"].Value;
        using var data = JsonDocument.Parse(open);
        var dataset = data.RootElement.GetProperty("@graph").EnumerateArray().Single(e => e.GetProperty("@type").GetString() == "Dataset");
        Assert.Contains("public_data_license", dataset.GetProperty("license").GetString());
        Assert.Equal("2022-04-01/2027-03-31", dataset.GetProperty("temporalCoverage").GetString());
        var downloads = dataset.GetProperty("distribution").EnumerateArray().Select(d => Local(d.GetProperty("contentUrl").GetString()!)).ToList();
        Assert.Equal(["opendata/achievements.csv", "opendata/plan.json", "opendata/dictionary.csv", "opendata/catalog.jsonld"], downloads);
        Assert.All(downloads, d => Assert.Contains(d, paths));
    }
}
