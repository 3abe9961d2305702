using ActionPlan.Domain;

namespace ActionPlan.Domain.Tests;

public class QuantityTests
{
    [Fact]
    public void Shows_figures_as_the_document_writes_them()
    {
        Assert.Equal("約9億円", new Quantity(900_000_000, "円", true, Magnitude.Oku).Display);
        Assert.Equal("5.59億円", new Quantity(559_000_000, "円", false, Magnitude.Oku, 2).Display);
        Assert.Equal("約1,700万円", new Quantity(17_000_000, "円", true, Magnitude.Man).Display);
        Assert.Equal("8,685,800円", new Quantity(8_685_800, "円").Display);
        Assert.Equal("▲600時間", new Quantity(-600, "時間").Display);
        Assert.Equal("+5,100時間", new Quantity(5100, "時間", ExplicitPlus: true).Display);
        Assert.Equal("67.27%", new Quantity(67.27m, "%", Decimals: 2).Display);
    }

    [Fact]
    public void Speaks_minus_and_plus_in_words_and_gives_plain_numbers_to_machines()
    {
        Assert.Equal("マイナス600時間", new Quantity(-600, "時間").Spoken);
        Assert.Equal("-600", new Quantity(-600, "時間").Plain);
        Assert.Equal("559000000", new Quantity(559_000_000, "円", false, Magnitude.Oku, 2).Plain);
        Assert.Equal("10.93", new Quantity(10.93m, "日", Decimals: 2).Plain);
    }

    [Fact]
    public void Fiscal_years_read_in_both_calendars()
    {
        var r4 = new FiscalYear(4);
        Assert.Equal("令和4年度（2022年度）", r4.JapaneseWithWestern);
        Assert.Equal("令和元年度", new FiscalYear(1).Japanese);
        Assert.Equal(r4, FiscalYear.FromWestern(2022));
        Assert.True(r4 < r4.Next);
    }
}

public class LinkRulesTests
{
    [Theory]
    [InlineData("https://www.city.ogori.fukuoka.jp/", true)]
    [InlineData("http://example.jp/a", true)]
    [InlineData("mailto:somu@city.example.jp", true)]
    [InlineData("../items/05.html", true)]
    [InlineData("#top", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JaVaScRiPt :alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("", false)]
    public void Only_web_mail_and_relative_links_are_allowed(string url, bool allowed) => Assert.Equal(allowed, LinkRules.IsAllowed(url));
}
