using System.Text;
using ActionPlan.Domain;
using ActionPlan.Testing;

namespace ActionPlan.Input.Tests;

/// <summary>Excel saves CSV as Shift_JIS or UTF-8 with BOM; editors save UTF-8 without BOM; line endings vary.</summary>
public class LoaderEncodingTests
{
    private const string Csv =
        "年度,区分,内容,指標,目標値,実績値,単位,目標の種類,達成度対象,公表達成度\n" +
        "R4,実績,\"髙橋課長の報告、返礼品数700品との計画に対し、実績は831品。\",返礼品数,700品,831品,品,以上,,\n" +
        "R4,実績,\"寄附金額8億円との計画に対し、\n実績は5.59億円。(※)\",寄附金額,8億円,5.59億円,円,以上,※,70%\n" +
        "R5,計画,\"引用符\"\"付き\"\"の計画\",,,,,,,\n";

    public static TheoryData<string, string> Variants => new()
    {
        { "utf8-bom", "\r\n" }, { "utf8-bom", "\n" },
        { "utf8", "\r\n" }, { "utf8", "\n" },
        { "cp932", "\r\n" }, { "cp932", "\n" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Reads_each_encoding_and_line_ending(string encoding, string newline)
    {
        using var dir = Repo.CopyOf();
        var text = Csv.Replace("\n", newline);
        byte[] bytes = encoding switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf8" => new UTF8Encoding(false).GetBytes(text),
            _ => TextDecoder.ShiftJis.GetBytes(text),
        };
        if (encoding == "cp932") Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        File.WriteAllBytes(dir["input/items/05.csv"], bytes);

        var result = PlanLoader.Load(dir["input"], "input");

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        var item = result.Plan!.Items.Single(i => i.Number == 5);
        var r4 = item.Entries.Single(e => e.Kind == EntryKind.Result);
        Assert.Equal("髙橋課長の報告、返礼品数700品との計画に対し、実績は831品。", r4.Lines[0].Text);
        Assert.Equal($"寄附金額8億円との計画に対し、{newline}実績は5.59億円。(※)".Replace("\r\n", "\n"), r4.Lines[1].Text.Replace("\r\n", "\n"));
        Assert.Equal(559_000_000m, r4.Lines[1].Indicators.Single().Actual!.Value);
        Assert.Equal("引用符\"付き\"の計画", item.Entries.Single(e => e.Kind == EntryKind.Plan).Lines.Single().Text);
        Assert.Equal(70, AchievementRule.For(item, new FiscalYear(4)).Percent);
    }

    [Fact]
    public void Reads_Markdown_in_Shift_JIS_with_CRLF()
    {
        using var dir = Repo.CopyOf();
        var md = File.ReadAllText(dir["input/items/05.md"]).Replace("\n", "\r\n").Replace("ふるさと納税の推進", "髙ふるさと納税の推進");
        File.WriteAllBytes(dir["input/items/05.md"], TextDecoder.ShiftJis.GetBytes(md));
        var result = PlanLoader.Load(dir["input"], "input");
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Equal("髙ふるさと納税の推進", result.Plan!.Items.Single(i => i.Number == 5).Name);
    }

    [Fact]
    public void Decoder_prefers_BOM_then_strict_UTF8_then_CP932()
    {
        Assert.True(TextDecoder.TryDecode([0xEF, 0xBB, 0xBF, 0x41], out var a, out var ea));
        Assert.Equal(("A", TextDecoder.Detected.Utf8Bom), (a, ea));
        Assert.True(TextDecoder.TryDecode(Encoding.UTF8.GetBytes("髙"), out var b, out var eb));
        Assert.Equal(("髙", TextDecoder.Detected.Utf8), (b, eb));
        Assert.True(TextDecoder.TryDecode(TextDecoder.ShiftJis.GetBytes("髙"), out var c, out var ec));
        Assert.Equal(("髙", TextDecoder.Detected.ShiftJis), (c, ec));
    }
}
