using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ActionPlan.Site.Pdf;

/// <summary>
/// Finishes the browser's PDF for publishing, by the PDF specification's incremental update (the browser's bytes stay
/// as they are, a new catalog and information dictionary are appended): the document language (/Lang, which Chromium
/// does not write), the plan's title, and creation and modification dates taken from the plan's publication month
/// instead of the clock — written over the browser's own dates in place too, and the structure tree's element names
/// renumbered, so the same input gives the same bytes with the same browser.
/// </summary>
public static partial class PdfFinisher
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    [GeneratedRegex(@"/(?<key>CreationDate|ModDate) \(D:\d{14}[+\-Z][0-9']*\)")]
    private static partial Regex DateEntry();

    [GeneratedRegex(@"\(node(?<n>\d{8})\)")]
    private static partial Regex NodeId();

    [GeneratedRegex(@"trailer\s*<<(?<body>.*?)>>\s*startxref\s*(?<xref>\d+)\s*%%EOF\s*$", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"/(?<key>Root|Info|Size) (?<n>\d+)")]
    private static partial Regex TrailerEntry();

    public static byte[] Finish(byte[] pdf, string title, string language, int year, int month)
    {
        // Latin-1 maps every byte to one char and back, so binary streams survive the round trip unchanged.
        var text = Latin1.GetString(pdf);
        var date = $"D:{year:D4}{month:D2}01000000+09'00'";
        text = DateEntry().Replace(text, m => m.Length == $"/{m.Groups["key"].Value} ({date})".Length ? $"/{m.Groups["key"].Value} ({date})" : m.Value);

        // The structure tree names its elements after the browser's DOM node numbers, which shift from run to run; they
        // are renumbered by rank (same length, same order, so the sorted ID tree stays sorted).
        var ids = NodeId().Matches(text).Select(m => m.Groups["n"].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        var rank = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => (p.index + 1).ToString("D8", CultureInfo.InvariantCulture));
        text = NodeId().Replace(text, m => $"(node{rank[m.Groups["n"].Value]})");

        var trailer = Trailer().Match(text);
        if (!trailer.Success) throw new InvalidDataException("PDFの末尾（trailer）が読めません。");
        var entries = TrailerEntry().Matches(trailer.Groups["body"].Value).ToDictionary(m => m.Groups["key"].Value, m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        if (!entries.TryGetValue("Root", out var root) || !entries.TryGetValue("Size", out var size))
            throw new InvalidDataException("PDFのカタログが見つかりません。");
        var catalog = ObjectBody(text, root) ?? throw new InvalidDataException("PDFのカタログが読めません。");
        var info = entries.TryGetValue("Info", out var i) ? ObjectBody(text, i) : null;
        var infoNumber = entries.ContainsKey("Info") ? i : size;

        var newCatalog = Regex.Replace(catalog, @"/Lang\s*\([^)]*\)", "").TrimEnd();
        newCatalog = newCatalog[..newCatalog.LastIndexOf(">>", StringComparison.Ordinal)] + $"\n/Lang ({language})>>";
        var producer = info is null ? null : Regex.Match(info, @"/Producer \((?<v>[^)]*)\)").Groups["v"].Value;
        var newInfo = $"<</Title {Utf16(title)}\n" +
                      (string.IsNullOrEmpty(producer) ? "" : $"/Producer ({producer})\n") +
                      "/Creator (ActionPlan.Site)\n" +
                      $"/CreationDate ({date})\n/ModDate ({date})>>";

        var sb = new StringBuilder(text);
        if (!text.EndsWith('\n')) sb.Append('\n');
        var offsets = new SortedDictionary<int, int>();
        offsets[root] = sb.Length;
        sb.Append(CultureInfo.InvariantCulture, $"{root} 0 obj\n{newCatalog}\nendobj\n");
        offsets[infoNumber] = sb.Length;
        sb.Append(CultureInfo.InvariantCulture, $"{infoNumber} 0 obj\n{newInfo}\nendobj\n");
        var xref = sb.Length;
        sb.Append("xref\n");
        foreach (var (number, offset) in offsets)
            sb.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        var newSize = Math.Max(size, infoNumber + 1);
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {newSize}\n/Root {root} 0 R\n/Info {infoNumber} 0 R\n/Prev {trailer.Groups["xref"].Value}>>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1.GetBytes(sb.ToString());
    }

    /// <summary>The dictionary of object <paramref name="number"/> (last definition wins, as in an updated PDF).</summary>
    private static string? ObjectBody(string text, int number)
    {
        var at = text.LastIndexOf($"\n{number} 0 obj", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = text.IndexOf("<<", at, StringComparison.Ordinal);
        if (start < 0) return null;
        var depth = 0;
        for (var p = start; p < text.Length - 1; p++)
        {
            if (text[p] == '<' && text[p + 1] == '<') { depth++; p++; }
            else if (text[p] == '>' && text[p + 1] == '>') { depth--; p++; if (depth == 0) return text[start..(p + 1)]; }
            else if (text[p] == '(') p = SkipString(text, p);
        }
        return null;
    }

    private static int SkipString(string text, int open)
    {
        var depth = 0;
        for (var p = open; p < text.Length; p++)
        {
            if (text[p] == '\\') { p++; continue; }
            if (text[p] == '(') depth++;
            else if (text[p] == ')' && --depth == 0) return p;
        }
        return text.Length;
    }

    /// <summary>A PDF text string in UTF-16BE with its byte order mark, as hex (safe for any title).</summary>
    private static string Utf16(string value) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";
}
