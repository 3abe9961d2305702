using ActionPlan.Rendering;
using ActionPlan.Site.Output;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>The write transaction as the renderer uses it: files added from every core at once.</summary>
public class SiteWriterTests
{
    [Fact]
    public void Pages_of_a_new_folder_arriving_at_the_same_moment_from_several_threads_are_all_written()
    {
        using var dir = new Repo.TempDir();
        var output = dir["site"];
        const int Rounds = 60, Threads = 6;
        var files = new List<OutputFile>();
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        using (var tx = SiteWriter.Transaction.Begin(output))
        {
            for (var round = 0; round < Rounds; round++)
            {
                // Every thread waits at the barrier, then all add a page to the same folder that does not exist yet.
                using var start = new Barrier(Threads);
                var batch = Enumerable.Range(0, Threads).Select(t => new OutputFile($"r{round}/deep/page{t}.html", [(byte)round, (byte)t])).ToList();
                files.AddRange(batch);
                var workers = batch.Select(f => new Thread(() =>
                {
                    start.SignalAndWait();
                    try { tx.Add(f); } catch (Exception ex) { errors.Add(ex); }
                })).ToList();
                workers.ForEach(w => w.Start());
                workers.ForEach(w => w.Join());
            }
            Assert.Empty(errors.Select(e => e.Message));
            tx.Commit();
        }

        foreach (var f in files)
            Assert.Equal(f.Content, File.ReadAllBytes(Path.Combine(output, f.Path)));
    }
}
