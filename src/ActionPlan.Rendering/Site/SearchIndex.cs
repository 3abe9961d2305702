using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// The search index (search/index.js), made by the program at build time with nothing else installed: one entry per
/// item — number, title, page, divisions, the policy codes above it (so a filter on any level finds it), the reporting
/// year's grade or status word, and its text (現状・課題, 目標, every year's lines, the plan's extra fields) — written as a
/// script that sets <c>window.apSearch</c>, so the search page loads it from a sub-folder, a site root or file:// alike.
/// The page's script (theme assets/search.js) folds the text and the query the same way (NFKC, lower case, katakana to
/// hiragana) and finds a word anywhere inside the text: 「寄附」 in 「寄附金額」, 「ＤＸ」 as 「DX」, 「ぽーたる」 as 「ポータル」.
/// docs/search.md says why the index is the folded-once text rather than n-grams.
/// </summary>
public static class SearchIndex
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Build(EvaluatedPlan evaluated, PolicyIndex policies, Theme.Words words)
    {
        var plan = evaluated.Plan;
        using var stream = new MemoryStream();
        stream.Write("window.apSearch="u8);
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("docs");
            foreach (var e in evaluated.Items)
            {
                var item = e.Item;
                var latest = AchievementView.Of(e.For(evaluated.ReportingYear));
                w.WriteStartObject();
                w.WriteNumber("n", item.Number);
                w.WriteString("t", item.Name);
                w.WriteString("u", Slugs.Item(item.Number));
                w.WriteStartArray("d");
                foreach (var d in item.Divisions) w.WriteStringValue(d);
                w.WriteEndArray();
                w.WriteStartArray("p");
                foreach (var p in policies.Trail(item.PolicyCode)) w.WriteStringValue(p.Code);
                w.WriteEndArray();
                w.WriteString("g", latest.Word(words));
                w.WriteString("x", Text(item));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.Write(";\n"u8);
        return stream.ToArray();
    }

    /// <summary>
    /// What a reader may search an item for, one line per bullet or year line, each distinct line once (a plan line
    /// repeated year after year is found the same, and the index stays small).
    /// </summary>
    public static string Text(Item item)
    {
        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string line) { if (seen.Add(line)) lines.Add(line); }
        void Section(Section s)
        {
            foreach (var g in s.Groups)
            {
                if (g.Heading is { } h) Add(h);
                foreach (var b in g.Bullets) Add(b.Text);
                foreach (var n in g.Notes) Add(n);
            }
        }
        Section(item.Issues);
        Section(item.Goals);
        foreach (var entry in item.Entries.OrderBy(x => x.Year).ThenBy(x => x.Kind))
            foreach (var line in entry.Lines)
                Add(line.Text);
        foreach (var field in item.Extra) Section(field.Content);
        return string.Join('\n', lines);
    }
}
