using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Rendering;
using ActionPlan.Rendering.Site;
using ActionPlan.Testing;
using AngleSharp.Html.Parser;

namespace ActionPlan.Site.Tests;

/// <summary>
/// What a citizen reads: signs read the same way everywhere, 用語集 links on first use, no stray template spaces, one
/// word for missing results, the contact route and the city's own document on every page, and years at a glance.
/// </summary>
public class CitizenReadingTests
{
    private static string Text(IReadOnlyList<OutputFile> files, string path) => Encoding.UTF8.GetString(files.Single(f => f.Path == path).Content);

    private static IEnumerable<(string Path, string Html)> Pages(IReadOnlyList<OutputFile> files) =>
        files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Select(f => (f.Path, Encoding.UTF8.GetString(f.Content)));

    // ---- signs ----------------------------------------------------------------------------------------

    [Fact]
    public void Signed_figures_in_text_are_marked_with_their_spoken_form()
    {
        var runs = Prose.SignsOnly.Text("前年度比▲1%以上、実績は+5,100時間、＋3件、1+1、▲").Runs;
        var signed = runs.OfType<SignedRun>().Select(r => (r.Display, r.Spoken)).ToList();
        Assert.Equal([("▲1", "マイナス1"), ("+5,100", "プラス5,100"), ("＋3", "プラス3"), ("▲", "マイナス")], signed);
        Assert.Equal("前年度比▲1%以上、実績は+5,100時間、＋3件、1+1、▲", new TextView(runs).Display);
    }

    [Fact]
    public void No_page_shows_a_triangle_or_trail_sign_outside_a_part_hidden_from_screen_readers()
    {
        foreach (var (path, html) in Pages(SiteBuild.Real))
        {
            using var doc = new HtmlParser().ParseDocument(html);
            foreach (var hidden in doc.QuerySelectorAll("[aria-hidden=true]").ToList()) hidden.Remove();
            var text = doc.Body!.TextContent;
            Assert.False(text.Contains('▲'), $"{path}: a ▲ is read out as 「クロサンカク」: …{Around(text, '▲')}…");
            Assert.False(text.Contains('＞'), $"{path}: a ＞ is read out as 「ダイナリ」: …{Around(text, '＞')}…");
        }
    }

    private static string Around(string text, char c)
    {
        var i = text.IndexOf(c);
        return i < 0 ? "" : text.Substring(Math.Max(0, i - 30), Math.Min(60, text.Length - Math.Max(0, i - 30)));
    }

    [Fact]
    public void The_template_never_puts_a_space_inside_a_japanese_sentence()
    {
        var stray = new Regex(@"[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー][ \n]+[はがのをにへでと、。]");
        foreach (var (path, html) in Pages(SiteBuild.Real))
        {
            using var doc = new HtmlParser().ParseDocument(html);
            var m = stray.Match(doc.Body!.TextContent);
            Assert.False(m.Success, $"{path}: stray space in 「{m.Value}」");
        }
    }

    [Fact]
    public void Missing_results_are_called_one_thing_everywhere()
    {
        foreach (var (path, html) in Pages(SiteBuild.Real))
            Assert.DoesNotContain("実績なし", html);
        Assert.Contains("実績未登録", Text(SiteBuild.Real, "items/15.html"));
    }

    // ---- glossary -------------------------------------------------------------------------------------

    [Fact]
    public void The_glossary_page_lists_every_term_with_its_reading_and_an_anchor()
    {
        var plan = PlanLoader.Load(Repo.Input).Plan!;
        Assert.True(plan.Terms.Count >= 15);
        var page = Text(SiteBuild.Real, "glossary.html");
        foreach (var term in plan.Terms)
        {
            Assert.Contains($"id=\"{Prose.Anchor(term.Term)}\"", page);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(term.Explanation).Replace("&#39;", "'"), page);
        }
        Assert.Contains("<dt class=\"ap-glossary__term\">PPP/PFI<span class=\"ap-glossary__reading\">（ピーピーピー・ピーエフアイ）</span></dt>", page);
        Assert.Equal(plan.Terms.Count, plan.Terms.Select(t => Prose.Anchor(t.Term)).Distinct().Count());
    }

    [Fact]
    public void Each_page_links_a_term_on_its_first_use_only_and_every_link_finds_its_entry()
    {
        var glossary = Text(SiteBuild.Real, "glossary.html");
        var link = new Regex("<a class=\"ap-text__term\" href=\"(?:\\.\\./)*glossary\\.html#(?<id>[^\"]+)\">(?<term>[^<]+)</a>");
        var linkedPages = 0;
        foreach (var (path, html) in Pages(SiteBuild.Real))
        {
            var terms = link.Matches(html).Select(m => (Id: m.Groups["id"].Value, Term: m.Groups["term"].Value)).ToList();
            if (terms.Count > 0) linkedPages++;
            Assert.True(terms.Count == terms.Distinct().Count(), $"{path} links a term twice: {string.Join(", ", terms.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key.Term))}");
            foreach (var (id, _) in terms) Assert.Contains($"id=\"{id}\"", glossary);
        }
        Assert.True(linkedPages >= 10, $"only {linkedPages} pages link to the glossary");
        var no13 = Text(SiteBuild.Real, "items/13.html");
        Assert.Contains(">PPP/PFI</a>", no13);
        Assert.DoesNotContain(">PFI</a>", no13);          // the longer term wins, and PFI inside it is not linked again
        var no4 = Text(SiteBuild.Real, "items/04.html");
        Assert.Contains(">財政調整基金</a>", no4);
        Assert.Contains("plan/1.html", SiteBuild.Real.Where(f => Encoding.UTF8.GetString(f.Content).Contains("class=\"ap-text__term\"")).Select(f => f.Path));
    }

    [Fact]
    public void Latin_terms_match_whole_words_and_the_longest_term_wins()
    {
        var terms = new List<GlossaryTerm> { new("AI", "", "x"), new("AI-OCR", "", "y"), new("基金", "", "z"), new("財政調整基金", "", "w") };
        var prose = new Prose(terms, "glossary.html");
        var runs = prose.Text("EMAILとAI-OCRとAIと財政調整基金と基金").Runs;
        Assert.Equal(["AI-OCR", "AI", "財政調整基金", "基金"], runs.OfType<TermRun>().Select(t => t.Text));
        Assert.Empty(prose.Text("AIと基金をもう一度").Runs.OfType<TermRun>());   // first use on the page only
    }

    [Fact]
    public void Without_a_glossary_there_is_no_glossary_page_and_no_term_link()
    {
        using var dir = Repo.CopyOf();
        File.Delete(dir["input/glossary.csv"]);
        var site = SiteBuild.Render(dir["input"]);
        Assert.DoesNotContain(site, f => f.Path == "glossary.html");
        Assert.All(Pages(site), p => Assert.DoesNotContain("glossary.html\"", p.Html));   // no link, from any folder
        Assert.All(Pages(site), p => Assert.DoesNotContain("ap-text__term", p.Html));
    }

    // ---- contact and the city's document ------------------------------------------------------------------

    [Fact]
    public void Every_page_shows_the_contact_route_and_links_the_original_document_when_plan_md_names_it()
    {
        Assert.All(Pages(SiteBuild.Real), p => Assert.DoesNotContain("元の資料", p.Html));   // the seed names no original yet
        using var dir = Repo.CopyOf();
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("公表: 2024-02\n", "公表: 2024-02\n原本: https://www.city.ogori.fukuoka.jp/docs/plan.pdf\n原本名: 小郡市行政経営行動計画 実施項目（PDF）\n"));
        var divisions = dir["input/divisions.csv"];
        File.WriteAllText(divisions, File.ReadAllText(divisions).Replace("総務広報課,somu-koho,,,,", "総務広報課,somu-koho,0942-72-2111,koho@example.lg.jp,,"));
        var site = SiteBuild.Render(dir["input"]);
        foreach (var (path, html) in Pages(site).Where(p => p.Path != "404.html"))
        {
            Assert.Contains("<a href=\"https://www.city.ogori.fukuoka.jp/docs/plan.pdf\">元の資料: 小郡市行政経営行動計画 実施項目（PDF）</a>", html);
            Assert.Contains("お問い合わせ: 小郡市総務広報課", html);
            Assert.Contains("<a href=\"tel:0942722111\">", html);
        }
        var policy = Text(site, "accessibility.html");
        Assert.Contains("<dl class=\"ap-contact\">", policy);
        Assert.Contains("mailto:koho@example.lg.jp", policy);
    }

    [Fact]
    public void An_original_that_is_not_an_address_is_a_located_error()
    {
        using var dir = Repo.CopyOf();
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("公表: 2024-02\n", "公表: 2024-02\n原本: 市のホームページ\n"));
        var result = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(result.Diagnostics, d => d.Code == "plan-original-shape");
        Assert.Equal(("input/plan.md", 11, "原本"), (error.File, error.Line, error.Field));
    }

    // ---- years at a glance ----------------------------------------------------------------------------------

    [Fact]
    public void Years_at_a_glance_appear_once_two_years_have_results()
    {
        Assert.DoesNotContain("ap-glance", Text(SiteBuild.Real, "index.html"));
        using var dir = Repo.CopyOf();
        Repo.Copy(Path.Combine(Repo.Root, "tests", "ActionPlan.Site.Tests", "Fixtures", "r5-results"), dir["input"]);
        File.Delete(dir["input/README.md"]);
        var index = Text(SiteBuild.Render(dir["input"]), "index.html");
        Assert.Contains("<caption class=\"ap-table__caption\" id=\"glance-caption\">年度ごとの年度計画達成度（令和4年度～令和5年度）</caption>", index);
        var table = index[index.IndexOf("ap-glance\"", StringComparison.Ordinal)..index.IndexOf("</table>", index.IndexOf("ap-glance\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Equal(16, Regex.Matches(table, "<th scope=\"row\"").Count);
        var no5 = table[table.IndexOf("items/05.html", StringComparison.Ordinal)..];
        no5 = no5[..no5.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Equal(["70%", "80%"], Regex.Matches(no5, "ap-meter__value\">([^<]+)<").Select(m => m.Groups[1].Value));
        Assert.Contains("ap-meter__words\">一部達成<", no5);         // words, not colour alone
    }
}

public class AccessibilityResultsPageTests
{
    [Fact]
    public void Pages_added_since_the_last_audit_are_named_and_pages_gone_are_not_linked()
    {
        using var dir = Repo.CopyOf();
        var results = dir["input/accessibility/results.json"];
        var json = File.ReadAllText(results);
        Assert.Contains("\"booklet.html\",", json);
        File.WriteAllText(results, json.Replace("\"booklet.html\",", "\"old-page.html\","));
        var page = Encoding.UTF8.GetString(SiteBuild.Render(dir["input"]).Single(f => f.Path == "accessibility-results.html").Content);
        Assert.Contains("<h2 class=\"ap-heading-l\" id=\"untested\">まだ試験していないページ</h2>", page);
        Assert.Contains("<li><a href=\"booklet.html\">booklet.html</a></li>", page[page.IndexOf("id=\"untested\"", StringComparison.Ordinal)..]);
        Assert.Contains("<li>old-page.html（現在のサイトにはないページ）</li>", page);
        Assert.DoesNotContain("href=\"old-page.html\"", page);
        Assert.DoesNotContain("id=\"untested\"", Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == "accessibility-results.html").Content));
    }
}
