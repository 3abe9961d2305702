using ActionPlan.Input;
using ActionPlan.Rendering;
using ActionPlan.Rendering.Theme;

namespace ActionPlan.Testing;

/// <summary>Builds sites for tests through the same Load → Render path the command uses.</summary>
public static class SiteBuild
{
    private static readonly Lazy<ThemeRenderer> SharedTheme = new(() =>
    {
        var files = ThemeFiles.FromFolder(Repo.Theme);
        return new ThemeRenderer(files, new TemplateCache(files, SharedTemplateCache.Folder));
    });

    public static ThemeRenderer Theme => SharedTheme.Value;

    public static IReadOnlyList<OutputFile> Render(string inputDir, string? baseUrl = null)
    {
        var loaded = PlanLoader.Load(inputDir, "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        return new SiteRenderer(Theme).RenderAsync(ActionPlan.Domain.EvaluatedPlan.Of(loaded.Plan!), new RenderOptions(baseUrl)).GetAwaiter().GetResult();
    }

    private static readonly Lazy<IReadOnlyList<OutputFile>> RealSite = new(() => Render(Repo.Input));

    /// <summary>The site built from the real input/ (rendered once per test run).</summary>
    public static IReadOnlyList<OutputFile> Real => RealSite.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<OutputFile>>> ExampleSites = new(() =>
        Repo.Examples.ToDictionary(e => e.Key, e => Render(e.Value)));

    /// <summary>The sites of the plan-shape examples (Repo.Examples), rendered once per test run.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<OutputFile>> Examples => ExampleSites.Value;
}
