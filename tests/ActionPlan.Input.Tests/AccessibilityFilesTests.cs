using ActionPlan.Testing;

namespace ActionPlan.Input.Tests;

/// <summary>results.json is read and written with types described at compile time; the file keeps its exact form.</summary>
public class AccessibilityFilesTests
{
    [Fact]
    public void The_shipped_audit_results_read_back_and_written_again_are_the_same_bytes()
    {
        using var dir = Repo.CopyOf();
        var input = dir["input"];
        var path = Path.Combine(input, AccessibilityFiles.Folder, AccessibilityFiles.Results);
        var original = File.ReadAllBytes(path);
        var bag = new DiagnosticBag();

        var run = AccessibilityFiles.Read(input, p => p, bag).Audit;
        Assert.NotNull(run);
        Assert.NotEmpty(run.Rules);
        File.Delete(path);
        AccessibilityFiles.Write(input, run);

        Assert.Equal(original, File.ReadAllBytes(path));
    }
}
