using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Domain;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// The 試験結果 page as JIS X 8341-3:2016 Annex JB asks (issue 22): every field from data — 表明日, the standard and level,
/// the 対応度, the technologies relied upon, how the pages were chosen and how many, the tested URLs (absolute with
/// --base-url), the period and who tested — and the 対応度 following the people's checks: all answered and none failing is
/// 準拠, one 不適合 is 一部準拠, a check more than a year before this edition's 公表 is shown as due.
/// </summary>
public partial class AccessibilityReportTests
{
    private const string BaseUrl = "https://www.city.ogori.fukuoka.jp/actionplan";

    [GeneratedRegex("<dt class=\"ap-summary-list__key\">(?<k>[^<]+)</dt><dd class=\"ap-summary-list__value\">(?<v>.*?)</dd>")]
    private static partial Regex Field();

    private static Dictionary<string, string> Fields(string html) =>
        Field().Matches(html).ToDictionary(m => m.Groups["k"].Value, m => Regex.Replace(m.Groups["v"].Value, "<[^>]+>", " ").Trim());

    private static string Page(string input, string? baseUrl = null) =>
        Encoding.UTF8.GetString(SiteBuild.Render(input, baseUrl).Single(f => f.Path == "accessibility-results.html").Content);

    [Fact]
    public void The_report_carries_every_annex_jb_field()
    {
        var html = Page(Repo.Input, BaseUrl);
        var fields = Fields(html);
        foreach (var key in new[] { "規格", "目標とする適合レベル", "表記（対応度）", "表明日", "依存したウェブコンテンツ技術", "試験対象ページの選択方法", "対象ページ", "試験期間", "試験実施者" })
            Assert.True(fields.TryGetValue(key, out var value) && value.Length > 0 && value != "—", $"{key}: {(fields.TryGetValue(key, out var v) ? v : "missing")}");
        Assert.Equal("HTML、CSS、SVG、JavaScript", fields["依存したウェブコンテンツ技術"]);
        Assert.Contains("サイトの全ページ（40ページ）", fields["試験対象ページの選択方法"]);
        Assert.Contains("axe-core", fields["試験実施者"]);
        Assert.Contains($"<li><a href=\"{BaseUrl}/items/05.html\">{BaseUrl}/items/05.html</a></li>", html);   // the tested URLs, absolute
        Assert.Contains("JIS X 8341-3:2016 の適合レベル AA に配慮", fields["表記（対応度）"]);                // people have not checked yet
    }

    private static Repo.TempDir WithManual(Func<WcagCriterion, (string Result, string Date)> answer)
    {
        var dir = Repo.CopyOf();
        var rows = Wcag20.All.Select(c => answer(c) is var (result, date) ? $"{c.Number},{result},{date},広報 太郎,確かめました" : "");
        File.WriteAllText(dir["input/accessibility/manual.csv"], "達成基準,結果,確認日,確認者,メモ\r\n" + string.Join("\r\n", rows) + "\r\n", new UTF8Encoding(true));
        return dir;
    }

    [Fact]
    public void Every_criterion_answered_and_none_failing_is_conformance_and_one_failure_is_partial()
    {
        using (var all = WithManual(c => (c.Number is "1.2.1" or "1.2.2" or "1.2.3" or "1.2.4" or "1.2.5" or "1.4.2" ? "該当なし" : "適合", "2024-01-20")))
        {
            var fields = Fields(Page(all["input"]));
            Assert.Equal("JIS X 8341-3:2016 の適合レベル AA に準拠", fields["表記（対応度）"]);
            Assert.Contains("人による確認: 広報 太郎", fields["試験実施者"]);
            Assert.Equal("2024年1月20日～2026年12月3日", fields["試験期間"]);   // the people's checks, then the audit
            Assert.Equal("2026年12月3日", fields["表明日"]);
            Assert.Contains("自動と人による確認", Page(all["input"]));   // a criterion checked by both says so
        }
        using var one = WithManual(c => (c.Number == "2.4.6" ? "不適合" : "適合", "2024-01-20"));
        Assert.Equal("JIS X 8341-3:2016 の適合レベル AA に一部準拠", Fields(Page(one["input"]))["表記（対応度）"]);
    }

    [Fact]
    public void A_check_more_than_a_year_before_this_edition_is_shown_as_due()
    {
        // This edition's 公表 is 2024-02: a check of 2023-01 is 13 months old (due), one of 2023-02 is 12 (not yet).
        using var dir = WithManual(c => ("適合", c.Number == "1.1.1" ? "2023-01-15" : "2023-02-15"));
        var html = Page(dir["input"]);
        var row = Regex.Match(html, "<th scope=\"row\" class=\"ap-table__cell ap-checklist__fixed\">1.1.1</th>.*?</tr>").Value;
        Assert.Contains("確認から1年以上たっています（再確認の時期です）", row);
        var next = Regex.Match(html, "<th scope=\"row\" class=\"ap-table__cell ap-checklist__fixed\">1.2.1</th>.*?</tr>").Value;
        Assert.DoesNotContain("再確認", next);
        Assert.Contains("確認から1年以上たった達成基準1項目", html);
        Assert.True(AccessibilityChecklist.IsDue("2023-01-15", 2024, 2));
        Assert.False(AccessibilityChecklist.IsDue("2023-02-15", 2024, 2));
    }
}
