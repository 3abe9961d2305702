using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Site.Output;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// The publish gate through the real `build`: an unfinished or contradictory plan is not published (exit 1, previous
/// output byte-identical); `--draft` builds it marked 「下書き」 and noindex; the summary counts what it printed.
/// Also the reporting year, divisions as data, and the console's behaviour (a busy port, SIGTERM, any folder).
/// </summary>
public class PublishGateTests
{
    [Fact]
    public void After_next_year_build_publishes_nothing_until_the_year_is_filled_in_but_a_draft_can_be_reviewed()
    {
        using var dir = Repo.CopyOf();
        var output = dir["_site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        var published = Repo.Tree(output);
        Assert.Equal(0, Cli.Invoke("next-year", "--year", "R5", "--input", dir["input"]).ExitCode);

        var run = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{dir["input"]}/plan.md:10 [公表] 公開不可: 公表年月がまだ「（未記入）」です。", run.Err);
        Assert.Contains("(placeholder-left)", run.Err);
        Assert.Contains("公開できない問題が", run.Err);
        Assert.Equal(published.Keys.Order(), Repo.Tree(output).Keys.Order());
        foreach (var (path, bytes) in Repo.Tree(output)) Assert.True(bytes.AsSpan().SequenceEqual(published[path]), path);

        var draft = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme, "--draft");
        Assert.Equal(0, draft.ExitCode);
        var printed = Regex.Matches(draft.Err, " 公開不可: ").Count;
        Assert.True(printed > 30, draft.Err);
        Assert.Contains($"公開不可{printed}件", draft.Out);
        Assert.Contains("下書きを作成しました（公開には使えません）", draft.Out);
        foreach (var page in Directory.GetFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html);
            Assert.Contains("<strong>下書き</strong>", html);
            Assert.Contains($"公開前に直す問題が{printed}件あります", html);
        }
        Assert.Contains("Disallow: /", File.ReadAllText(Path.Combine(output, "robots.txt")));
        Assert.Contains("令和5年度（2023年度）", File.ReadAllText(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void A_published_site_carries_no_draft_marks()
    {
        var index = Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == "index.html").Content);
        Assert.DoesNotContain("noindex", index);
        Assert.DoesNotContain("下書き", index);
    }

    [Fact]
    public void A_disagreement_publishes_only_with_a_reason_which_the_page_shows()
    {
        using var dir = Repo.CopyOf();
        var csv = dir["input/items/05.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("返礼品数,700品,831品,品,以上,,70%", "返礼品数,700品,831品,品,以上,,75%"), new UTF8Encoding(true));
        var output = dir["_site"];
        var blocked = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains($"{dir["input"]}/items/05.csv:2 [公表達成度] 公開不可: 令和4年度の達成度は、指標から計算すると70%ですが、公表達成度は75%です。", blocked.Err);
        Assert.False(Directory.Exists(output));

        File.WriteAllText(csv, File.ReadAllText(csv)
            .Replace("公表達成度\r\n", "公表達成度,相違の理由\r\n")
            .Replace("以上,,75%", "以上,,75%,委員会資料の作成時点の寄附金額で計算したため"), new UTF8Encoding(true));
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("エラー0件・公開不可0件・警告0件", run.Out);
        var page = File.ReadAllText(Path.Combine(output, "items", "05.html"));
        Assert.Contains("計算した達成度（70%）は公表値（75%）と異なります。このページには計算した値を表示しています。異なる理由: 委員会資料の作成時点の寄附金額で計算したため", page);
    }

    [Fact]
    public void The_summary_counts_warnings_it_printed()
    {
        using var dir = Repo.CopyOf();
        var csv = dir["input/items/05.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv)
            .Replace("公表達成度\r\n", "公表達成度,相違の理由\r\n")
            .Replace("以上,,70%", "以上,,70%,念のため"), new UTF8Encoding(true));
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", dir["_site"], "--theme", Repo.Theme);
        Assert.Equal(0, run.ExitCode);
        Assert.Single(Regex.Matches(run.Err, " 警告: "));
        Assert.Contains("(reason-not-needed)", run.Err);
        Assert.Contains("エラー0件・公開不可0件・警告1件", run.Out);
    }

    [Fact]
    public void The_index_shows_the_declared_reporting_year_and_check_names_items_without_its_results()
    {
        using var dir = Repo.CopyOf();
        var fixture = Path.Combine(Repo.Root, "tests", "ActionPlan.Site.Tests", "Fixtures", "r5-results");
        Repo.Copy(fixture, dir["input"]);
        File.Delete(dir["input/README.md"]);
        var check = Cli.Invoke("check", "--input", dir["input"]);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("令和5年度の実績未登録: No.2 適切な補助金交付の実施、No.3 地方債現在高の縮減", check.Out);
        Assert.DoesNotContain("No.5 ふるさと納税の推進、", check.Out.Split('\n').Single(l => l.Contains("実績未登録: ")));
        Assert.Contains($"{dir["input"]}/items/16.csv [年度] 公開不可: No.16 定員の適正管理: 令和5年度の実績がありません（実績未登録）。", check.Err);

        var site = SiteBuild.Render(dir["input"]);
        var index = Encoding.UTF8.GetString(site.Single(f => f.Path == "index.html").Content);
        Assert.Contains("令和5年度（2023年度）実績のまとめ", index);

        // Back to 実績年度 R4: the R5 rows are no longer this edition's, so they are refused where they are, not followed.
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("実績年度: R5", "実績年度: R4"));
        var stray = Cli.Invoke("check", "--input", dir["input"]);
        Assert.Contains("(result-after-reporting-year)", stray.Err);
        Assert.Matches(@"/input/items/05\.csv:\d+ \[年度\] エラー: 令和5年度の実績が書かれていますが、この版の実績年度（plan.md）は令和4年度です。", stray.Err);
    }

    [Fact]
    public void The_subtitle_is_derived_from_the_reporting_year_when_left_out()
    {
        using var dir = Repo.CopyOf();
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, Regex.Replace(File.ReadAllText(plan), "(?m)^副題: .*\n", ""));
        var loaded = ActionPlan.Input.PlanLoader.Load(dir["input"], "input");
        Assert.Equal("実施項目 令和4年度実績・令和5～6年度計画", loaded.Plan!.Info.Subtitle);
        Assert.Equal("実施項目 令和7年度実績・令和8年度計画", (loaded.Plan.Info with { ReportingYear = new ActionPlan.Domain.FiscalYear(7) }).DerivedSubtitle);
        Assert.Equal("実施項目 令和8年度実績", (loaded.Plan.Info with { ReportingYear = new ActionPlan.Domain.FiscalYear(8) }).DerivedSubtitle);
    }

    [Fact]
    public void Divisions_have_the_citys_url_names_contacts_it_gave_and_redirects_from_former_names()
    {
        using var dir = Repo.CopyOf();
        var csv = dir["input/divisions.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("財政課,zaisei,,,,", "財政課,zaisei,0942-72-2111,zaisei@example.lg.jp,https://www.example.lg.jp/zaisei/,zaiseika d-f314d6980a"), new UTF8Encoding(true));
        var site = SiteBuild.Render(dir["input"], baseUrl: "https://example.jp/plan");
        string Page(string path) => Encoding.UTF8.GetString(site.Single(f => f.Path == path).Content);

        var division = Page("divisions/zaisei.html");
        Assert.Contains("<a href=\"tel:0942722111\">0942\u201172\u20112111</a>", division);
        Assert.Contains("<a href=\"mailto:zaisei@example.lg.jp\">zaisei@example.lg.jp</a>", division);
        var item = Page("items/01.html");
        Assert.Contains("id=\"contact\">問い合わせ先", item);
        Assert.Contains("<a href=\"../divisions/zaisei.html\">財政課</a>", item);
        Assert.DoesNotContain("問い合わせ先", Page("items/05.html"));   // 商工観光課: the city gave no contact, so none is shown

        foreach (var old in new[] { "divisions/zaiseika.html", "divisions/d-f314d6980a.html" })
        {
            var redirect = Page(old);
            Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=../divisions/zaisei.html\">", redirect);
            Assert.Contains("<link rel=\"canonical\" href=\"https://example.jp/plan/divisions/zaisei.html\">", redirect);
            Assert.Contains("<meta name=\"robots\" content=\"noindex\">", redirect);
            Assert.Contains("<a href=\"../divisions/zaisei.html\">財政課の実施項目</a>", redirect);
            Assert.DoesNotContain(old, Page("sitemap.xml"));
        }
        Assert.Contains("divisions/zaisei.html", Page("sitemap.xml"));
        Assert.DoesNotContain("関係各課</a>", Page("items/10.html"));
        Assert.DoesNotContain(site, f => f.Path.StartsWith("divisions/d-", StringComparison.Ordinal) && !f.Path.Contains("f314d6980a"));
    }

    [Fact]
    public void An_excel_damaged_policies_csv_is_blamed_alone_not_every_item()
    {
        using var dir = Repo.CopyOf();
        var csv = dir["input/policies.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("1-1,1,(1)", "1月1日,1,-1").Replace("1-2,1,(2)", "1月2日,1,-2"), new UTF8Encoding(true));
        var run = Cli.Invoke("check", "--input", dir["input"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{dir["input"]}/policies.csv:3 [コード] エラー: コード「1月1日」は日付になっています。Excelが「1-1」を日付に変えて保存したようです。", run.Err);
        Assert.Contains($"{dir["input"]}/policies.csv:4 [表記] エラー: 表記「-2」は負の数になっています。Excelが「(2)」を負の数に変えて保存したようです。", run.Err);
        Assert.DoesNotContain("/items/", run.Err);
    }

    [Fact]
    public void Serve_on_a_busy_port_says_so_in_japanese()
    {
        using var dir = Repo.CopyOf();
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((IPEndPoint)busy.LocalEndpoint).Port;
            var run = Cli.Invoke("serve", "--input", dir["input"], "--output", dir["_site"], "--theme", Repo.Theme, "--port", port.ToString());
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains($"ポート {port} はほかのプログラム", run.Out + run.Err);
            Assert.Contains("--port", run.Out + run.Err);
            Assert.DoesNotContain("予期しない", run.Out + run.Err);
        }
        finally { busy.Stop(); }
    }

    private static ProcessStartInfo Program(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(typeof(ActionPlan.Site.Cli.App).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    [Fact]
    public async Task Serve_stops_cleanly_on_SIGTERM()
    {
        Assert.False(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal");
        using var dir = Repo.CopyOf();
        using var process = Process.Start(Program(dir.Path, "serve", "--port", "0"))!;
        try
        {
            var output = new StringBuilder();
            var started = new TaskCompletionSource();
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); if (e.Data?.StartsWith("プレビュー: ") == true) started.TrySetResult(); };
            process.BeginOutputReadLine();
            var err = process.StandardError.ReadToEndAsync();
            // Generous: on a loaded two-core CI machine the first build (template compile) shares the CPU with every other test.
            await started.Task.WaitAsync(TimeSpan.FromMinutes(4));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, process.ExitCode);
            lock (output) Assert.Contains("プレビューを終了しました", output.ToString());
            Assert.DoesNotContain("Exception", await err);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Every_command_works_from_any_folder_with_the_theme_inside_the_program()
    {
        using var dir = Repo.CopyOf();
        Assert.False(Directory.Exists(dir["theme"]));
        using var process = Process.Start(Program(dir.Path, "build", "--quiet"))!;
        var err = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, err);
        foreach (var file in SiteBuild.Real)
            Assert.True(file.Content.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir["_site"], file.Path))), $"{file.Path} differs from the build with theme/");
    }
}
