using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// The Atom feed (RFC 4287, feed.xml): an entry per edition (公表), newest first, with what it changed. Every date is an
/// edition's month (its first day, 00:00 JST), never the clock; every id is a name-based UUID (RFC 4122 version 5) of
/// the city, the plan and the edition, so it stays the same across builds and does not depend on where the site is put.
/// </summary>
public static class Feed
{
    public const string Path = "feed.xml";

    public static byte[] Build(Plan plan, Theme.Words words, string? baseUrl)
    {
        var info = plan.Info;
        string Url(string path) => baseUrl is null ? path : SiteLinks.Absolute(baseUrl, path);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n", OmitXmlDeclaration = false };
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            w.WriteStartDocument();
            w.WriteStartElement("feed", ns);
            w.WriteAttributeString("xml", "lang", null, "ja");
            w.WriteElementString("id", ns, Id(info, "feed"));
            w.WriteElementString("title", ns, words.Format("feed.title", ("city", info.City), ("title", info.Title)));
            w.WriteElementString("updated", ns, Date(plan.Editions.FirstOrDefault()));
            Link(w, ns, "alternate", Url(Slugs.Updates), "text/html");
            if (baseUrl is not null) Link(w, ns, "self", Url(Path), "application/atom+xml");
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, info.City + (info.Publisher.Length > 0 ? " " + info.Publisher : ""));
            w.WriteEndElement();
            foreach (var edition in plan.Editions)
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("id", ns, Id(info, edition.Key));
                w.WriteElementString("title", ns, words.Format("feed.entry-title", ("month", Wareki.Month(edition.Year, edition.Month, words))));
                w.WriteElementString("updated", ns, Date(edition));
                Link(w, ns, "alternate", Url(Slugs.Updates) + "#" + Anchor(edition), "text/html");
                w.WriteStartElement("content", ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(edition.Lines.Count == 0 ? words["updates.published"] : string.Join("\n", edition.Lines.Select(l => l.Text)));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The anchor of an edition on the 更新情報 page: edition-2024-02.</summary>
    public static string Anchor(Edition edition) => "edition-" + edition.Key;

    private static void Link(XmlWriter w, string ns, string rel, string href, string type)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>An edition's date in RFC 3339: the first day of its month, 00:00 in Japan.</summary>
    private static string Date(Edition? edition) => (edition?.Key ?? "2000-01") + "-01T00:00:00+09:00";

    /// <summary>A name-based UUID (version 5, SHA-1) of the city, the plan and <paramref name="name"/>, as urn:uuid.</summary>
    public static string Id(PlanInfo info, string name)
    {
        var ns = new byte[] { 0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 };   // RFC 4122 URL namespace
        var data = ns.Concat(Encoding.UTF8.GetBytes($"actionplan:{info.MunicipalityCode ?? info.City}/{info.Title}/{name}")).ToArray();
        var hash = SHA1.HashData(data);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
