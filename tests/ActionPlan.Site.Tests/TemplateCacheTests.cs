using ActionPlan.Rendering;
using ActionPlan.Rendering.Theme;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>Compiled templates persist between runs and are invalidated when a template or the model changes.</summary>
public class TemplateCacheTests
{
    private static IReadOnlyList<OutputFile> Build(string theme, string cache)
    {
        var plan = ActionPlan.Input.PlanLoader.Load(Repo.Input).Plan!;
        var files = ThemeFiles.FromFolder(theme);
        var renderer = new ThemeRenderer(files, new TemplateCache(files, cache));   // a fresh cache: as in a new process
        return new SiteRenderer(renderer).RenderAsync(ActionPlan.Domain.EvaluatedPlan.Of(plan), new RenderOptions()).GetAwaiter().GetResult();
    }

    private static Dictionary<string, DateTime> Files(string dir) =>
        Directory.GetFiles(dir, "*.dll").ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

    [Fact]
    public void A_second_run_reuses_the_compiled_templates_and_an_edited_template_is_recompiled()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        var theme = dir["theme"];
        var cache = dir["cache"];
        var first = Build(theme, cache);
        var compiled = Files(cache);
        Assert.True(compiled.Count >= 10, $"{compiled.Count} templates cached");

        var second = Build(theme, cache);
        Assert.Equal(compiled, Files(cache));                                   // nothing recompiled
        Assert.Equal(first.Select(f => f.Content), second.Select(f => f.Content)); // same output from the cache

        var footer = Path.Combine(theme, "components", "footer", "_Footer.cshtml");
        File.WriteAllText(footer, File.ReadAllText(footer).Replace("公表: ", "公表日: "));
        var third = Build(theme, cache);
        var now = Files(cache);
        var added = now.Keys.Except(compiled.Keys).ToList();
        Assert.Single(added);
        Assert.StartsWith("components_footer__Footer.cshtml.", added[0]);
        Assert.Contains("公表日: 令和6年2月", System.Text.Encoding.UTF8.GetString(third.Single(f => f.Path == "index.html").Content));
    }

    [Fact]
    public void The_key_changes_with_the_template_text_and_with_the_model_assemblies()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        var theme = dir["theme"];
        var real = new TemplateCache(ThemeFiles.FromFolder(theme), null).FileName("/pages/Item.cshtml");
        var otherModel = new TemplateCache(ThemeFiles.FromFolder(theme), null, modelIdentity: "ActionPlan.Rendering:00000000-0000-0000-0000-000000000000").FileName("/pages/Item.cshtml");
        Assert.NotEqual(real, otherModel);
        File.AppendAllText(Path.Combine(theme, "pages", "Item.cshtml"), "\n");
        var edited = new TemplateCache(ThemeFiles.FromFolder(theme), null).FileName("/pages/Item.cshtml");
        Assert.NotEqual(real, edited);
        Assert.StartsWith("pages_Item.cshtml.", edited);
        Assert.Contains(typeof(ActionPlan.Rendering.Site.Page).Assembly.ManifestModule.ModuleVersionId.ToString(), TemplateCache.Identity);
    }
}
