using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using RazorLight;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// Base class of every theme template. Its encoder leaves Japanese as characters (RazorLight's default writes
/// &amp;#x...; for anything outside ASCII) while still escaping &lt; &gt; &amp; &quot; ' for HTML. Every number a
/// template writes, in text or in an attribute, is formatted with the invariant culture: the same bytes under any OS
/// culture (a German locale would otherwise write the SVG coordinate 164.8 as 「164,8」).
/// </summary>
public abstract class ThemePage<TModel> : TemplatePage<TModel>, IUsesWords
{
    /// <summary>The theme's words (words/ja.txt), given to every template before it runs.</summary>
    public Words Words { get; set; } = null!;

    /// <summary>A status's words (status.achieved …), from the theme's words file.</summary>
    protected string Status(ActionPlan.Rendering.Site.AchievementView achievement) => achievement.Word(Words);

    /// <summary>An achievement in a table cell: 「70%（一部達成）」, the words alone when there is no figure, empty for none.</summary>
    protected string AchievementText(ActionPlan.Rendering.Site.AchievementView? achievement) =>
        achievement is null ? "" : (achievement.Percent is null ? Status(achievement) : $"{achievement.Display}（{Status(achievement)}）")
            + (achievement.StaffText(Words) is { } staff ? " " + staff : "");

    /// <summary>The document title (title.home on the home page, title.page elsewhere).</summary>
    protected string DocumentTitle(ActionPlan.Rendering.Site.Page page) => page.IsHome
        ? Words.Format("title.home", ("title", page.Site.Title), ("city", page.Site.City))
        : Words.Format("title.page", ("heading", page.Heading), ("title", page.Site.Title), ("city", page.Site.City));

    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    protected ThemePage() => HtmlEncoder = Encoder;

    private static object? Invariant(object? value) =>
        value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value;

    public override void Write(object? value) => base.Write(Invariant(value));

    /// <summary>Running text (signed figures, 用語集 links) through the text component: <c>@{ await TextAsync(x); }</c>.</summary>
    protected Task TextAsync(ActionPlan.Rendering.Site.TextView? text) =>
        text is null || text.IsEmpty ? Task.CompletedTask : IncludeAsync("components/text/_Text.cshtml", text);

    public new void WriteAttributeValue(string prefix, int prefixOffset, object? value, int valueOffset, int valueLength, bool isLiteral) =>
        base.WriteAttributeValue(prefix, prefixOffset, Invariant(value), valueOffset, valueLength, isLiteral);
}

/// <summary>A template that reads the theme's words: the renderer hands them over before it runs.</summary>
public interface IUsesWords
{
    Words Words { set; }
}
