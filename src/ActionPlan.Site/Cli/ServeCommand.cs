using ActionPlan.Site.Serve;

namespace ActionPlan.Site.Cli;

/// <summary>「serve」: preview with rebuild on save. Stops on Ctrl+C.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(Options o, TextWriter stdout, TextWriter stderr)
    {
        var toml = File.Exists("netlify.toml") ? "netlify.toml" : null;
        await using var session = await ServeSession.StartAsync(o.Input, o.Output, o.Theme ?? "theme", o.BaseUrl, o.Port, toml, stdout, o.NoCache ? null : BuildCommand.DefaultTemplateCache);
        if (session is null) return ExitCodes.DataError;
        var done = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
        await done.Task;
        return ExitCodes.Ok;
    }
}
