using System.Runtime.CompilerServices;
using System.Text;

namespace ActionPlan.Testing;

/// <summary>
/// Snapshot assertions in Verify's file convention, so Verify can replace this helper the day it can be installed:
/// <c>Snapshots/{Class}.{Method}_{parameter}.verified.{ext}</c> beside the test source. A difference fails with a
/// readable line diff and writes <c>.received.{ext}</c> beside it. A missing snapshot fails when CI=true and is
/// created otherwise. Accept new output with ACCEPT_SNAPSHOTS=1 (Verify's AutoVerify) or tools/accept-snapshots.sh.
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
        var verified = Path.Combine(directory, name);
        var received = verified.Replace(".verified.", ".received.");
        actual = actual.Replace("\r\n", "\n");
        if (accept)
        {
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            if (ci)
            {
                System.IO.Directory.CreateDirectory(directory);
                File.WriteAllText(received, actual, new UTF8Encoding(false));
                Assert.Fail($"Snapshot missing: {verified}. Review {received} and accept it (ACCEPT_SNAPSHOTS=1 dotnet test, or tools/accept-snapshots.sh).");
            }
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            return;
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

    /// <summary>A compact line diff: the changed lines with two lines of context, as reviewers read in a PR.</summary>
    public static string Diff(string expected, string actual, int maxLines = 60)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        var sb = new StringBuilder();
        sb.Append($"@@ line {prefix + 1} @@\n");
        for (var i = Math.Max(0, prefix - 2); i < prefix; i++) sb.Append("  ").Append(a[i]).Append('\n');
        var lines = 0;
        for (var i = prefix; i < a.Length - suffix && lines < maxLines; i++, lines++) sb.Append("- ").Append(a[i]).Append('\n');
        for (var i = prefix; i < b.Length - suffix && lines < maxLines; i++, lines++) sb.Append("+ ").Append(b[i]).Append('\n');
        for (var i = b.Length - suffix; i < Math.Min(b.Length, b.Length - suffix + 2); i++) sb.Append("  ").Append(b[i]).Append('\n');
        return sb.ToString();
    }
}
