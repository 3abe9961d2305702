using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Testing;
using AngleSharp.Html.Parser;

namespace ActionPlan.Site.Tests;

/// <summary>Every item page shows its seed data verbatim, and the open data follows the municipal conventions.</summary>
public class ContentTests
{
    private static readonly Plan Plan = PlanLoader.Load(Repo.Input).Plan!;

    private static string TextOf(string path)
    {
        var html = Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == path).Content);
        using var doc = new HtmlParser().ParseDocument(html);
        // What a sighted reader sees: the spoken forms for screen readers (マイナス600) are not part of the transcription.
        foreach (var hidden in doc.QuerySelectorAll(".ap-visually-hidden").ToList()) hidden.Remove();
        return Regex.Replace(doc.Body!.TextContent, @"\s+", " ");
    }

    private static string Squash(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    public static TheoryData<int> Numbers => new(Enumerable.Range(1, 16));

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Each_item_page_shows_its_source_text_verbatim(int number)
    {
        var item = Plan.Items.Single(i => i.Number == number);
        var text = TextOf($"items/{number:D2}.html");
        Assert.Contains(item.Name, text);
        foreach (var d in item.Divisions) Assert.Contains(d, text);
        foreach (var g in item.Issues.Groups.Concat(item.Goals.Groups))
        {
            if (g.Heading is not null) Assert.Contains(g.Heading, text);
            foreach (var b in g.Bullets) { Assert.Contains(Squash(b.Text), text); foreach (var t in b.Tags) Assert.Contains(t, text); }
            foreach (var n in g.Notes) Assert.Contains(Squash(n), text);
        }
        foreach (var line in item.Entries.SelectMany(e => e.Lines)) Assert.Contains(Squash(line.Text), text);
        Assert.Contains("令和4年度（2022年度）", text);
        // The published R4 figures (DOMAIN.md), written out: the expected value is not computed with the rule under test.
        string[] published = ["100%", "100%", "100%", "100%", "70%", "100%", "100%", "100%", "100%", "67%", "100%", "100%", "100%", "100%", "46%", "—"];
        var html = Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == $"items/{number:D2}.html").Content);
        Assert.Contains($"<span class=\"ap-meter__value\">{published[number - 1]}</span>", html);
    }

    [Fact]
    public void The_index_lists_all_items_with_their_latest_achievement_and_a_summary()
    {
        var text = TextOf("index.html");
        foreach (var item in Plan.Items) Assert.Contains(item.Name, text);
        Assert.Contains("令和4年度（2022年度）実績のまとめ", text);
        Assert.Contains("12項目 達成", text);
        Assert.Contains("3項目 一部達成", text);
        Assert.Contains("1項目 評価対象外", text);
    }

    [Fact]
    public void Minus_signs_are_read_out_and_status_is_never_colour_alone()
    {
        var html = Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == "items/15.html").Content);
        // the indicator table: a signed target says what it means, in words that are shown and read
        Assert.Contains("<span aria-hidden=\"true\">▲600時間</span><span class=\"ap-figure__meaning\">600時間以上の削減</span>", html);
        Assert.Contains("<span aria-hidden=\"true\">&#x2B;5,100時間</span><span class=\"ap-figure__meaning\">5,100時間の増加</span>", html);
        // the result sentence: the same signs, read as マイナス／プラス
        Assert.Contains("前年度比<span class=\"ap-text__signed\"><span aria-hidden=\"true\">▲600</span><span class=\"ap-visually-hidden ap-text__spoken\">マイナス600</span></span>時間以上", html);
        Assert.Contains("実績は<span class=\"ap-text__signed\"><span aria-hidden=\"true\">&#x2B;5,100</span><span class=\"ap-visually-hidden ap-text__spoken\">プラス5,100</span></span>時間", html);
        Assert.Contains("<span class=\"ap-meter__words\">一部達成</span>", html);
    }

    [Fact]
    public void Open_data_csv_is_utf8_with_bom_one_record_per_indicator_with_plain_numbers()
    {
        var bytes = SiteBuild.Real.Single(f => f.Path == "opendata/achievements.csv").Content;
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("自治体名,計画名,項目番号,項目名,担当課,実施方針,年度,西暦年度,指標,目標値", lines[0]);
        var indicators = Plan.Items.Sum(i => i.Entries.Where(e => e.Kind == EntryKind.Result).Sum(e => Math.Max(1, e.Lines.Sum(l => l.Indicators.Count))));
        Assert.Equal(indicators, lines.Length - 1);
        var overtime = lines.Single(l => l.Contains("時間外勤務時間数（前年度比）"));
        Assert.Contains(",-600,▲600時間,5100,'+5,100時間,時間,以上,1,0.0,46,46", overtime.Replace("\"", ""));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+5,100時間", "'+5,100時間")]
    [InlineData("-600", "'-600")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("寄附金額", "寄附金額")]
    public void Spreadsheet_formulas_in_text_cells_are_neutralised(string text, string expected) =>
        Assert.Equal(expected, ActionPlan.Rendering.OpenData.OpenDataWriter.Guard(text));

    [Fact]
    public void Open_data_json_holds_the_whole_plan()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(SiteBuild.Real.Single(f => f.Path == "opendata/plan.json").Content);
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(16, items.Count);
        var r4 = items[4].GetProperty("years").EnumerateArray().First();
        Assert.Equal(2022, r4.GetProperty("year").GetInt32());
        Assert.Equal(70, r4.GetProperty("achievement").GetInt32());
    }

    [Fact]
    public void Pages_have_no_inline_script_or_style_so_a_strict_CSP_holds()
    {
        foreach (var file in SiteBuild.Real.Where(f => f.Path.EndsWith(".html")))
        {
            // The only scripts: the theme's search script and the search index (files of the site, deferred), and the
            // structured data block (JSON-LD, which a browser never runs); no inline script runs under the CSP.
            var html = System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(file.Content),
                @"<script src=""(?:\.\./)*(?:assets/search\.js|search/index\.js)"" defer></script>|<script type=""application/ld\+json"">[^<]*</script>", "");
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotMatch(@"\sstyle=", html);
            Assert.DoesNotMatch(@"\son[a-z]+=", html);
        }
    }
}
