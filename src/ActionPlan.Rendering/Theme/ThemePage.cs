using System.Text.Encodings.Web;
using System.Text.Unicode;
using RazorLight;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// Base class of every theme template. Its encoder leaves Japanese as characters (RazorLight's default writes
/// &amp;#x...; for anything outside ASCII) while still escaping &lt; &gt; &amp; &quot; ' for HTML.
/// </summary>
public abstract class ThemePage<TModel> : TemplatePage<TModel>
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    protected ThemePage() => HtmlEncoder = Encoder;
}
