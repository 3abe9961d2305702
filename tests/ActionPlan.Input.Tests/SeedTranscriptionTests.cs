using System.Text.RegularExpressions;
using ActionPlan.Domain;
using ActionPlan.Testing;

namespace ActionPlan.Input.Tests;

/// <summary>
/// input/ must hold the source document complete and verbatim. These tests read the document itself
/// (Seed/source.txt, a copy of the published text) independently of the loader, and compare every cell.
/// </summary>
public partial class SeedTranscriptionTests
{
    /// <summary>The document's slips that input/ corrects (listed in input/README.md).</summary>
    public static readonly (string Slip, string Fixed)[] Corrections =
    [
        ("±5,100時間", "+5,100時間"),
        ("10,93日", "10.93日"),
        ("OR2年度末", "○R2年度末"),
    ];

    private static readonly Lazy<Plan> Loaded = new(() =>
    {
        var result = PlanLoader.Load(Repo.Input, "input");
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        return result.Plan!;
    });

    private sealed record SeedItem(int Number, string Name, string Divisions, Dictionary<string, string> Rows, string Published);

    [GeneratedRegex(@"</?p>|</?u>")]
    private static partial Regex Markup();

    private static List<SeedItem> SeedItems()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "source.txt"));
        var tables = Regex.Split(text, @"\n(?=\| 項目番号 \| No\.)").Skip(1);
        var items = new List<SeedItem>();
        foreach (var table in tables)
        {
            var lines = table.Split('\n').Where(l => l.StartsWith('|')).ToList();
            string[] Cells(string l) => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var head = Cells(lines[0]);
            var rows = new Dictionary<string, string>();
            var published = "";
            foreach (var l in lines.Skip(2))
            {
                var c = Cells(l);
                var cell = Markup().Replace(c[1], "");
                foreach (var (slip, fix) in Corrections) cell = cell.Replace(slip, fix);
                rows[c[0]] = cell;
                if (c[0] == "R4年度実績") published = c[^1];
            }
            items.Add(new SeedItem(int.Parse(head[1].Replace("No.", "").Trim()), head[3], head[5], rows, published));
        }
        return items;
    }

    private static string Squash(string s) => Regex.Replace(s, @"\s+", "");

    private static string Flatten(Section section) => string.Concat(section.Groups.Select(g =>
        (g.Heading ?? "") + string.Concat(g.Bullets.Select(b => "○" + b.Text + string.Concat(b.Tags.Select(t => $"【{t}】")))) + string.Concat(g.Notes)));

    private static int Count(Section section) => section.Groups.Sum(g => g.Bullets.Count);

    [Fact]
    public void The_seed_has_sixteen_items_and_input_holds_all_of_them_in_order()
    {
        var seed = SeedItems();
        Assert.Equal(16, seed.Count);
        Assert.Equal(seed.Select(s => s.Number), Loaded.Value.Items.Select(i => i.Number));
        foreach (var s in seed)
        {
            var item = Loaded.Value.Items.Single(i => i.Number == s.Number);
            Assert.Equal(s.Name, item.Name);
            Assert.Equal(s.Divisions, string.Join("、", item.Divisions));
        }
    }

    public static TheoryData<int> Numbers => new(Enumerable.Range(1, 16));

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Issues_and_goals_are_complete_and_verbatim(int number)
    {
        var s = SeedItems().Single(i => i.Number == number);
        var item = Loaded.Value.Items.Single(i => i.Number == number);
        Assert.Equal(s.Rows["現状・課題"].Count(c => c == '○'), Count(item.Issues));
        Assert.Equal(s.Rows["目標"].Count(c => c == '○'), Count(item.Goals));
        Assert.Equal(Squash(s.Rows["現状・課題"]), Squash(Flatten(item.Issues)));
        Assert.Equal(Squash(s.Rows["目標"]), Squash(Flatten(item.Goals)));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Every_line_of_every_year_is_present_verbatim(int number)
    {
        var s = SeedItems().Single(i => i.Number == number);
        var item = Loaded.Value.Items.Single(i => i.Number == number);
        var years = s.Rows.Keys.Where(k => Regex.IsMatch(k, @"^R\d年度(実績|計画)$")).ToList();
        Assert.Equal(3, years.Count);
        foreach (var key in years)
        {
            var year = new FiscalYear(key[1] - '0');
            var kind = key.EndsWith("実績") ? EntryKind.Result : EntryKind.Plan;
            var entry = item.Entries.Single(e => e.Year == year && e.Kind == kind);
            Assert.Equal(s.Rows[key].Count(c => c == '○'), entry.Lines.Count);
            Assert.Equal(Squash(s.Rows[key]), Squash(string.Concat(entry.Lines.Select(l => "○" + l.Text))));
        }
        Assert.Equal(item.Entries.Count, years.Count);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Published_figures_and_counted_marks_match_the_document(int number)
    {
        var s = SeedItems().Single(i => i.Number == number);
        var item = Loaded.Value.Items.Single(i => i.Number == number);
        var result = item.Entries.Single(e => e.Kind == EntryKind.Result);
        Assert.Equal(s.Published, result.Published!.Display);
        // every (※) in the document is a counted indicator in input/, and nothing else is
        var marks = Regex.Matches(s.Rows["R4年度実績"], @"[（(]※[）)]").Count;
        var counted = result.Lines.Count(l => l.Indicators.Any(i => i.Counted));
        Assert.Equal(marks, counted);
        // every 「年度計画に数値目標の記載なし」 line carries a figure without a target that does not count
        foreach (var line in result.Lines.Where(l => l.Text.Contains("年度計画に数値目標の記載なし")))
        {
            var ind = Assert.Single(line.Indicators);
            Assert.Null(ind.Target);
            Assert.NotNull(ind.Actual);
            Assert.False(ind.Counted);
        }
    }

    [Fact]
    public void Computed_R4_achievements_reproduce_every_published_figure()
    {
        var computed = Loaded.Value.Items.Select(i => AchievementRule.For(i, new FiscalYear(4)).Display);
        Assert.Equal(["100%", "100%", "100%", "100%", "70%", "100%", "100%", "100%", "100%", "67%", "100%", "100%", "100%", "100%", "46%", "—"], computed);
    }

    [Fact]
    public void Tags_and_notes_are_kept_as_their_own_elements()
    {
        var items = Loaded.Value.Items;
        Assert.Equal("もっとつながるまち小郡アクションプラン指標", Assert.Single(items[3].Goals.Groups.Single().Bullets.Single().Tags));
        Assert.StartsWith("※ロジックモデル", Assert.Single(items[6].Issues.Groups.Single().Notes));
        Assert.Equal(["(普及)", "(活用)"], items[9].Issues.Groups.Select(g => g.Heading));
        Assert.Contains(Loaded.Value.Policies, p => p.Notes.Any(n => n.StartsWith("※行政運営リテラシー")));
    }

    [Fact]
    public void The_plan_its_policies_and_chapters_are_present()
    {
        var plan = Loaded.Value;
        Assert.Equal("小郡市行政経営行動計画", plan.Info.Title);
        Assert.Equal((new FiscalYear(4), new FiscalYear(8)), (plan.Info.Start, plan.Info.End));
        Assert.Equal((2024, 2), (plan.Info.PublishedYear, plan.Info.PublishedMonth));
        Assert.Equal(["1", "1-1", "1-2", "2", "3"], plan.Policies.Select(p => p.Code));
        Assert.Equal(["計画策定の背景", "計画の基本的事項", "実施方針"], plan.Chapters.Select(c => c.Title));
        Assert.Contains("| 令和元年 | 緊急財政対策計画 |", plan.Chapters[0].Markdown);
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "source.txt"));
        foreach (var p in plan.Policies) Assert.Contains(p.Description, seed);
        foreach (var para in plan.Chapters.SelectMany(c => c.Markdown.Split('\n')).Where(l => l.Length > 20 && !l.StartsWith('|')))
            Assert.Contains(para, seed);
    }

    /// <summary>
    /// The other direction: every paragraph, heading and history-table row of the document's chapters 第1–第3 is in input/
    /// (the chapters' Markdown, or policies.csv for the policy texts), so nothing of the document is left out.
    /// </summary>
    [Fact]
    public void Every_line_of_the_documents_chapters_is_in_the_input()
    {
        var plan = Loaded.Value;
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "source.txt")).Replace("\r\n", "\n");
        var start = seed.IndexOf("\n第1 計画策定の背景\n", StringComparison.Ordinal);
        var end = seed.IndexOf("\n実施項目 令和4年度実績、令和5～6年度計画", start, StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "chapters 第1–第3 not found in the source document");
        static string Squash(string s) => Regex.Replace(s, @"[\s|#\-:]+", "");
        var input = Squash(string.Join("\n", plan.Chapters.Select(c => $"{c.Label} {c.Title}\n{c.Markdown}"))
                           + string.Join("\n", plan.Policies.SelectMany(p => p.Notes.Prepend(p.Description).Prepend($"{p.Label} {p.Name}"))));
        var lines = seed[start..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !Regex.IsMatch(l, @"^\|[\s|\-]*\|$")).ToList();
        Assert.True(lines.Count > 30, $"{lines.Count} lines");
        var missing = lines.Where(l => !input.Contains(Squash(l), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "lines of the document missing from input/: " + string.Join(" / ", missing));
    }
}
