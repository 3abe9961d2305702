using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ActionPlan.Domain;
using ActionPlan.Rendering.Site;
using ActionPlan.Rendering.Theme;

namespace ActionPlan.Rendering.OpenData;

/// <summary>A file the catalogue lists: its path in the site, its bytes, media type and the theme word that names it.</summary>
public sealed record CatalogFile(string Path, byte[] Content, string MediaType, string Format, string TitleWord);

/// <summary>
/// The open data described for a data catalogue (opendata/catalog.jsonld): DCAT in JSON-LD, which CKAN (the national
/// catalogue's software) harvests — dcat:Catalog → dcat:Dataset → dcat:Distribution per file with its download URL,
/// media type, size and SHA-256 checksum; publisher with the 全国地方公共団体コード, the contact point from divisions.csv,
/// issued/modified from 公表 (never the clock), the plan's period as temporal coverage and the municipality as spatial
/// coverage, and the plan's licence. Written with a fixed property order, so the same plan gives the same bytes.
/// </summary>
public static class OpenDataCatalog
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Build(Plan plan, Words words, string? baseUrl, IReadOnlyList<CatalogFile> files)
    {
        var info = plan.Info;
        string Url(string path) => baseUrl is null ? System.IO.Path.GetFileName(path) : SiteLinks.Absolute(baseUrl, path);
        var licenceUrl = words[$"licence.{info.Licence}.url"];
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            w.WriteString("dcat", "http://www.w3.org/ns/dcat#");
            w.WriteString("dct", "http://purl.org/dc/terms/");
            w.WriteString("foaf", "http://xmlns.com/foaf/0.1/");
            w.WriteString("vcard", "http://www.w3.org/2006/vcard/ns#");
            w.WriteString("spdx", "http://spdx.org/rdf/terms#");
            w.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
            w.WriteEndObject();
            w.WriteString("@type", "dcat:Catalog");
            if (baseUrl is not null) w.WriteString("@id", Url(OpenDataWriterPaths.Catalog));
            w.WriteString("dct:title", words.Format("catalog.title", ("city", info.City), ("title", info.Title)));
            w.WriteString("dct:language", "ja");
            w.WritePropertyName("dct:publisher");
            Publisher(w, info);
            w.WriteStartArray("dcat:dataset");
            w.WriteStartObject();
            w.WriteString("@type", "dcat:Dataset");
            w.WriteString("dct:identifier", (info.MunicipalityCode is { } code ? code + "-" : "") + info.Start.Western.ToString(CultureInfo.InvariantCulture) + "-" + info.Title);
            w.WriteString("dct:title", $"{info.Title} {info.Subtitle}");
            w.WriteString("dct:description", words["opendata.lead"]);
            w.WritePropertyName("dct:publisher");
            Publisher(w, info);
            if (plan.DivisionNamed(info.Publisher) is { } division)
            {
                w.WriteStartObject("dcat:contactPoint");
                w.WriteString("@type", "vcard:Organization");
                w.WriteString("vcard:fn", $"{info.City} {division.Name}");
                if (division.Email.Length > 0) w.WriteString("vcard:hasEmail", "mailto:" + division.Email);
                if (division.Phone.Length > 0) w.WriteString("vcard:hasTelephone", "tel:" + division.Phone);
                if (division.Url.Length > 0) w.WriteString("vcard:hasURL", division.Url);
                w.WriteEndObject();
            }
            if (info.PublishedKey is { } month)
            {
                Typed(w, "dct:issued", month, "xsd:gYearMonth");
                Typed(w, "dct:modified", month, "xsd:gYearMonth");
            }
            w.WriteStartObject("dct:temporal");
            w.WriteString("@type", "dct:PeriodOfTime");
            Typed(w, "dcat:startDate", info.Start.FirstDay, "xsd:date");
            Typed(w, "dcat:endDate", info.End.LastDay, "xsd:date");
            w.WriteEndObject();
            w.WriteStartObject("dct:spatial");
            w.WriteString("@type", "dct:Location");
            w.WriteString("dct:title", info.Prefecture + info.City);
            if (info.MunicipalityCode is { } spatial) w.WriteString("dct:identifier", spatial);
            w.WriteEndObject();
            w.WriteStartObject("dct:license");
            w.WriteString("@id", licenceUrl);
            w.WriteEndObject();
            w.WriteStartArray("dcat:distribution");
            foreach (var file in files)
            {
                w.WriteStartObject();
                w.WriteString("@type", "dcat:Distribution");
                w.WriteString("dct:title", words[file.TitleWord]);
                w.WriteStartObject("dcat:downloadURL");
                w.WriteString("@id", Url(file.Path));
                w.WriteEndObject();
                w.WriteStartObject("dcat:mediaType");
                w.WriteString("@id", "https://www.iana.org/assignments/media-types/" + file.MediaType);
                w.WriteEndObject();
                w.WriteString("dct:format", file.Format);
                Typed(w, "dcat:byteSize", file.Content.LongLength.ToString(CultureInfo.InvariantCulture), "xsd:nonNegativeInteger");
                w.WriteStartObject("spdx:checksum");
                w.WriteString("@type", "spdx:Checksum");
                w.WriteStartObject("spdx:algorithm");
                w.WriteString("@id", "spdx:checksumAlgorithm_sha256");
                w.WriteEndObject();
                w.WriteString("spdx:checksumValue", Convert.ToHexStringLower(SHA256.HashData(file.Content)));
                w.WriteEndObject();
                w.WriteStartObject("dct:license");
                w.WriteString("@id", licenceUrl);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Publisher(Utf8JsonWriter w, PlanInfo info)
    {
        w.WriteStartObject();
        w.WriteString("@type", "foaf:Organization");
        w.WriteString("foaf:name", info.City);
        if (info.MunicipalityCode is { } code) w.WriteString("dct:identifier", code);
        w.WriteEndObject();
    }

    private static void Typed(Utf8JsonWriter w, string name, string value, string type)
    {
        w.WriteStartObject(name);
        w.WriteString("@value", value);
        w.WriteString("@type", type);
        w.WriteEndObject();
    }
}
