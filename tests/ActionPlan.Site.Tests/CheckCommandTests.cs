using System.Text.Json;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

public class CheckCommandTests
{
    [Fact]
    public void The_real_plan_checks_clean_with_every_published_R4_figure()
    {
        var run = Cli.Invoke("check", "--input", Repo.Input);
        Assert.Equal(0, run.ExitCode);
        var rows = run.Out.Split('\n').Where(l => l.Contains("令和4年度")).ToList();
        Assert.Equal(16, rows.Count);
        string[] expected = ["100%", "100%", "100%", "100%", "70%", "100%", "100%", "100%", "100%", "67%", "100%", "100%", "100%", "100%", "46%", "—"];
        for (var i = 0; i < 16; i++)
        {
            var cells = rows[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal((i + 1).ToString(), cells[0]);
            Assert.Equal("一致", cells[^1]);
            Assert.Equal(expected[i], cells[^2]);   // published
            if (expected[i] == "—") { Assert.Equal("—", cells[^3]); continue; }   // no figure, no grade
            Assert.Equal(expected[i], cells[^4]);   // computed
            Assert.Equal(expected[i] == "100%" ? "達成" : "一部達成", cells[^3]);   // its grade on the plan's scale
        }
    }

    [Fact]
    public void Editing_an_actual_value_shows_the_new_figure_names_the_disagreement_and_exits_1()
    {
        using var dir = Repo.CopyOf();
        var csv = dir["input/items/05.csv"];
        // The sentence and the column edited together (editing only one is caught as a contradiction).
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("実績は5.59億円", "実績は6億円").Replace("8億円,5.59億円", "8億円,6億円"));

        var run = Cli.Invoke("check", "--input", dir["input"]);

        Assert.Equal(1, run.ExitCode);
        var row = run.Out.Split('\n').Single(l => l.TrimStart().StartsWith("5 "));
        Assert.Contains("75%", row);
        Assert.Contains("70%", row);
        Assert.Contains("不一致", row);
        Assert.Contains($"{dir["input"]}/items/05.csv:2 [公表達成度] 公開不可: 令和4年度の達成度は、指標から計算すると75%ですが、公表達成度は70%です。", run.Err);
    }

    [Fact]
    public void Json_output_is_for_machines()
    {
        var run = Cli.Invoke("check", "--input", Repo.Input, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(16, items.Count);
        Assert.Equal(70, items[4].GetProperty("computed").GetInt32());
        Assert.Equal(JsonValueKind.Null, items[15].GetProperty("computed").ValueKind);
    }

    [Fact]
    public void Bad_input_gives_located_Japanese_errors_exit_1_and_no_stack_trace()
    {
        using var dir = Repo.CopyOf();
        File.WriteAllText(dir["input/items/05.csv"], File.ReadAllText(dir["input/items/05.csv"]).Replace("5.59億円", "五億"));
        var run = Cli.Invoke("check", "--input", dir["input"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("items/05.csv:3 [実績値] エラー:", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.DoesNotContain("Exception", run.Err);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Cli.Invoke("nonsense").ExitCode);
        Assert.Equal(2, Cli.Invoke("check", "--format", "xml").ExitCode);
        Assert.Equal(2, Cli.Invoke().ExitCode);
    }
}
