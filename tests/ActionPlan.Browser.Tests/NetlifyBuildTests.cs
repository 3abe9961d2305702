using System.Diagnostics;
using ActionPlan.Testing;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// Netlify's build command (netlify.toml → tools/netlify-build.sh) on an image without .NET: with no `dotnet` on the
/// PATH it fetches Microsoft's dotnet-install script and installs the SDK that global.json pins into .dotnet/, then
/// builds, audits every page and builds again. This machine has no internet, and the build and audit themselves are
/// tested elsewhere (once per suite), so `curl` hands over an install script that puts a stand-in `dotnet` into
/// .dotnet/; every call is recorded, and the test checks the script's decisions and the commands it runs, in order.
/// </summary>
public class NetlifyBuildTests
{
    [Fact]
    public void The_build_command_installs_the_pinned_sdk_when_the_image_has_none_then_builds_audits_and_builds()
    {
        using var dir = new Repo.TempDir();
        var repo = dir["repo"];
        Directory.CreateDirectory(Path.Combine(repo, "tools"));
        File.Copy(Path.Combine(Repo.Root, "tools", "netlify-build.sh"), Path.Combine(repo, "tools", "netlify-build.sh"));
        File.Copy(Path.Combine(Repo.Root, "global.json"), Path.Combine(repo, "global.json"));
        var pinned = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(repo, "global.json")), "\"version\": *\"([0-9]+)\\.").Groups[1].Value;

        // A PATH with the shell tools the script uses and a stand-in curl, and no dotnet.
        var bin = dir["bin"];
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "bash", "sh", "sed", "head", "grep", "rm", "cat", "dirname", "uname", "env", "mkdir" })
            File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
        var log = dir["calls.log"];
        var dotnet = $"""
            #!/bin/bash
            echo "dotnet $*" >> '{log}'
            case "$1" in
              --list-sdks) echo "{pinned}.0.100 [$(dirname "$0")/sdk]" ;;
              --version) echo "{pinned}.0.100" ;;
            esac
            """;
        var installer = $"""
            #!/bin/bash
            echo "install $*" >> '{log}'
            /bin/mkdir -p .dotnet
            printf '%s\n' {Quote(dotnet)} > .dotnet/dotnet
            /bin/chmod +x .dotnet/dotnet
            """;
        var curl = $"""
            #!/bin/bash
            echo "curl $*" >> '{log}'
            out=""; while [ $# -gt 0 ]; do [ "$1" = "-o" ] && out="$2"; shift; done
            printf '%s\n' {Quote(installer)} > "$out"
            """;
        File.WriteAllText(Path.Combine(bin, "curl"), curl.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(Path.Combine(bin, "curl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var output = Run(repo, bin);
        var calls = File.ReadAllLines(log);
        Assert.Equal(
        [
            "curl -sSfL https://dot.net/v1/dotnet-install.sh -o .dotnet-install.sh",
            "install --jsonfile global.json --install-dir .dotnet --no-path",
            "dotnet --version",
            "dotnet run --project src/ActionPlan.Site -c Release -- build --input input --output _site --base-url https://example.city.jp/actionplan",
            "dotnet run --project src/ActionPlan.Site -c Release -- audit --input input --output _site",
            "dotnet run --project src/ActionPlan.Site -c Release -- build --input input --output _site --base-url https://example.city.jp/actionplan",
        ], calls);
        Assert.Contains($".NET SDK {pinned} をインストールしています", output);
        Assert.False(File.Exists(Path.Combine(repo, ".dotnet-install.sh")));

        // The next deploy finds the SDK kept in .dotnet/ (Netlify's cache) and installs nothing.
        File.Delete(log);
        Run(repo, bin);
        calls = File.ReadAllLines(log);
        Assert.DoesNotContain(calls, c => c.StartsWith("curl", StringComparison.Ordinal) || c.StartsWith("install", StringComparison.Ordinal));
        Assert.Equal(3, calls.Count(c => c.StartsWith("dotnet run", StringComparison.Ordinal)));
    }

    private static string Run(string repo, string bin)
    {
        var psi = new ProcessStartInfo(Path.Combine(bin, "bash"), [Path.Combine(repo, "tools", "netlify-build.sh")])
            { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["PATH"] = bin;
        psi.Environment["URL"] = "https://example.city.jp/actionplan";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)));
        var stderr = err.GetAwaiter().GetResult();   // the process has exited: its stream is complete
        Assert.True(p.ExitCode == 0, output + "\n" + stderr);
        return output;
    }

    private static string Quote(string text) => "'" + text.Replace("\r\n", "\n").Replace("'", "'\\''") + "'";

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin", "/usr/local/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
}
