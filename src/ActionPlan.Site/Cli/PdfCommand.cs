using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Rendering.Site;
using ActionPlan.Site.Audit;
using ActionPlan.Site.Pdf;
using ActionPlan.Site.Pipeline;
using ActionPlan.Site.Serve;

namespace ActionPlan.Site.Cli;

/// <summary>
/// 「pdf」: the committee's booklet as a PDF, printed from the site's own booklet page — the same sources and figures as
/// the site. It builds the site into a temporary folder (the publish gate applies: nothing unpublishable is printed),
/// prints booklet.html with the machine's Chrome, Edge or Chromium, and writes the PDF (default: input/booklet.pdf, which
/// the next build publishes beside the booklet page with its size).
/// </summary>
public static class PdfCommand
{
    public static string DefaultOutput(Options o) => Path.Combine(o.Input, PlanFiles.BookletPdf);

    public static async Task<int> RunAsync(Options o, TextWriter stdout, TextWriter stderr)
    {
        var output = o.PdfOutput ?? DefaultOutput(o);
        if (!output.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"エラー: 出力「{output}」の名前が「.pdf」で終わっていません。例: --output plan.pdf");
            return ExitCodes.Usage;
        }
        if (Directory.Exists(output))
        {
            stderr.WriteLine($"エラー: 出力「{output}」はフォルダです。PDFのファイル名を指定してください（例: --output {Path.Combine(output, "plan.pdf")}）。");
            return ExitCodes.Usage;
        }
        if (File.Exists(output) && !IsPdf(output))
        {
            stderr.WriteLine($"エラー: 「{output}」はPDFではないファイルです。上書きしないで止めました。別の名前を指定してください。");
            return ExitCodes.Usage;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"エラー: 出力先のフォルダ「{folder}」がありません。");
            return ExitCodes.Usage;
        }
        var browserPath = BrowserFinder.Find();
        if (browserPath is null)
        {
            stderr.WriteLine(BrowserFinder.NotFoundMessage().Replace("試験に使う", "PDFの印刷に使う", StringComparison.Ordinal));
            return ExitCodes.Usage;
        }

        // The site is built into a private folder of this run's own (mode 0700 where there are modes), printed, and removed
        // with everything in it (the build's change report included): nothing is left in the temp folder.
        var work = Path.Combine(Path.GetTempPath(), "actionplan-pdf-" + Guid.NewGuid().ToString("N")[..12]);
        var temp = Path.Combine(work, "site");
        try
        {
            if (Rendering.Theme.PrivateFolder.Prepare(work) is { } why) throw new IOException($"「{work}」: {why}");
            var session = new BuildSession(o.Input, temp, o.Theme, null, templateCache: o.NoCache ? null : BuildCommand.DefaultTemplateCache);
            var result = await session.BuildAsync();
            if (!result.Ok)
            {
                BuildCommand.Report(result, o with { Quiet = true }, stdout, stderr);
                stderr.WriteLine("PDFは作りませんでした。上の問題を直してから、もう一度 pdf を実行してください。");
                return BuildCommand.ExitCode(result.Failure);
            }
            var plan = result.Plan!.Plan;   // the plan the build loaded (no second read of the input)
            if (!o.Quiet) stdout.WriteLine($"冊子を {browserPath} で印刷します…");
            await using var server = await PreviewServer.StartAsync(ServedSite.FromFolder(temp), 0, null, liveReload: false);
            var printed = await new BookletPrinter(browserPath).PrintAsync(new Uri(server.Address, Slugs.Booklet), o.BaseUrl);
            var info = plan.Info;
            var title = info.Subtitle.Length > 0 ? $"{info.Title} {info.Subtitle}" : info.Title;
            var pdf = PdfFinisher.Finish(printed.Pdf, title, "ja", info.PublicationKnown ? info.PublishedYear : info.ReportingYear.Western + 1, info.PublicationKnown ? info.PublishedMonth : 4);
            var staging = output + ".tmp";
            try
            {
                await File.WriteAllBytesAsync(staging, pdf);
                File.Move(staging, output, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                try { File.Delete(staging); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                stderr.WriteLine($"エラー: 「{output}」に書き込めません（PDFを開いているソフトがあれば閉じてください。書き込みの権限も確かめてください）。前のファイルはそのままです。({ex.GetType().Name})");
                return ExitCodes.OutputError;
            }
            var size = BookletBuilder.Size(pdf.LongLength);
            stdout.WriteLine($"冊子のPDFを作りました: {output}（{size}、目次のページ番号 {printed.Pages.Count}か所、印刷{printed.Passes}回）");
            if (Path.GetFullPath(output) == Path.GetFullPath(DefaultOutput(o)))
                stdout.WriteLine("build を実行すると、サイトの「冊子（全項目）」のページからこのPDFにリンクします（booklet.pdf として公開されます）。");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is PuppeteerSharp.PuppeteerException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"エラー: PDFを作れませんでした: {ex.Message}");
            return ExitCodes.OutputError;
        }
        finally
        {
            try { if (Directory.Exists(work)) Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsPdf(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var head = new byte[5];
        return f.Read(head, 0, 5) == 5 && head.AsSpan().SequenceEqual("%PDF-"u8);
    }
}
