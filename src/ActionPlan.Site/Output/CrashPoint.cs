namespace ActionPlan.Site.Output;

/// <summary>
/// Named moments of a build's write where a power cut or a kill would hurt most, for tests only: when the variable
/// ACTIONPLAN_TEST_CRASH_AT names one of them, the process kills itself (SIGKILL: no finally blocks, no flushing)
/// when it gets there. Staff never set it; without it each point costs one comparison.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "ACTIONPLAN_TEST_CRASH_AT";

    /// <summary>Half of the files written into the staging folder.</summary>
    public const string MidStaging = "mid-staging";
    /// <summary>The staging folder complete with its manifest, nothing renamed yet.</summary>
    public const string BeforeSwap = "before-swap";
    /// <summary>The previous site renamed aside, the new one not yet in its place: the output folder does not exist.</summary>
    public const string BetweenRenames = "between-renames";
    /// <summary>The new site in place, the previous one not yet deleted.</summary>
    public const string AfterSwap = "after-swap";

    public static IReadOnlyList<string> All { get; } = [MidStaging, BeforeSwap, BetweenRenames, AfterSwap];

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable);

    public static void Reached(string name)
    {
        if (Armed is null || !string.Equals(Armed, name, StringComparison.Ordinal)) return;
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
