using ActionPlan.Rendering;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// The build's memory policy (the program's concern, not the renderer's). Pages in flight when a young collection runs
/// get promoted, so rendering garbage piles up in the old generation, which the runtime collects late. A full collection
/// after every 48 MB of output, and a compacting one between the pages and the open data's large arrays, keep the peak
/// working set of a 10,000-item build within budget (docs/performance.md). On the seed site neither runs.
/// </summary>
public static class MemoryPacing
{
    private const long Step = 48L << 20;

    public static Action<OutputFile> Paced(Action<OutputFile> sink)
    {
        long produced = 0;
        return file =>
        {
            sink(file);
            var after = Interlocked.Add(ref produced, file.Content.Length);
            if ((after - file.Content.Length) / Step != after / Step) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        };
    }

    /// <summary>Plans up to this size make their open data (a few MB) beside the pages, on the cores the pages leave idle.</summary>
    public const int SiteFilesBesidePagesUpTo = 2000;

    public static bool SiteFilesBesidePages(int items) => items <= SiteFilesBesidePagesUpTo;

    /// <summary>The heap size from which the compacting collection between the pages and the open data pays for its pause.</summary>
    private const long CompactAbove = 128L << 20;

    /// <summary>A full, compacting collection (large object heap included), when the pages left a large heap (a plan of thousands of items).</summary>
    public static void Compact()
    {
        if (GC.GetGCMemoryInfo().HeapSizeBytes < CompactAbove) return;
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
