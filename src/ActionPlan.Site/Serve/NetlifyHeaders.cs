using System.Text.RegularExpressions;

namespace ActionPlan.Site.Serve;

/// <summary>
/// The response headers netlify.toml declares ([[headers]] for = "…" / [headers.values]), so the preview server and
/// the browser tests send exactly what the published site will (CSP included). Reads only that subset of TOML.
/// </summary>
public static partial class NetlifyHeaders
{
    public sealed record Rule(string Pattern, IReadOnlyList<KeyValuePair<string, string>> Values)
    {
        public bool Matches(string path)
        {
            var regex = "^" + Regex.Escape(Pattern).Replace("\\*", ".*") + "$";
            return Regex.IsMatch(path, regex);
        }
    }

    [GeneratedRegex("^\\s*(?<key>[A-Za-z0-9-]+)\\s*=\\s*\"(?<value>[^\"]*)\"\\s*$")]
    private static partial Regex KeyValue();

    public static IReadOnlyList<Rule> Read(string tomlPath)
    {
        if (!File.Exists(tomlPath)) return [];
        var rules = new List<Rule>();
        string? pattern = null;
        List<KeyValuePair<string, string>>? values = null;
        var inValues = false;
        foreach (var raw in File.ReadAllLines(tomlPath))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (line.StartsWith("[[headers]]")) { Flush(); pattern = null; values = []; inValues = false; continue; }
            if (line.StartsWith("[headers.values]")) { inValues = true; continue; }
            if (line.StartsWith('[')) { Flush(); pattern = null; values = null; inValues = false; continue; }
            var m = KeyValue().Match(line);
            if (!m.Success || values is null) continue;
            if (!inValues && m.Groups["key"].Value == "for") pattern = m.Groups["value"].Value;
            else if (inValues) values.Add(new(m.Groups["key"].Value, m.Groups["value"].Value));
        }
        Flush();
        return rules;

        void Flush()
        {
            if (pattern is not null && values is { Count: > 0 }) rules.Add(new Rule(pattern, values.ToList()));
        }
    }

    /// <summary>All headers for a request path; later rules override earlier ones, as on Netlify.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<Rule> rules, string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules.Where(r => r.Matches(path)))
            foreach (var (k, v) in rule.Values) headers[k] = v;
        return headers;
    }
}
