using System.Text.RegularExpressions;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Rendering.OpenData;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>Structural promises: the rule is applied in one place; the open data has one schema for writer and reader.</summary>
public class ArchitectureTests
{
    [Fact]
    public void No_code_outside_the_domain_applies_the_achievement_rule()
    {
        var offenders = Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}ActionPlan.Domain{Path.DirectorySeparatorChar}"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bAchievementRule\."))
            .Select(f => Path.GetRelativePath(Repo.Root, f))
            .ToList();
        Assert.True(offenders.Count == 0, "AchievementRule used outside the domain: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_change_report_reads_exactly_what_the_open_data_writer_writes()
    {
        var evaluated = EvaluatedPlan.Of(PlanLoader.Load(Repo.Input, "input").Plan!);
        var bytes = OpenDataWriter.Json(evaluated, ActionPlan.Site.Pipeline.DefaultTheme.Files.Words);
        var read = OpenDataJson.Read(bytes);
        Assert.NotNull(read);
        Assert.Equal(16, read!.Items.Count);
        Assert.Equal(70, read.Items.Single(i => i.Number == 5).Years.Single(y => y.Year == 2022).Achievement);
        // Read back and written again, the document is the same bytes: no field is lost between writer and reader.
        var again = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(read, OpenDataJson.Options);
        Assert.True(bytes.AsSpan().TrimEnd((byte)'\n').SequenceEqual(again));
    }

    private static IEnumerable<string> Sources() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>
    /// 公開不可 is decided in one place: only src/ActionPlan.Site/Publishing makes a diagnostic Blocking; the loader reports
    /// findings, and every finding code it can report is one the gate knows (with the reason it may not be published).
    /// </summary>
    [Fact]
    public void Only_the_publish_gate_decides_what_may_not_be_published()
    {
        var deciding = Sources()
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"new Diagnostic\(Severity\.Blocking|Severity = Severity\.Blocking|\.Blocking\("))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .ToList();
        Assert.Equal(["src/ActionPlan.Site/Publishing/PublishGate.cs"], deciding);

        var codes = Sources().SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\.Finding\(""([a-z-]+)""").Select(m => m.Groups[1].Value)).Distinct().Order().ToList();
        Assert.True(codes.Count >= 9, string.Join(", ", codes));
        Assert.Empty(codes.Except(ActionPlan.Site.Publishing.PublishGate.Unpublishable.Keys));
    }

    /// <summary>Every page path is made in one place (Slugs): no other source file writes a page's file name.</summary>
    [Fact]
    public void Every_page_path_is_made_in_one_place()
    {
        var composing = Sources()
            .Where(f => Path.GetFileName(f) != "Slugs.cs")
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, @"""[^""\s]*[A-Za-z0-9]\.html""") || Regex.IsMatch(l.Text, @"\$""[^""]*\.html"""))
            .Select(l => $"{Path.GetRelativePath(Repo.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(composing.Count == 0, "page paths made outside Slugs:\n" + string.Join("\n", composing));
    }

    /// <summary>
    /// The words citizens read are the theme's (words/ja.txt and the templates): Rendering's C# holds Japanese only in
    /// its messages to staff about the theme and the template cache. A Japanese string literal anywhere else in
    /// Rendering fails, named by file and line.
    /// </summary>
    [Fact]
    public void Rendering_holds_no_words_citizens_read()
    {
        string[] staffMessages = ["Theme/ThemeRenderer.cs", "Theme/TemplateCache.cs", "Theme/Words.cs", "Theme/PrivateFolder.cs"];
        var rendering = Path.Combine(Repo.Root, "src", "ActionPlan.Rendering");
        var literals = Sources()
            .Where(f => f.StartsWith(rendering + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(rendering, f).Replace('\\', '/'), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && !l.Text.StartsWith('*'))
            .Where(l => Regex.IsMatch(l.Text, @"[""'][^""'\n]*[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]"))
            .ToList();
        var toCitizens = literals.Where(l => !staffMessages.Contains(l.File)).Select(l => $"{l.File}:{l.Line}: {l.Text}").ToList();
        Assert.True(toCitizens.Count == 0, "Japanese words in Rendering's C# (move them to theme/words/ja.txt):\n" + string.Join("\n", toCitizens));
        Assert.InRange(literals.Count, 1, 20); // the staff messages themselves: a handful, and the scan does see them
    }

    /// <summary>
    /// One list of page kinds: every page the site makes has a kind from PageKinds; every kind's template is in the theme
    /// and every page template has a kind; a breadcrumb only goes up through pages of fixed path that have a word.
    /// </summary>
    [Fact]
    public void Every_page_comes_from_the_one_list_of_page_kinds()
    {
        var kinds = ActionPlan.Rendering.Site.PageKinds.All;
        Assert.Equal(kinds.Count, kinds.Select(k => k.Id).Distinct().Count());
        var templates = Directory.GetFiles(Path.Combine(Repo.Theme, "pages"), "*.cshtml").Select(f => "pages/" + Path.GetFileName(f)).Where(f => !Path.GetFileName(f).StartsWith('_')).Order().ToList();
        Assert.Equal(templates, kinds.Select(k => k.Template).Distinct().Order().ToList());
        Assert.All(kinds.SelectMany(k => k.Ancestors()), a => Assert.True(a.FixedPath is not null && a.TitleWord is not null, a.Id));
        var words = ActionPlan.Site.Pipeline.DefaultTheme.Files.Words;
        Assert.All(kinds, k => { if (k.TitleWord is not null) Assert.NotEmpty(words[k.TitleWord]); if (k.NavWord is not null) Assert.NotEmpty(words[k.NavWord]); });

        var evaluated = EvaluatedPlan.Of(PlanLoader.Load(Repo.Input, "input").Plan!);
        var specs = new ActionPlan.Rendering.Site.SiteModelBuilder(evaluated, words, null).Specs();
        Assert.All(specs, s => Assert.Contains(s.Kind, kinds));
        Assert.All(specs.Where(s => s.Kind.FixedPath is not null), s => Assert.Equal(s.Kind.FixedPath, s.Path));
        Assert.Equal(kinds.Where(k => k != ActionPlan.Rendering.Site.PageKinds.MovedDivision).Select(k => k.Id).Order(), specs.Select(s => s.Kind.Id).Distinct().Order());
    }
}
