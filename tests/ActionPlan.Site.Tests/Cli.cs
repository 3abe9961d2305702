using ActionPlan.Site.Cli;

namespace ActionPlan.Site.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class Cli
{
    public sealed record Run(int ExitCode, string Out, string Err);

    public static Run Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = App.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return new Run(code, stdout.ToString(), stderr.ToString());
    }
}
