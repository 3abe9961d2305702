using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// Every page's path, made here and nowhere else: the site's own pages (fixed) and the pages of the plan's items,
/// policies, divisions and chapters (from input). Only [0-9A-Za-z-] from input ever reaches a path, so nothing from the
/// sources can write outside the output folder; names that are not safe as they are get a stable hash instead.
/// </summary>
public static partial class Slugs
{
    public const string Home = "index.html";
    public const string Divisions = "divisions/index.html";
    public const string OpenData = "opendata/index.html";
    public const string Glossary = "glossary.html";
    public const string Booklet = "booklet.html";
    public const string Accessibility = "accessibility.html";
    public const string AccessibilityResults = "accessibility-results.html";
    public const string NotFound = "404.html";
    public const string Search = "search.html";
    public const string Updates = "updates.html";
    /// <summary>The search index the search page loads (a script, so it loads from file:// too).</summary>
    public const string SearchIndex = "search/index.js";

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{0,40}$")]
    private static partial Regex Safe();

    public static string Item(int number) => $"items/{number:D2}.html";

    public static string Policy(string code) => $"policies/{(Safe().IsMatch(code) ? code : "p-" + Hash(code))}.html";

    /// <summary>The URL name the city chose in divisions.csv (checked at load: [a-z0-9-] only).</summary>
    public static string Division(string slug) => Safe().IsMatch(slug) ? $"divisions/{slug}.html" : $"divisions/d-{Hash(slug)}.html";

    public static string Chapter(int order) => $"plan/{order}.html";

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
}
