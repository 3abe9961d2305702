using System.Text.RegularExpressions;
using ActionPlan.Input;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// How staff work on Windows: the CSV or workbook stays open in Excel while the preview rebuilds; plans live in folders
/// with spaces and Japanese names (デスクトップ\行動 計画). Windows itself cannot run here (docs/hardening.md): what it
/// would refuse is reasoned about, and the code paths are tested.
/// </summary>
public class WindowsHabitsTests
{
    /// <summary>
    /// Windows refuses File.ReadAllBytes (share: read only) while Excel holds the file open for writing; every source is
    /// therefore read through <see cref="SourceFile"/>, which lets others read, write and delete. The loader and the
    /// commands that read sources may not go around it.
    /// </summary>
    [Fact]
    public void Every_source_is_read_with_sharing_that_lets_Excel_keep_the_file_open()
    {
        var readers = new[] { "src/ActionPlan.Input", "src/ActionPlan.Site/Cli/NextYearCommand.cs" }
            .SelectMany(p => Directory.Exists(Path.Combine(Repo.Root, p))
                ? Directory.GetFiles(Path.Combine(Repo.Root, p), "*.cs", SearchOption.AllDirectories)
                : [Path.Combine(Repo.Root, p)])
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileName(f) != "SourceFile.cs");
        var offenders = readers
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, @"(?<![A-Za-z])File\.(ReadAll(Bytes|Text|Lines)|OpenRead|OpenText)\s*\("))
            .Select(l => $"{Path.GetRelativePath(Repo.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "sources read without Excel-friendly sharing:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void A_source_open_for_writing_elsewhere_is_read_whole()
    {
        using var dir = new Repo.TempDir();
        var path = dir["05.csv"];
        File.WriteAllText(path, "年度,計画\n");
        using var excel = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);   // as Excel holds it
        excel.Seek(0, SeekOrigin.End);
        excel.Write("R4,計画どおり\n"u8);
        excel.Flush();
        Assert.Equal("年度,計画\nR4,計画どおり\n", System.Text.Encoding.UTF8.GetString(SourceFile.ReadAllBytes(path)));
    }

    [Fact]
    public void A_plan_in_a_folder_with_spaces_and_japanese_names_builds_and_previews_its_pages()
    {
        using var dir = new Repo.TempDir();
        var plan = Path.Combine(dir.Path, "デスクトップ", "行動 計画（令和4年度）");
        Repo.Copy(Repo.Input, Path.Combine(plan, "input"));
        var output = Path.Combine(plan, "公開用 サイト");
        var build = Cli.Invoke("build", "--input", Path.Combine(plan, "input"), "--output", output, "--quiet");
        Assert.True(build.ExitCode == 0, build.Err);
        Assert.True(File.Exists(Path.Combine(output, "items", "05.html")));
        var again = Cli.Invoke("build", "--input", Path.Combine(plan, "input"), "--output", output);
        Assert.True(again.ExitCode == 0, again.Err);
        Assert.Contains("前回の出力から変更はありません", again.Out);
        Assert.Contains(output, again.Out);

        // a mistake there is reported with the path as the staffer sees it
        var csv = Path.Combine(plan, "input", "items", "05.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("実績値", "実績"));
        var broken = Cli.Invoke("check", "--input", Path.Combine(plan, "input"));
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("items/05.csv", broken.Out + broken.Err);
    }
}
