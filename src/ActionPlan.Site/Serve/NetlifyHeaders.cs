using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace ActionPlan.Site.Serve;

/// <summary>
/// The response headers netlify.toml declares ([[headers]] for = "…" with [headers.values]), read with Tomlyn (a full
/// TOML parser: quoted, literal and multi-line strings all work), so the preview server and the browser tests send
/// exactly what the published site will, CSP included.
/// </summary>
public static class NetlifyHeaders
{
    public sealed record Rule(string Pattern, IReadOnlyList<KeyValuePair<string, string>> Values)
    {
        public bool Matches(string path)
        {
            var regex = "^" + Regex.Escape(Pattern).Replace("\\*", ".*") + "$";
            return Regex.IsMatch(path, regex);
        }
    }

    /// <summary>The header rules of a netlify.toml file (none when it is absent); a file TOML cannot read is an error.</summary>
    public static IReadOnlyList<Rule> Read(string tomlPath) => File.Exists(tomlPath) ? Parse(File.ReadAllText(tomlPath)) : [];

    public static IReadOnlyList<Rule> Parse(string toml)
    {
        var document = TomlSerializer.Deserialize<TomlTable>(toml)!;
        if (!document.TryGetValue("headers", out var headers) || headers is not TomlTableArray rules) return [];
        return rules
            .Where(r => r.TryGetValue("for", out var f) && f is string && r.TryGetValue("values", out var v) && v is TomlTable)
            .Select(r => new Rule((string)r["for"], ((TomlTable)r["values"]).Select(kv => new KeyValuePair<string, string>(kv.Key, Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList()))
            .ToList();
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
