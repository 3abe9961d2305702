using ActionPlan.Rendering.Theme;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// ThemeRenderer runs pages, layouts and components itself (straight into the output) instead of through RazorLight's
/// per-piece view buffers and reflective include. The snapshot tests show the bytes are unchanged; these show the
/// edges: a component with a layout, a component that is not a ThemePage, a layout inside a layout, and the writer's
/// asynchronous calls.
/// </summary>
public class TemplateRenderingTests
{
    private static string Edit(Repo.TempDir dir, string component, Func<string, string> change)
    {
        var path = Path.Combine(dir["theme"], "components", component);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        return path;
    }

    [Fact]
    public void A_component_given_a_layout_stops_the_build_with_a_message_naming_it_and_the_previous_site_is_kept()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        var output = dir["site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", dir["theme"], "--quiet").ExitCode);
        var before = Repo.Tree(output);

        Edit(dir, "meter/_Meter.cshtml", text => text.Replace("<span class=\"ap-meter ", "@{ Layout = \"layouts/_Layout.cshtml\"; }\n<span class=\"ap-meter "));
        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", dir["theme"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("components/meter/_Meter.cshtml", run.Err);
        Assert.Contains("レイアウトを付けられません", run.Err);
        Assert.Empty(Repo.Differences(before, Repo.Tree(output)));
    }

    [Fact]
    public void A_typo_in_a_template_is_reported_with_the_template_line_and_column_and_nothing_is_written()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        Edit(dir, "meter/_Meter.cshtml", text => text.Replace("@Model.Display", "@Model.Dispaly"));
        var output = dir["site"];

        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", dir["theme"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("「components/meter/_Meter.cshtml」をコンパイルできません", run.Err);
        Assert.Contains("- (2:", run.Err);   // line 2 of the template, where the typo is
        Assert.Contains("Dispaly", run.Err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_component_that_is_a_plain_RazorLight_template_still_includes_its_own_components_in_place()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        // The indicator table no longer inherits ThemePage: it, and the figures it includes, go through RazorLight's own include.
        Edit(dir, "indicator-table/_IndicatorTable.cshtml", text => text.Replace("@inherits ActionPlan.Rendering.Theme.ThemePage<", "@inherits RazorLight.TemplatePage<"));
        var output = dir["site"];

        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", dir["theme"], "--quiet");

        Assert.Equal(0, run.ExitCode);
        var page = File.ReadAllText(Path.Combine(output, "items", "01.html"));
        var table = page.IndexOf("class=\"ap-table ap-indicator-table\"", StringComparison.Ordinal);
        Assert.True(table > 0, "item 1 has its indicator table");
        var end = page.IndexOf("</table>", table, StringComparison.Ordinal);
        var figure = page.IndexOf("class=\"ap-figure", table, StringComparison.Ordinal);
        Assert.True(figure > table && figure < end, "the figures are inside the indicator table");
    }

    [Fact]
    public void A_layout_that_has_a_layout_of_its_own_is_wrapped_in_it_once()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        var layout = Path.Combine(dir["theme"], "layouts", "_Layout.cshtml");
        var text = File.ReadAllText(layout);
        var model = text[..(text.IndexOf('\n') + 1)];   // the @inherits line: the outer layout sees the same page model
        File.WriteAllText(layout, text.Replace(model, model + "@{ Layout = \"layouts/_Outer.cshtml\"; }\n"));
        File.WriteAllText(Path.Combine(dir["theme"], "layouts", "_Outer.cshtml"), model + "<!-- outer -->\n@RenderBody()\n<!-- /outer -->\n");
        var output = dir["site"];

        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", dir["theme"], "--quiet");

        Assert.True(run.ExitCode == 0, run.Err);
        var page = File.ReadAllText(Path.Combine(output, "items", "01.html"));
        Assert.StartsWith("<!-- outer -->\n<!DOCTYPE html>", page);
        Assert.Matches("</html>\n+<!-- /outer -->\n$", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<!-- outer -->"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<main"));
    }

    [Fact]
    public void A_section_a_page_defines_is_written_where_its_layout_renders_it()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        var layout = Path.Combine(dir["theme"], "layouts", "_Layout.cshtml");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("@RenderBody()", "@RenderBody()\n@RenderSection(\"extra\", required: false)"));
        var item = Path.Combine(dir["theme"], "pages", "Item.cshtml");
        File.AppendAllText(item, "\n@section extra {<p class=\"extra\">@Model.NumberLabel の節</p>}\n");
        var output = dir["site"];

        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", dir["theme"], "--quiet");

        Assert.True(run.ExitCode == 0, run.Err);
        var page = File.ReadAllText(Path.Combine(output, "items", "05.html"));
        var section = page.IndexOf("<p class=\"extra\">No.5 の節</p>", StringComparison.Ordinal);
        Assert.True(section > 0, "the section is written");
        Assert.True(section < page.IndexOf("</main>", StringComparison.Ordinal) && section > page.LastIndexOf("ap-pager", StringComparison.Ordinal), "where the layout renders it: after the body, inside main");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "class=\"extra\""));
        Assert.DoesNotContain("class=\"extra\"", File.ReadAllText(Path.Combine(output, "index.html")));   // optional: pages without it are unchanged
    }

    [Fact]
    public void The_page_writer_answers_asynchronous_writes_at_once_with_the_same_bytes()
    {
        using var sync = new NormalizingWriter();
        sync.Write("見出し  \r\n\n\n本文\n");
        sync.Write('x');
        sync.Write("yz".ToCharArray(), 0, 2);

        using var async = new NormalizingWriter();
        // Not handed to the thread pool (TextWriter's default): the finished task itself comes back.
        Assert.Same(Task.CompletedTask, async.WriteAsync("見出し  \r\n\n\n本文\n"));
        Assert.Same(Task.CompletedTask, async.WriteAsync('x'));
        Assert.Same(Task.CompletedTask, async.WriteAsync("yz".ToCharArray(), 0, 2));
        Assert.Same(Task.CompletedTask, async.FlushAsync());

        Assert.Equal(sync.ToArray(), async.ToArray());
        Assert.Equal("見出し\n\n本文\nxyz\n", System.Text.Encoding.UTF8.GetString(async.ToArray()));
    }

    /// <summary>
    /// What the renderer here replaces, checked whole: every page of the seed site (and of a draft, with its banner)
    /// rendered by RazorLight's own renderer — its layouts, sections, includes and encoding — gives the same bytes.
    /// </summary>
    [Fact]
    public async Task Every_page_is_the_same_bytes_as_RazorLights_own_renderer_writes()
    {
        var plan = ActionPlan.Domain.EvaluatedPlan.Of(ActionPlan.Input.PlanLoader.Load(Repo.Input, "input").Plan!);
        var renderer = SiteBuild.Theme;
        foreach (var draft in new[] { false, true })
        {
            var pages = new ActionPlan.Rendering.Site.SiteModelBuilder(plan, renderer.Theme.Words, "https://example.city.jp/ap", draft ? ["問題の例"] : null).Pages();
            Assert.True(pages.Count > 30);
            foreach (var page in pages)
            {
                var ours = await renderer.RenderBytesAsync(page);
                var theirs = await renderer.RenderThroughRazorLightAsync(page);
                Assert.True(ours.AsSpan().SequenceEqual(theirs), $"{page.Path} (draft: {draft}) differs from RazorLight's rendering");
            }
        }
    }

    [Fact]
    public void A_layout_that_names_itself_or_a_circle_of_layouts_is_a_theme_error_naming_the_chain()
    {
        using var dir = Repo.CopyOf(Repo.Theme, "theme");
        var layout = Path.Combine(dir["theme"], "layouts", "_Layout.cshtml");
        File.WriteAllText(layout, "@{ Layout = \"layouts/_Outer.cshtml\"; }\n" + File.ReadAllText(layout));
        File.WriteAllText(Path.Combine(dir["theme"], "layouts", "_Outer.cshtml"), "@{ Layout = \"layouts/_Layout.cshtml\"; }\n@RenderBody()\n");
        var run = Cli.Invoke("build", "--input", Repo.Input, "--output", dir["site"], "--theme", dir["theme"], "--no-cache");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("レイアウトが循環しています", run.Err);
        Assert.Contains("layouts/_Layout.cshtml → layouts/_Outer.cshtml → layouts/_Layout.cshtml", run.Err);
        Assert.False(Directory.Exists(dir["site"]));
    }
}
