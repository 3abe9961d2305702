using System.Diagnostics;

namespace ActionPlan.Testing;

/// <summary>
/// A second local account, for what one account can do to another on a shared machine. Made with useradd when the
/// tests run as root (as CI does); elsewhere the tests that need it skip, except under CI=true, where they fail.
/// </summary>
public static class OtherAccount
{
    public const string Name = "apsite-other";

    private static readonly Lazy<(int Uid, string? Unavailable)> Account = new(Create);

    /// <summary>The account's uid, or a skip (a failure under CI) when it cannot be had here.</summary>
    public static int Require()
    {
        if (!OperatingSystem.IsLinux())
        {
            if (Snapshot.IsCi) Assert.Fail("a second account is tested on Linux");
            Assert.Skip("a second account is tested on Linux");
        }
        var (uid, unavailable) = Account.Value;
        if (unavailable is null) return uid;
        if (Snapshot.IsCi) Assert.Fail(unavailable);
        Assert.Skip(unavailable);
        return -1;
    }

    /// <summary>Runs a shell script as the other account (runuser), failing the test if it fails.</summary>
    public static void Run(string script)
    {
        var (code, output) = Exec("runuser", "-u", Name, "--", "sh", "-c", script);
        Assert.True(code == 0, $"as {Name}: {script}\n{output}");
    }

    /// <summary>Gives a file or folder (recursively) to the other account, as if it had made it.</summary>
    public static void Own(string path)
    {
        var (code, output) = Exec("chown", "-R", Name, path);
        Assert.True(code == 0, output);
    }

    private static (int Uid, string? Unavailable) Create()
    {
        if (Exec("id", "-u").Output.Trim() != "0") return (-1, "making a second account needs root (useradd)");
        if (Exec("id", "-u", Name) is not (0, _))
        {
            var (code, output) = Exec("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Name);
            if (code != 0 && Exec("id", "-u", Name) is not (0, _)) return (-1, "useradd failed: " + output);
        }
        return (int.Parse(Exec("id", "-u", Name).Output.Trim(), System.Globalization.CultureInfo.InvariantCulture), null);
    }

    private static (int Code, string Output) Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr);
        }
        catch (System.ComponentModel.Win32Exception ex) { return (-1, ex.Message); }
    }
}
