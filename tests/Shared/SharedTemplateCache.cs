using System.Runtime.CompilerServices;

namespace ActionPlan.Testing;

/// <summary>
/// One compiled-template cache for the whole suite: every build — in this process (the commands read
/// ACTIONPLAN_TEMPLATE_CACHE) and in the programs tests start (they inherit it) — loads templates another build has
/// compiled instead of compiling them again. It is the repository's .cache/templates (ignored by git), owned by the
/// user running the tests, as the program requires of a cache. Tests of the cache itself give their own folder.
/// </summary>
public static class SharedTemplateCache
{
    public static string Folder { get; } = Path.Combine(Repo.Root, ".cache", "templates");

    [ModuleInitializer]
    internal static void Use()
    {
        if (Environment.GetEnvironmentVariable("ACTIONPLAN_TEMPLATE_CACHE") is { Length: > 0 }) return;
        Environment.SetEnvironmentVariable("ACTIONPLAN_TEMPLATE_CACHE", Folder);
    }
}
