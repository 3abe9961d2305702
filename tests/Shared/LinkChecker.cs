using AngleSharp.Html.Parser;

namespace ActionPlan.Testing;

/// <summary>Finds broken internal links and fragment anchors in a built site folder.</summary>
public static class LinkChecker
{
    public sealed record Broken(string Page, string Href, string Reason)
    {
        public override string ToString() => $"{Page}: {Href} ({Reason})";
    }

    public static (int Checked, List<Broken> Broken) Check(string siteRoot)
    {
        var parser = new HtmlParser();
        var root = Path.GetFullPath(siteRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var ids = new Dictionary<string, HashSet<string>>();
        HashSet<string> IdsOf(string file)
        {
            if (!ids.TryGetValue(file, out var set))
            {
                using var d = parser.ParseDocument(File.ReadAllText(file));
                ids[file] = set = d.All.Where(e => e.Id is { Length: > 0 }).Select(e => e.Id!).ToHashSet();
            }
            return set;
        }
        var broken = new List<Broken>();
        var count = 0;
        foreach (var page in Directory.GetFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var doc = parser.ParseDocument(File.ReadAllText(page));
            var rel = Path.GetRelativePath(root, page).Replace('\\', '/');
            var refs = doc.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
                .Concat(doc.QuerySelectorAll("img[src], script[src]").Select(e => e.GetAttribute("src")!));
            foreach (var href in refs)
            {
                if (href.StartsWith("http://") || href.StartsWith("https://") || href.StartsWith("mailto:")) continue;
                count++;
                if (href.StartsWith('/')) { broken.Add(new(rel, href, "root-relative link breaks in a sub-folder")); continue; }
                var hash = href.IndexOf('#');
                var pathPart = hash >= 0 ? href[..hash] : href;
                var fragment = hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null;
                var target = pathPart.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(pathPart)));
                if (!target.StartsWith(root, StringComparison.Ordinal)) { broken.Add(new(rel, href, "points outside the site folder")); continue; }
                if (Directory.Exists(target)) { broken.Add(new(rel, href, "points to a folder (breaks when opened from disk)")); continue; }
                if (!File.Exists(target)) { broken.Add(new(rel, href, "no such file")); continue; }
                if (fragment is { Length: > 0 } && target.EndsWith(".html") && !IdsOf(target).Contains(fragment))
                    broken.Add(new(rel, href, $"no element with id \"{fragment}\""));
            }
        }
        return (count, broken);
    }
}
