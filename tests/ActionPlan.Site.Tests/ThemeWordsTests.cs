using ActionPlan.Rendering.Theme;
using ActionPlan.Site.Pipeline;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// The words the site model composes (navigation, breadcrumbs, headings, leads of the site's own pages) are the theme's
/// (words/ja.txt): a city changes one and the pages follow; a theme missing one is told which, and where to copy it from.
/// </summary>
public class ThemeWordsTests
{
    [Fact]
    public async Task A_word_changed_in_the_theme_changes_the_pages_and_a_missing_one_is_named()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        var words = Path.Combine(dir["theme"], "words", "ja.txt");
        File.WriteAllText(words, File.ReadAllText(words)
            .Replace("nav.divisions = 担当課から探す", "nav.divisions = 課から探す")
            .Replace("notfound.heading = ページが見つかりません", "notfound.heading = お探しのページはありません"));
        var built = await new BuildSession(Repo.Input, dir["_site"], dir["theme"], null).BuildAsync();
        Assert.True(built.Ok, string.Join("\n", built.Errors));
        var index = File.ReadAllText(dir["_site/index.html"]);
        Assert.Contains(">課から探す</a>", index);
        Assert.DoesNotContain(">担当課から探す</a>", index);
        Assert.Contains("お探しのページはありません", File.ReadAllText(dir["_site/404.html"]));

        File.WriteAllText(words, string.Join("\n", File.ReadAllLines(words).Where(l => !l.StartsWith("opendata.lead", StringComparison.Ordinal))));
        var missing = await new BuildSession(Repo.Input, dir["_site"], dir["theme"], null).BuildAsync();
        Assert.Equal(BuildFailure.Theme, missing.Failure);
        var message = string.Join("\n", missing.Errors);
        Assert.Contains("「opendata.lead」", message);
        Assert.Contains("words/ja.txt", message);
        Assert.Contains("お探しのページはありません", File.ReadAllText(dir["_site/404.html"]));   // the previous site is untouched
    }

    [Fact]
    public void Every_word_of_the_default_theme_is_used_and_a_malformed_line_is_located()
    {
        var words = DefaultTheme.Files.Words;
        var sources = string.Join("\n", Directory.GetFiles(Path.Combine(Repo.Root, "src", "ActionPlan.Rendering"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Repo.Theme, "*.cshtml", SearchOption.AllDirectories)).Select(File.ReadAllText));
        // status.<modifier> is looked up by the meter's modifier for a year without a grade (AchievementView.Modifier).
        var modifiers = Enum.GetValues<ActionPlan.Domain.AchievementStatus>().Where(s => s != ActionPlan.Domain.AchievementStatus.Graded)
            .Select(s => new ActionPlan.Rendering.Site.AchievementView(s, null, "").Modifier).ToList();
        Assert.All(modifiers, m => Assert.False(string.IsNullOrEmpty(words["status." + m])));
        // opendata.column.<id>(.about) is looked up by the CSV's column ids (OpenDataWriterPaths.CsvColumnIds).
        var columns = ActionPlan.Rendering.Site.OpenDataWriterPaths.CsvColumnIds.SelectMany(id => new[] { $"opendata.column.{id}", $"opendata.column.{id}.about" })
            // the data dictionary's own columns, the types and units it names, and each licence's name and terms
            .Concat(ActionPlan.Rendering.Site.OpenDataWriterPaths.DictionaryColumnIds.SelectMany(id => new[] { $"opendata.dict.{id}", $"opendata.dict.{id}.about" }))
            .Concat(ActionPlan.Rendering.Site.OpenDataWriterPaths.CsvColumnTypes.Values.SelectMany(t => t.Unit is null ? [$"opendata.type.{t.Type}"] : new[] { $"opendata.type.{t.Type}", $"opendata.unit.{t.Unit}" }))
            .Concat(new[] { ActionPlan.Domain.Licences.Pdl, ActionPlan.Domain.Licences.CcBy }.SelectMany(l => new[] { $"licence.{l}.name", $"licence.{l}.url" }))
            .Distinct().ToList();
        Assert.All(columns, k => Assert.False(string.IsNullOrEmpty(words[k])));
        var unused = words.Keys.Where(k => !sources.Contains($"\"{k}\"", StringComparison.Ordinal) && !columns.Contains(k)
            && !(k.StartsWith("status.", StringComparison.Ordinal) && modifiers.Contains(k["status.".Length..]))).ToList();
        Assert.True(unused.Count == 0, "words nobody asks for: " + string.Join(", ", unused));

        var ex = Assert.Throws<ThemeException>(() => Words.Parse("# note\nnav.home = ホーム\nこれは文言ではない\n", "mytheme/words/ja.txt"));
        Assert.Contains("mytheme/words/ja.txt", ex.Message);
        Assert.Contains("3行目", ex.Message);
        Assert.Contains("2回", Assert.Throws<ThemeException>(() => Words.Parse("a = 1\na = 2", "w.txt")).Message);
    }
}
