using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Input;
using ActionPlan.Site.Audit;
using ActionPlan.Site.Cli;
using ActionPlan.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// `pdf` on the seed: an A4, tagged PDF with the plan's title, ja, embedded fonts, an outline with all 16 items and the
/// contents' page numbers; its text carries every line of the sources; the same input gives the same bytes; a table
/// that runs onto a new page repeats its header; and the publish gate and the output rules apply.
/// </summary>
public class PdfTests
{
    private static void Require(params string[] tools)
    {
        if (BrowserFinder.Find() is null)
        {
            if (Snapshot.IsCi) Assert.Fail("pdf must run in CI: " + BrowserFinder.NotFoundMessage());
            Assert.Skip(BrowserFinder.NotFoundMessage());
        }
        foreach (var tool in tools.Where(t => !File.Exists("/usr/bin/" + t)))
        {
            if (Snapshot.IsCi) Assert.Fail($"{tool} is missing (apt-get install -y poppler-utils)");
            Assert.Skip($"{tool} is missing (apt-get install -y poppler-utils)");
        }
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await App.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Tool(string name, params string[] args)
    {
        var psi = new ProcessStartInfo(name, args) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text;
    }

    /// <summary>The seed's PDF, made once for the tests that only read it.</summary>
    private static readonly Lazy<Task<(string Path, Repo.TempDir Dir, string Out)>> Seed = new(async () =>
    {
        var dir = Repo.CopyOf();
        var pdf = dir["plan.pdf"];
        var run = await Run("pdf", "--input", dir["input"], "--output", pdf);
        Assert.True(run.Code == 0, run.Err);
        return (pdf, dir, run.Out);
    });

    [Fact]
    public async Task The_seed_pdf_is_A4_tagged_titled_japanese_with_embedded_fonts_and_an_outline_of_every_item()
    {
        Require("pdfinfo", "pdffonts");
        var (pdf, _, output) = await Seed.Value;
        Assert.Contains("冊子のPDFを作りました", output);
        var info = Tool("pdfinfo", pdf);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Matches(@"Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)", info);
        Assert.Matches(@"Title:\s+小郡市行政経営行動計画 実施項目 令和4年度実績・令和5～6年度計画", info);
        Assert.Matches(@"CreationDate:\s+Wed Jan 31 15:00:00 2024 UTC", info);   // 2024-02-01 00:00 JST, the plan's 公表, not the clock
        var bytes = File.ReadAllBytes(pdf);
        Assert.Contains("/Lang (ja)", Encoding.Latin1.GetString(bytes));
        var fonts = Tool("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", f));   // every font embedded

        using var doc = PdfDocument.Open(bytes);
        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        var titles = new List<string>();
        void Walk(IEnumerable<BookmarkNode> nodes) { foreach (var n in nodes) { titles.Add(n.Title); Walk(n.Children); } }
        Walk(bookmarks.Roots);
        var plan = PlanLoader.Load(Repo.Input).Plan!;
        foreach (var item in plan.Items) Assert.Contains($"No.{item.Number} {item.Name}", titles);
        foreach (var chapter in plan.Chapters) Assert.Contains($"{chapter.Label} {chapter.Title}", titles);
    }

    [Fact]
    public async Task The_pdf_text_carries_every_line_of_every_item_and_the_contents_have_page_numbers()
    {
        Require("pdftotext");
        var (pdf, _, _) = await Seed.Value;
        var text = Tool("pdftotext", "-raw", pdf, "-");   // content-stream order: a table cell's lines stay together
        var plan = PlanLoader.Load(Repo.Input).Plan!;
        var missing = Transcription.Missing(plan, text);
        Assert.True(missing.Count == 0, "missing from the PDF's text:\n" + string.Join("\n", missing.Take(10)));

        var contents = Tool("pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-");
        var pages = plan.Items.Select(i => Regex.Match(contents, $@"No\.{i.Number} {Regex.Escape(i.Name)}\s+(\d+)")).ToList();
        Assert.All(pages, m => Assert.True(m.Success, "an item without its page number in the contents"));
        var numbers = pages.Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        // the number is where the item is: its heading is on that page
        var lastItem = plan.Items[^1];
        var onPage = Tool("pdftotext", "-f", numbers[^1].ToString(), "-l", numbers[^1].ToString(), pdf, "-");
        Assert.Contains(Transcription.Squash($"No.{lastItem.Number} {lastItem.Name}"), Transcription.Squash(onPage));
    }

    [Fact]
    public async Task A_year_table_that_runs_onto_a_new_page_repeats_its_header_and_no_item_heading_ends_a_page()
    {
        Require("pdftotext");
        var (pdf, _, _) = await Seed.Value;
        var pages = ReadingTests.PdfPages(pdf);
        var plan = PlanLoader.Load(Repo.Input).Plan!;
        var headings = plan.Items.Select(i => Transcription.Squash($"No.{i.Number} {i.Name}")).ToList();
        var problems = new List<string>();
        var yearRow = new Regex(@"^\s*令和\d+年度(実績|計画)", RegexOptions.Multiline);
        for (var i = 0; i < pages.Count; i++)
        {
            var first = yearRow.Match(pages[i]);
            if (first.Success && !pages[i][..first.Index].Contains("年度計画達成度", StringComparison.Ordinal))
                problems.Add($"page {i + 1}: a year row without the table's header above it");
            var last = Transcription.Squash(pages[i].Split('\n').LastOrDefault(l => l.Trim().Length > 0 && !Regex.IsMatch(l, @"^\s*\d+\s*/\s*\d+\s*$")) ?? "");
            if (i < pages.Count - 1 && headings.Any(h => h == last)) problems.Add($"page {i + 1}: the heading {last} ends the page");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(pages, p => yearRow.Matches(p).Count > 0 && Regex.Matches(p, "年度計画達成度").Count >= 1 && !Regex.IsMatch(p, @"No\.\d+ 年度行動計画及び実績"));   // a continued table is there, with its header repeated
    }

    [Fact]
    public async Task The_same_input_gives_the_same_pdf_bytes()
    {
        Require();
        var (pdf, dir, _) = await Seed.Value;
        var again = dir["again.pdf"];
        var run = await Run("pdf", "--input", dir["input"], "--output", again, "--quiet");
        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(File.ReadAllBytes(pdf), File.ReadAllBytes(again));
    }

    [Fact]
    public async Task An_unpublishable_plan_is_not_printed_and_a_non_pdf_file_is_never_overwritten()
    {
        Require();
        using var dir = Repo.CopyOf();
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("公表: 2024-02", "公表: （未記入）"));
        var blocked = await Run("pdf", "--input", dir["input"], "--output", dir["plan.pdf"]);
        Assert.Equal(1, blocked.Code);
        Assert.Contains("公開不可", blocked.Err);
        Assert.Contains("PDFは作りませんでした", blocked.Err);
        Assert.False(File.Exists(dir["plan.pdf"]));

        File.WriteAllText(dir["notes.pdf"], "大事なメモ");
        var refused = await Run("pdf", "--input", dir["input"], "--output", dir["notes.pdf"]);
        Assert.Equal(2, refused.Code);
        Assert.Contains("PDFではないファイルです", refused.Err);
        Assert.Equal("大事なメモ", File.ReadAllText(dir["notes.pdf"]));

        var notPdf = await Run("pdf", "--input", dir["input"], "--output", dir["plan.docx"]);
        Assert.Equal(2, notPdf.Code);
        Assert.Contains("「.pdf」で終わっていません", notPdf.Err);
    }

    [Fact]
    public async Task A_pdf_that_cannot_be_written_says_so_in_japanese_and_keeps_the_previous_file()
    {
        Require();
        using var dir = Repo.CopyOf();
        var pdf = dir["plan.pdf"];
        File.WriteAllText(pdf, "%PDF-1.4 前の版");
        Directory.CreateDirectory(pdf + ".tmp");   // stands in for a file the system will not let us write (root ignores permissions)
        var run = await Run("pdf", "--input", dir["input"], "--output", pdf, "--quiet");
        Assert.Equal(3, run.Code);
        Assert.Contains("に書き込めません", run.Err);
        Assert.Equal("%PDF-1.4 前の版", File.ReadAllText(pdf));
    }

    [Fact]
    public async Task By_default_the_pdf_goes_into_the_input_folder_and_the_next_build_publishes_it_with_its_size()
    {
        Require();
        using var dir = Repo.CopyOf();
        // What pdf makes in the temp folder (its private folder, "actionplan-pdf-…"); other tests may plant and remove
        // other names there at the same time, so only new entries of its own count.
        static string[] Ours() => Directory.GetFileSystemEntries(Path.GetTempPath(), "actionplan-pdf-*").Order(StringComparer.Ordinal).ToArray();
        var before = Ours();
        var made = await Run("pdf", "--input", dir["input"]);
        Assert.True(made.Code == 0, made.Err);
        Assert.Empty(Ours().Except(before));   // the site it printed, and that build's change report, are gone from the temp folder
        var pdf = dir["input/booklet.pdf"];
        Assert.True(File.Exists(pdf));
        var build = await Run("build", "--input", dir["input"], "--output", dir["_site"], "--quiet");
        Assert.True(build.Code == 0, build.Err);
        Assert.Equal(File.ReadAllBytes(pdf), File.ReadAllBytes(dir["_site/booklet.pdf"]));
        var page = File.ReadAllText(dir["_site/booklet.html"]);
        Assert.Matches("<a href=\"booklet\\.pdf\">冊子のPDF（(\\d+\\.\\dMB|\\d+KB)）</a>", page);
    }
}
