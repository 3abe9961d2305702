using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// A page's JSON-LD (schema.org): the WebSite, the city as GovernmentOrganization with its 全国地方公共団体コード, the
/// page's BreadcrumbList, and — on the open data page — the Dataset with its downloads. Written with a fixed order and
/// an encoder that escapes 「&lt;」, so the block cannot close its own script element and the bytes never vary.
/// </summary>
public static class StructuredData
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Of(Page page, Action<Utf8JsonWriter>? extra = null)
    {
        var site = page.Site;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteStartArray("@graph");

            w.WriteStartObject();
            w.WriteString("@type", "WebSite");
            w.WriteString("@id", page.AddressOf(Slugs.Home) + "#website");
            w.WriteString("name", site.Title);
            w.WriteString("url", page.AddressOf(Slugs.Home));
            w.WriteString("inLanguage", "ja");
            w.WriteStartObject("publisher");
            w.WriteString("@id", page.AddressOf(Slugs.Home) + "#city");
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject();
            w.WriteString("@type", "GovernmentOrganization");
            w.WriteString("@id", page.AddressOf(Slugs.Home) + "#city");
            w.WriteString("name", site.City);
            if (site.MunicipalityCode is { } code)
            {
                w.WriteStartObject("identifier");
                w.WriteString("@type", "PropertyValue");
                w.WriteString("propertyID", site.CodeLabel);
                w.WriteString("value", code);
                w.WriteEndObject();
            }
            w.WriteStartObject("address");
            w.WriteString("@type", "PostalAddress");
            if (site.Prefecture.Length > 0) w.WriteString("addressRegion", site.Prefecture);
            w.WriteString("addressLocality", site.City);
            w.WriteString("addressCountry", "JP");
            w.WriteEndObject();
            w.WriteEndObject();

            if (page.Breadcrumbs.Count > 0)
            {
                w.WriteStartObject();
                w.WriteString("@type", "BreadcrumbList");
                w.WriteStartArray("itemListElement");
                for (var i = 0; i < page.Breadcrumbs.Count; i++)
                {
                    var crumb = page.Breadcrumbs[i];
                    w.WriteStartObject();
                    w.WriteString("@type", "ListItem");
                    w.WriteNumber("position", i + 1);
                    w.WriteString("name", crumb.Text);
                    w.WriteString("item", page.AddressOf(FromRoot(page.Path, crumb.Href)));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            extra?.Invoke(w);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A link's target as a path from the site root (its href is relative to <paramref name="from"/>).</summary>
    public static string FromRoot(string from, string href)
    {
        var resolved = new Uri(new Uri("https://site.invalid/" + from), href).AbsolutePath.TrimStart('/');
        return resolved.Length == 0 ? Slugs.Home : Uri.UnescapeDataString(resolved);
    }

    /// <summary>The open data page's Dataset: what it is, its licence, period, place and downloads.</summary>
    public static Action<Utf8JsonWriter> Dataset(OpenDataPage page) => w =>
    {
        var site = page.Site;
        w.WriteStartObject();
        w.WriteString("@type", "Dataset");
        w.WriteString("name", page.Heading + " " + site.City + "「" + site.Title + "」");
        w.WriteString("description", page.Lead ?? site.Description);
        w.WriteString("url", page.AddressOf(page.Path));
        w.WriteString("license", site.LicenceUrl);
        w.WriteString("inLanguage", "ja");
        w.WriteString("temporalCoverage", site.Temporal);
        w.WriteStartObject("spatialCoverage");
        w.WriteString("@type", "Place");
        w.WriteString("name", site.Prefecture + site.City);
        w.WriteEndObject();
        w.WriteStartObject("creator");
        w.WriteString("@id", page.AddressOf(Slugs.Home) + "#city");
        w.WriteEndObject();
        w.WriteStartArray("distribution");
        foreach (var file in page.Files)
        {
            var path = FromRoot(page.Path, file.Link.Href);
            w.WriteStartObject();
            w.WriteString("@type", "DataDownload");
            w.WriteString("name", file.Link.Text);
            w.WriteString("contentUrl", page.AddressOf(path));
            w.WriteString("encodingFormat", Path.GetExtension(path) switch { ".csv" => "text/csv", ".jsonld" => "application/ld+json", _ => "application/json" });
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    };
}
