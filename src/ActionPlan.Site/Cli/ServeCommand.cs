using System.Runtime.InteropServices;
using ActionPlan.Site.Pipeline;
using ActionPlan.Site.Serve;

namespace ActionPlan.Site.Cli;

/// <summary>「serve」: preview (always a draft) with rebuild on save. Stops cleanly on Ctrl+C and on SIGTERM.</summary>
public static class ServeCommand
{
    /// <param name="started">Told the preview's address once it serves (the no-argument preview opens the browser there).</param>
    public static async Task<int> RunAsync(Options o, TextWriter stdout, TextWriter stderr, Action<Uri>? started = null)
    {
        var toml = File.Exists("netlify.toml") ? "netlify.toml" : null;
        var done = new TaskCompletionSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; done.TrySetResult(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; done.TrySetResult(); });
        await using (var session = await ServeSession.StartAsync(o.Input, o.Output, o.Theme, o.BaseUrl, o.Port, toml, stdout,
                         o.NoCache ? null : BuildCommand.DefaultTemplateCache))
        {
            if (session is null) return ExitCodes.DataError;
            started?.Invoke(session.Server.Address);
            await done.Task;
        }
        stdout.WriteLine("プレビューを終了しました。");
        return ExitCodes.Ok;
    }
}
