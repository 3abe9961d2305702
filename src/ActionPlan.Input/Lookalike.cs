using System.Text;

namespace ActionPlan.Input;

/// <summary>
/// Finds what staff probably meant: a name equal to a known one once full-width/half-width forms and spaces are
/// unified (NFKC), or a near miss (a character or two off, or one containing the other: 「目標値」 for 「目標」).
/// </summary>
public static class Lookalike
{
    /// <summary>NFKC, without spaces (full-width spaces included) and with ･ and · read as ・.</summary>
    public static string Fold(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c is '･' or '·' or '•' or '\u2027' ? '・' : c);
        }
        return sb.ToString();
    }

    /// <summary>The known name <paramref name="given"/> folds to, or null.</summary>
    public static string? SameAs(string given, IEnumerable<string> known)
    {
        var folded = Fold(given);
        return known.FirstOrDefault(k => Fold(k) == folded);
    }

    /// <summary>The closest known names (best first), at most <paramref name="max"/>; empty when nothing is close.</summary>
    public static IReadOnlyList<string> Closest(string given, IEnumerable<string> known, int max = 3)
    {
        var g = Fold(given);
        return known
            .Select(k => (Name: k, Distance: Distance(g, Fold(k))))
            .Where(t => t.Distance <= Math.Max(1, Math.Min(2, t.Name.Length / 2)) || (g.Length > 0 && (Fold(t.Name).Contains(g) || g.Contains(Fold(t.Name)))))
            .OrderBy(t => t.Distance).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(t => t.Name)
            .ToList();
    }

    /// <summary>「「目標」のことですか？」, or null when nothing is close.</summary>
    public static string? DidYouMean(string given, IEnumerable<string> known)
    {
        var closest = Closest(given, known);
        return closest.Count == 0 ? null : string.Join("または", closest.Select(c => $"「{c}」")) + "のことですか？";
    }

    /// <summary>Levenshtein distance over UTF-16 units (names here are short).</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
