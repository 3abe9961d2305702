using ActionPlan.Rendering.Theme;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// The theme that ships inside the program (theme/ embedded at compile time), read from the program's own resources
/// into memory: it is never written to or read back from a folder, so nothing another account can write (a shared
/// temp folder, say) can stand in for it.
/// </summary>
public static class DefaultTheme
{
    /// <summary>How staff see the default theme named in messages.</summary>
    public const string Name = "標準のテーマ（プログラムに内蔵）";

    private static readonly Lazy<ThemeFiles> Theme = new(() => ThemeFiles.FromResources(typeof(DefaultTheme).Assembly, "theme/", Name));

    public static ThemeFiles Files => Theme.Value;
}
