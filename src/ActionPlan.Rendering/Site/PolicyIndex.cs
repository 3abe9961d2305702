using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>The policy tree (実施方針): trails from the root, leaves, nodes with their item counts.</summary>
public sealed class PolicyIndex(Plan plan, Theme.Words words)
{
    private readonly Dictionary<string, Policy> _byCode = plan.Policies.ToDictionary(p => p.Code);

    /// <summary>The policies from the root down to <paramref name="code"/>.</summary>
    public IReadOnlyList<Policy> Trail(string code)
    {
        var stack = new List<Policy>();
        for (var p = _byCode.GetValueOrDefault(code); p is not null; p = p.ParentCode is null ? null : _byCode.GetValueOrDefault(p.ParentCode))
            stack.Insert(0, p);
        return stack;
    }

    /// <summary>「1 健全な財政基盤の確立 ＞ (1) 歳出の抑制」, the 「＞」 read as a pause.</summary>
    public TextView TrailText(string code) => Prose.Trail(Trail(code).Select(p => $"{p.Label} {p.Name}"), words);

    /// <summary>Policies without children: the ones items belong to.</summary>
    public IEnumerable<Policy> Leaves => plan.Policies.Where(p => plan.Policies.All(c => c.ParentCode != p.Code));

    /// <summary>Items under a policy (directly or through its children).</summary>
    public IEnumerable<Item> ItemsUnder(string code) => plan.Items.Where(i => Trail(i.PolicyCode).Any(p => p.Code == code));

    /// <param name="prose">The page's text marker (glossary links on first use); signs only when not given.</param>
    public PolicyNode Node(Policy p, string from, Prose? prose = null)
    {
        prose ??= Prose.SignsOnly;
        return new(
            p.Label, p.Name, new Link(SiteLinks.Rel(from, Slugs.Policy(p.Code)), p.Name), prose.Text(p.Description), p.Notes.Select(prose.Text).ToList(),
            plan.Policies.Where(c => c.ParentCode == p.Code).Select(c => Node(c, from, prose)).ToList(),
            ItemsUnder(p.Code).Count(),
            LevelOf(p),
            plan.Policies.Any(c => c.ParentCode == p.Code) ? LevelAt(Trail(p.Code).Count) : ItemLevel);
    }

    /// <summary>The items' level name: the plan's (plan.md 階層) or the theme's.</summary>
    public string ItemLevel => plan.Info.Form.ItemLevel ?? words["level.item"];

    /// <summary>The name of the policy level at <paramref name="depth"/> (0 = top): the plan's, or the theme's word for every level.</summary>
    public string LevelAt(int depth) => plan.Info.Form.PolicyLevel(depth) ?? words["level.policy"];

    public string LevelOf(Policy p) => LevelAt(Trail(p.Code).Count - 1);

    public IReadOnlyList<PolicyNode> Tree(string from, Prose? prose = null) =>
        plan.Policies.Where(p => p.ParentCode is null).Select(p => Node(p, from, prose)).ToList();
}
