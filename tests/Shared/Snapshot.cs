using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;

namespace ActionPlan.Testing;

/// <summary>
/// Snapshot assertions in Verify's file convention, so Verify can replace this helper the day it can be installed:
/// <c>Snapshots/{Class}.{Method}_{parameter}.verified.{ext}</c> beside the test source. A difference fails with a line
/// diff of every hunk (DiffPlex) and writes <c>.received.{ext}</c> beside it; so does a missing snapshot. Reviewed output
/// is accepted with ACCEPT_SNAPSHOTS=1 (Verify's AutoVerify) or tools/accept-snapshots.sh — never under CI=true, the one
/// CI flag every test reads.
/// </summary>
public static class Snapshot
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
    public static bool Accept => Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") is "1" or "true";

    public static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Snapshots");

    public static string FileName(string cls, string method, string? parameter, string ext) =>
        $"{cls}.{method}{(parameter is null ? "" : "_" + parameter)}.verified.{ext}";

    public static void Match(string actual, string directory, string name) => Match(actual, directory, name, IsCi, Accept);

    /// <summary>As <see cref="Match(string, string, string)"/>, with the CI and accept switches given (for the helper's own tests).</summary>
    public static void Match(string actual, string directory, string name, bool ci, bool accept)
    {
        if (ci && accept) Assert.Fail("ACCEPT_SNAPSHOTS is refused under CI=true: snapshots are accepted by a reviewer, never by the build that checks them.");
        var verified = Path.Combine(directory, name);
        var received = verified.Replace(".verified.", ".received.");
        actual = actual.Replace("\r\n", "\n");
        System.IO.Directory.CreateDirectory(directory);
        if (accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            File.WriteAllText(received, actual, new UTF8Encoding(false));
            Assert.Fail($"Snapshot missing: {verified}. Review {received} and accept it (ACCEPT_SNAPSHOTS=1 dotnet test, or tools/accept-snapshots.sh).");
        }
        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail($"Snapshot differs: {name}\nverified: {verified}\nreceived: {received}\n{Diff(expected, actual)}\n" +
                    "If the change is intended, accept it: ACCEPT_SNAPSHOTS=1 dotnet test (or tools/accept-snapshots.sh).");
    }

    /// <summary>Every hunk of a line diff (DiffPlex), each with two lines of context, as reviewers read in a PR.</summary>
    public static string Diff(string expected, string actual, int maxLines = 400)
    {
        var diff = Differ.Instance.CreateLineDiffs(expected, actual, ignoreWhitespace: false);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var sb = new StringBuilder();
        var lines = 0;
        foreach (var block in diff.DiffBlocks)
        {
            if (lines >= maxLines) { sb.Append($"… ({diff.DiffBlocks.Count} hunks in all)\n"); break; }
            sb.Append($"@@ -{block.DeleteStartA + 1},{block.DeleteCountA} +{block.InsertStartB + 1},{block.InsertCountB} @@\n");
            for (var i = Math.Max(0, block.DeleteStartA - 2); i < block.DeleteStartA; i++) sb.Append("  ").Append(a[i]).Append('\n');
            for (var i = 0; i < block.DeleteCountA; i++, lines++) sb.Append("- ").Append(a[block.DeleteStartA + i]).Append('\n');
            for (var i = 0; i < block.InsertCountB; i++, lines++) sb.Append("+ ").Append(b[block.InsertStartB + i]).Append('\n');
            var after = block.InsertStartB + block.InsertCountB;
            for (var i = after; i < Math.Min(b.Count, after + 2); i++) sb.Append("  ").Append(b[i]).Append('\n');
        }
        return sb.ToString();
    }
}
