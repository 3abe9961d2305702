using System.Text.RegularExpressions;
using ActionPlan.Domain;

namespace ActionPlan.Testing;

/// <summary>
/// What a page or a PDF must carry of the sources, word for word: each item's name, divisions, every bullet, note and
/// tag of 現状・課題 and 目標, and every plan and result line of the years the booklet shows (results up to the
/// reporting year, plans for the two years after it, as the document's subtitle says).
/// </summary>
public static partial class Transcription
{
    public static IEnumerable<(string Item, string Text)> BookletLines(Plan plan)
    {
        var reporting = plan.Info.ReportingYear;
        var last = plan.Info.LastPlanShown.Reiwa;
        foreach (var item in plan.Items)
        {
            var label = $"No.{item.Number}";
            yield return (label, item.Name);
            foreach (var d in item.Divisions) yield return (label, d);
            foreach (var g in item.Issues.Groups.Concat(item.Goals.Groups))
            {
                if (g.Heading is not null) yield return (label, g.Heading);
                foreach (var b in g.Bullets) { yield return (label, b.Text); foreach (var t in b.Tags) yield return (label, t); }
                foreach (var n in g.Notes) yield return (label, n);
            }
            foreach (var e in item.Entries.Where(e => e.Kind == EntryKind.Result ? e.Year <= reporting : e.Year > reporting && e.Year.Reiwa <= last))
                foreach (var line in e.Lines) yield return (label, line.Text);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>For comparing text across HTML and PDF extraction: NFKC, no white space, one kind of middle dot.</summary>
    public static string Squash(string s) =>
        Space().Replace(s.Normalize(System.Text.NormalizationForm.FormKC), "").Replace("‧", "・").Replace("･", "・");

    /// <summary>The lines of <paramref name="plan"/> that <paramref name="text"/> does not carry.</summary>
    public static List<string> Missing(Plan plan, string text)
    {
        var squashed = Squash(text);
        return BookletLines(plan).Where(l => !squashed.Contains(Squash(l.Text), StringComparison.Ordinal)).Select(l => $"{l.Item}: {l.Text}").ToList();
    }
}
