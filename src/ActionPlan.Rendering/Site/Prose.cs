using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>A piece of running text as the page shows it.</summary>
public abstract record TextRun;

/// <summary>Text shown and read as it is.</summary>
public sealed record PlainRun(string Text) : TextRun;

/// <summary>
/// A signed figure inside a sentence (「▲600」「+5,100」): shown as written, read as 「マイナス600」「プラス5,100」, the same
/// way the indicator table reads it (a bare ▲ is otherwise read 「クロサンカク」).
/// </summary>
public sealed record SignedRun(string Display, string Spoken) : TextRun;

/// <summary>The first use of a 用語集 term on a page: a link to its explanation.</summary>
public sealed record TermRun(string Text, string Href) : TextRun;

/// <summary>A visual separator that is read as a pause (「＞」 would be read 「ダイナリ」).</summary>
public sealed record SeparatorRun(string Display, string Spoken) : TextRun;

/// <summary>Running text made of runs; the text component (theme/components/text) displays it.</summary>
public sealed record TextView(IReadOnlyList<TextRun> Runs)
{
    public static TextView Empty { get; } = new([]);
    public static TextView Of(string text) => new(text.Length == 0 ? [] : [new PlainRun(text)]);

    /// <summary>The text as it looks (for titles and tests).</summary>
    public string Display => string.Concat(Runs.Select(r => r switch
    {
        PlainRun p => p.Text, SignedRun s => s.Display, TermRun t => t.Text, SeparatorRun s => s.Display, _ => "",
    }));

    public bool IsEmpty => Runs.Count == 0;
    public override string ToString() => Display;
}

/// <summary>
/// Turns staff's text into runs for one page: signed figures are marked so they are read as マイナス／プラス, and the
/// first use of each 用語集 term on the page links to its explanation (later uses stay plain, so a page is not a sea
/// of links). One instance per page; the longest term wins where terms overlap (「財政調整基金」 before 「基金」), and a
/// Latin term is matched only as a whole word (「AI」 is not found inside 「EMAIL」).
/// </summary>
public sealed partial class Prose
{
    private readonly Dictionary<char, List<GlossaryTerm>> _byFirst;
    private readonly string? _glossaryHref;
    private readonly HashSet<string> _linked = new(StringComparer.Ordinal);

    /// <param name="glossaryHref">The glossary page relative to this page; null links nothing (signs only).</param>
    public Prose(IReadOnlyList<GlossaryTerm> terms, string? glossaryHref)
    {
        _glossaryHref = terms.Count == 0 ? null : glossaryHref;
        _byFirst = terms
            .GroupBy(t => t.Term[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Term.Length).ThenBy(t => t.Term, StringComparer.Ordinal).ToList());
    }

    /// <summary>Signs only, no glossary links (headings, captions, notes that are not body text).</summary>
    public static Prose SignsOnly { get; } = new([], null);

    /// <summary>The anchor of a term on the glossary page: a readable one for Latin terms (term-dx), a stable hash otherwise.</summary>
    public static string Anchor(string term)
    {
        if (!term.All(char.IsAscii)) return "term-" + Slugs.Hash(term);
        var slug = NonWord().Replace(term.ToLowerInvariant(), "-").Trim('-');
        return "term-" + (slug.Length > 0 ? slug : Slugs.Hash(term));
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();

    // ▲ (or a full- or half-width plus) before a number; a bare ▲ is still a minus sign.
    [GeneratedRegex(@"\G(?:▲(?<n>[0-9０-９][0-9０-９,，.．]*)?|(?<p>[+＋])(?<n>[0-9０-９][0-9０-９,，.．]*))")]
    private static partial Regex Sign();

    public TextView Text(string text)
    {
        if (text.Length == 0) return TextView.Empty;
        var runs = new List<TextRun>();
        var plain = new StringBuilder();
        void Flush() { if (plain.Length > 0) { runs.Add(new PlainRun(plain.ToString())); plain.Clear(); } }
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((c is '▲' || (c is '+' or '＋' && (i == 0 || !char.IsDigit(text[i - 1])))) && Sign().Match(text, i) is { Success: true } m)
            {
                var number = m.Groups["n"].Value.TrimEnd(',', '，', '.', '．');
                var length = 1 + number.Length;
                Flush();
                runs.Add(new SignedRun(text.Substring(i, length), (c == '▲' ? Quantity.SpokenMinus : Quantity.SpokenPlus) + number));
                i += length;
                continue;
            }
            if (_byFirst.TryGetValue(c, out var candidates) && Match(text, i, candidates) is { } term)
            {
                if (_glossaryHref is not null && _linked.Add(term.Term))
                {
                    Flush();
                    runs.Add(new TermRun(term.Term, _glossaryHref + "#" + Anchor(term.Term)));
                }
                else plain.Append(term.Term);
                i += term.Term.Length;
                continue;
            }
            plain.Append(c);
            i++;
        }
        Flush();
        return new TextView(runs);
    }

    private static GlossaryTerm? Match(string text, int at, List<GlossaryTerm> candidates)
    {
        foreach (var t in candidates)
        {
            if (string.CompareOrdinal(text, at, t.Term, 0, t.Term.Length) != 0) continue;
            var end = at + t.Term.Length;
            if (char.IsAsciiLetterOrDigit(t.Term[0]) && at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])) continue;
            if (char.IsAsciiLetterOrDigit(t.Term[^1]) && end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-')) continue;
            return t;
        }
        return null;
    }

    /// <summary>A policy trail as a caption: the parts with a visual 「＞」 read as a pause (the theme's trail.separator words).</summary>
    public static TextView Trail(IEnumerable<string> parts, Theme.Words words)
    {
        var runs = new List<TextRun>();
        var separator = new SeparatorRun($" {words["trail.separator"]} ", words["trail.separator.spoken"]);
        foreach (var part in parts)
        {
            if (runs.Count > 0) runs.Add(separator);
            runs.AddRange(SignsOnly.Text(part).Runs);
        }
        return new TextView(runs);
    }
}
