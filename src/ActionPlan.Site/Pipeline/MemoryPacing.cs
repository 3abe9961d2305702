using ActionPlan.Rendering;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// The build's memory policy (the program's concern, not the renderer's). Pages in flight when a young collection runs
/// get promoted, so rendering garbage piles up in the old generation, which the runtime collects late. A full collection
/// after every 48 MB of output, and a compacting one between the pages and the open data's large arrays, keep the peak
/// working set of a 10,000-item build within budget (docs/performance.md). On the seed site the first never triggers.
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

    /// <summary>A full, compacting collection (large object heap included).</summary>
    public static void Compact()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
