using System.Text;
using System.Text.Json;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>No input can inject markup: every field carries XSS payloads and the output only ever shows them as text.</summary>
public class HostileInputTests
{
    [Fact]
    public void Payloads_in_every_field_appear_only_as_encoded_text()
    {
        using var dir = Hostile.Input(out var placements);
        Assert.True(placements > 150, $"{placements} placements");
        var files = SiteBuild.Render(dir["input"]);
        var html = files.Where(f => f.Path.EndsWith(".html")).ToList();
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var file in html)
        {
            var text = Encoding.UTF8.GetString(file.Content);
            using var doc = parser.ParseDocument(text);
            foreach (var tag in new[] { "iframe", "img", "style", "math", "object", "embed", "b", "u" })
                Assert.True(doc.QuerySelectorAll(tag).Length == 0, $"{file.Path} has a <{tag}> element");
            // Scripts: only the site's own files, and the structured data, which must parse and hold no markup.
            foreach (var script in doc.QuerySelectorAll("script"))
            {
                var src = script.GetAttribute("src");
                if (src is not null) { Assert.Matches(@"^(?:\.\./)*(?:assets/search\.js|search/index\.js)$", src); continue; }
                Assert.Equal("application/ld+json", script.GetAttribute("type"));
                Assert.DoesNotContain("<", script.TextContent);
                using var json = System.Text.Json.JsonDocument.Parse(script.TextContent);
            }
            foreach (var element in doc.All)
                foreach (var attr in element.Attributes)
                {
                    Assert.False(attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{file.Path}: <{element.LocalName} {attr.Name}>");
                    Assert.False(attr.Name == "style", $"{file.Path}: style attribute on <{element.LocalName}>");
                    if (attr.Name is "href" or "src" or "action" or "formaction")
                        Assert.False(attr.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{file.Path}: {attr.Name}={attr.Value}");
                }
            Assert.All(doc.QuerySelectorAll("svg"), s => Assert.True(s.ClassList.Contains("ap-meter__bar") || s.ClassList.Contains("ap-chart__svg") || s.ClassList.Contains("ap-kpi-chart__svg"), $"{file.Path}: unexpected <svg>"));
        }
        var all = string.Concat(html.Select(f => Encoding.UTF8.GetString(f.Content)));
        Assert.Contains("&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;", all);
        Assert.Contains("&amp;lt;script&amp;gt;", all);      // an entity trick stays literal text
        Assert.Contains("＜script＞", all);                     // full-width is not folded into markup
    }

    [Fact]
    public void Json_and_csv_carry_payloads_as_data_and_neutralise_formulas()
    {
        using var dir = Hostile.Input(out _);
        var files = SiteBuild.Render(dir["input"]);
        using var json = JsonDocument.Parse(files.Single(f => f.Path == "opendata/plan.json").Content);
        var names = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Contains(names, n => Hostile.Payloads.Contains(n));
        var csv = Encoding.UTF8.GetString(files.Single(f => f.Path == "opendata/achievements.csv").Content);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
    }

    [Theory]
    [InlineData("[こちら](javascript:alert(1))", "markdown-unsafe-link")]
    [InlineData("[こちら](JaVaScRiPt:alert(1))", "markdown-unsafe-link")]
    [InlineData("[こちら](data:text/html;base64,PHNjcmlwdD4=)", "markdown-unsafe-link")]
    [InlineData("[こちら](vbscript:msgbox)", "markdown-unsafe-link")]
    [InlineData("![画像](https://evil.example/x.png)", "markdown-image")]
    public void Unsafe_links_in_prose_are_refused_at_load(string markdown, string code)
    {
        using var dir = Repo.CopyOf();
        File.AppendAllText(dir["input/chapters/2.md"], "\n" + markdown + "\n");
        var run = Cli.Invoke("check", "--input", dir["input"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(code, run.Err);
        Assert.Contains("chapters/2.md:", run.Err);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "x")]
    [InlineData("[x](https://www.city.ogori.fukuoka.jp/)", "<a href=\"https://www.city.ogori.fukuoka.jp/\">x</a>")]
    [InlineData("| a | b |\n|:--|--:|\n| 1 | 2 |", "class=\"ap-align-left\"")]
    public void Prose_rendering_is_a_second_line_of_defence(string markdown, string expected)
    {
        var html = ActionPlan.Rendering.Site.ProseMarkdown.ToHtml(markdown);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("style=", html);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("C:\\x")]
    [InlineData("政策")]
    public void Names_from_input_never_leave_the_output_folder(string code)
    {
        var path = ActionPlan.Rendering.Site.Slugs.Policy(code);
        Assert.Matches("^policies/[0-9A-Za-z-]+\\.html$", path);
        Assert.Matches("^divisions/d-[0-9a-f]{10}\\.html$", ActionPlan.Rendering.Site.Slugs.Division(code));
        Assert.Throws<ActionPlan.Site.Output.OutputException>(() => ActionPlan.Site.Output.SiteWriter.SafeCombine("/tmp/site", "../" + code));
    }
}
