namespace ActionPlan.Site.Tests;

/// <summary>The command line (System.CommandLine): help per command, --version, Japanese messages and exit 2 for mistakes.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("build", new[] { "--input", "--output", "--theme", "--base-url", "--draft", "--no-cache", "--quiet", "--verbose", "--help" })]
    [InlineData("serve", new[] { "--input", "--output", "--theme", "--base-url", "--port", "--no-cache", "--quiet", "--verbose" })]
    [InlineData("check", new[] { "--input", "--format", "--quiet", "--verbose" })]
    [InlineData("next-year", new[] { "--input", "--year" })]
    public void Help_lists_every_option_of_the_command(string command, string[] options)
    {
        var run = Cli.Invoke(command, "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in options) Assert.Contains(option, run.Out);
        Assert.Contains("使い方を表示します", run.Out);
    }

    [Fact]
    public void A_mistyped_option_exits_2_and_suggests_the_right_one()
    {
        var run = Cli.Invoke("build", "--outptu", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("「build」に「--outptu」というオプションはありません。--output のことですか？", run.Err);
        Assert.DoesNotContain("余分な値", run.Err);
        Assert.Contains("build --help", run.Err);
    }

    [Fact]
    public void A_mistyped_command_exits_2_and_suggests_the_right_one()
    {
        var run = Cli.Invoke("buld");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("「buld」というコマンドはありません。build のことですか？", run.Err);
    }

    [Fact]
    public void Version_prints_the_programs_version()
    {
        var run = Cli.Invoke("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out.Trim());
    }

    [Theory]
    [InlineData(new string[0], "input/plan.md")]   // no arguments outside a plan folder: where the program belongs (inside one it starts the preview)
    [InlineData(new[] { "next-year" }, "--year を指定してください")]
    [InlineData(new[] { "check", "--format", "xml" }, "「xml」は使えません。使える値: text、json")]
    [InlineData(new[] { "serve", "--port", "abc" }, "--port の値「abc」が読めません")]
    [InlineData(new[] { "serve", "--port", "70000" }, "--port には 0～65535 の数を指定してください")]
    [InlineData(new[] { "build", "extra" }, "余分な値「extra」があります")]
    public void Command_line_mistakes_exit_2_in_japanese(string[] args, string expected)
    {
        var run = Cli.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }
}

/// <summary>netlify.toml read with a real TOML parser (Tomlyn), so the headers the tests check are the ones Netlify sends.</summary>
public class NetlifyHeadersTests
{
    [Fact]
    public void Quoted_literal_and_multi_line_values_are_read_as_toml_defines_them()
    {
        var rules = ActionPlan.Site.Serve.NetlifyHeaders.Parse(""""
            [[headers]]
              for = "/*"
              [headers.values]
                "Content-Security-Policy" = """default-src 'self';
            script-src 'self'"""
                X-Literal = 'C:\path "quoted"'
                X-Escaped = "a \"b\" c"
            [[headers]]
              for = '/*.html'
              [headers.values]
                Cache-Control = "no-cache"
            """");
        var all = ActionPlan.Site.Serve.NetlifyHeaders.For(rules, "/items/05.html");
        Assert.Equal("default-src 'self';\nscript-src 'self'", all["Content-Security-Policy"]);
        Assert.Equal("C:\\path \"quoted\"", all["X-Literal"]);
        Assert.Equal("a \"b\" c", all["X-Escaped"]);
        Assert.Equal("no-cache", all["Cache-Control"]);
        Assert.DoesNotContain("Cache-Control", ActionPlan.Site.Serve.NetlifyHeaders.For(rules, "/assets/site.css").Keys);
    }

    [Fact]
    public void The_repositorys_netlify_toml_gives_the_strict_csp()
    {
        var rules = ActionPlan.Site.Serve.NetlifyHeaders.Read(Path.Combine(ActionPlan.Testing.Repo.Root, "netlify.toml"));
        Assert.Contains("frame-ancestors 'none'", ActionPlan.Site.Serve.NetlifyHeaders.For(rules, "/index.html")["Content-Security-Policy"]);
    }
}
