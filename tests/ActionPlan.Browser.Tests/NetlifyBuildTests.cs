using System.Diagnostics;
using ActionPlan.Testing;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// Netlify's build command (netlify.toml → tools/netlify-build.sh) on an image without .NET: with no `dotnet` on the
/// PATH it fetches Microsoft's dotnet-install script and installs the SDK that global.json pins into .dotnet/, then
/// builds, audits every page in the browser and builds again. This machine has no internet, so `curl` is a stand-in
/// that hands over an install script which links the machine's own SDK into .dotnet/ and records how it was called;
/// everything after that is the real thing.
/// </summary>
public class NetlifyBuildTests
{
    [Fact]
    public void The_build_command_installs_the_pinned_sdk_when_the_image_has_none_then_builds_audits_and_builds()
    {
        using var dir = new Repo.TempDir();
        var repo = dir["repo"];
        foreach (var folder in new[] { "src", "theme", "input", "tools" })
            CopyTree(Path.Combine(Repo.Root, folder), Path.Combine(repo, folder));
        foreach (var file in new[] { "global.json", "Directory.Build.props", "netlify.toml", "ActionPlan.Site.sln" })
            File.Copy(Path.Combine(Repo.Root, file), Path.Combine(repo, file));

        // A PATH with the shell tools the script uses and a stand-in curl, and no dotnet.
        var bin = dir["bin"];
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "bash", "sh", "sed", "head", "grep", "rm", "cat", "dirname", "uname", "env", "mkdir" })
            File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
        var log = dir["install.log"];
        var sdk = Path.GetDirectoryName(new FileInfo(Which("dotnet")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Which("dotnet"))!;
        var installer = $"""
            #!/bin/bash
            echo "install $*" >> '{log}'
            /bin/mkdir -p .dotnet
            for f in '{sdk}'/*; do /bin/ln -s "$f" .dotnet/; done
            """;
        var curl = $"""
            #!/bin/bash
            echo "curl $*" >> '{log}'
            out=""; while [ $# -gt 0 ]; do [ "$1" = "-o" ] && out="$2"; shift; done
            printf '%s\n' {Quote(installer)} > "$out"
            """;
        File.WriteAllText(Path.Combine(bin, "curl"), curl.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(Path.Combine(bin, "curl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var psi = new ProcessStartInfo(Path.Combine(bin, "bash"), [Path.Combine(repo, "tools", "netlify-build.sh")])
            { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["PATH"] = bin;
        psi.Environment["ACTIONPLAN_BROWSER"] = "/usr/bin/chromium";
        psi.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        psi.Environment["URL"] = "https://example.city.jp/actionplan";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(20)));
        Assert.True(p.ExitCode == 0, output + "\n" + err.Result);

        var calls = File.ReadAllLines(log);
        Assert.Equal("curl -sSfL https://dot.net/v1/dotnet-install.sh -o .dotnet-install.sh", calls[0]);
        Assert.Equal("install --jsonfile global.json --install-dir .dotnet --no-path", calls[1]);
        Assert.Contains(".NET SDK 10 をインストールしています", output);
        Assert.True(File.Exists(Path.Combine(repo, "_site", "index.html")));
        Assert.Contains("https://example.city.jp/actionplan/", File.ReadAllText(Path.Combine(repo, "_site", "sitemap.xml")));
        Assert.Contains("試験", output);   // the audit ran over the pages
        Assert.False(File.Exists(Path.Combine(repo, ".dotnet-install.sh")));
    }

    private static string Quote(string text) => "'" + text.Replace("\r\n", "\n").Replace("'", "'\\''") + "'";

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin", "/usr/local/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules")) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
