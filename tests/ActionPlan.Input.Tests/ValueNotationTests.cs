using ActionPlan.Domain;

namespace ActionPlan.Input.Tests;

public class ValueNotationTests
{
    [Theory]
    [InlineData("15億円", 1_500_000_000, "円", false, "15億円")]
    [InlineData("約9億円", 900_000_000, "円", true, "約9億円")]
    [InlineData("1,700万円", 17_000_000, "円", false, "1,700万円")]
    [InlineData("約1,700万円", 17_000_000, "円", true, "約1,700万円")]
    [InlineData("8,685,800円", 8_685_800, "円", false, "8,685,800円")]
    [InlineData("5.59億円", 559_000_000, "円", false, "5.59億円")]
    [InlineData("173.3億円", 17_330_000_000, "円", false, "173.3億円")]
    [InlineData("67.27%", 67.27, "%", false, "67.27%")]
    [InlineData("▲600時間", -600, "時間", false, "▲600時間")]
    [InlineData("△600時間", -600, "時間", false, "▲600時間")]
    [InlineData("−600時間", -600, "時間", false, "▲600時間")]
    [InlineData("+5,100時間", 5100, "時間", false, "+5,100時間")]
    [InlineData("＋5,100時間", 5100, "時間", false, "+5,100時間")]
    [InlineData("10.93日", 10.93, "日", false, "10.93日")]
    [InlineData("8,104", 8104, "", false, "8,104")]
    [InlineData("１００％", 100, "%", false, "100%")]
    [InlineData("１，０００品", 1000, "品", false, "1,000品")]
    [InlineData(" 26手続 ", 26, "手続", false, "26手続")]
    [InlineData("500万円", 5_000_000, "円", false, "500万円")]
    public void Reads_every_notation_staff_use(string written, decimal value, string unit, bool approx, string display)
    {
        var result = ValueNotation.Parse(written);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(value, result.Value!.Value);
        Assert.Equal(unit, result.Value.Unit);
        Assert.Equal(approx, result.Value.Approximate);
        Assert.Equal(display, result.Value.Display);
    }

    [Theory]
    [InlineData("±5,100時間", "±")]        // the document's slip: plus or minus?
    [InlineData("10,93日", "桁区切り")]      // the document's slip: comma for a decimal point
    [InlineData("1,00", "桁区切り")]
    [InlineData("abc", "読めません")]
    [InlineData("約", "読めません")]
    [InlineData("", "空")]
    [InlineData("8億円 9億円", "読めません")]
    [InlineData("1.2.3億円", "読めません")]
    [InlineData("億円", "読めません")]
    public void Refuses_what_stays_ambiguous_with_a_Japanese_reason(string written, string reasonContains)
    {
        var result = ValueNotation.Parse(written);
        Assert.False(result.Ok);
        Assert.Contains(reasonContains, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Hint));
    }

    [Theory]
    [InlineData("70%", 70)]
    [InlineData("７０％", 70)]
    [InlineData("100%", 100)]
    [InlineData("—", null)]
    [InlineData("-", null)]
    public void Reads_published_achievements(string cell, int? percent)
    {
        var (value, error) = ValueNotation.ParsePublished(cell);
        Assert.Null(error);
        Assert.Equal(new PublishedAchievement(percent), value);
    }

    [Theory]
    [InlineData("70")]
    [InlineData("120%")]
    [InlineData("七割")]
    public void Refuses_unreadable_published_achievements(string cell) =>
        Assert.NotNull(ValueNotation.ParsePublished(cell).Error);

    [Fact]
    public void Normalizing_gives_what_NFKC_gives_for_every_character_it_does_not_hand_to_ICU()
    {
        // Normalize skips the ICU call for text made only of printable ASCII, Japanese punctuation and brackets, hiragana
        // and katakana letters and CJK ideographs; that is right only if NFKC maps each of them to itself, which this checks one by one.
        foreach (var (from, to) in ValueNotation.NfkcStableRanges)
            for (var c = from; c <= to; c++)
                Assert.True(c.ToString() == c.ToString().Normalize(System.Text.NormalizationForm.FormKC), $"U+{(int)c:X4}");
        // Text that mixes them with full-width forms still goes through NFKC.
        Assert.Equal("1,234件", ValueNotation.Normalize("１，２３４件"));
        Assert.Equal("ガ-1", ValueNotation.Normalize("ｶﾞ−１"));
    }
}
