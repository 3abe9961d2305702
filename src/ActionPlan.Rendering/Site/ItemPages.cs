using System.Globalization;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>An item's page: its text, each year's plan and results with the achievement, its indicators and its chart.</summary>
public sealed class ItemPages(EvaluatedPlan evaluated, SiteInfo site, SiteLinks links, PolicyIndex policies)
{
    private Plan Plan => evaluated.Plan;

    public ItemPage Build(int index)
    {
        var item = Plan.Items[index];
        var evaluation = evaluated[item.Number];
        var path = Slugs.Item(item.Number);
        var trail = policies.Trail(item.PolicyCode);
        var prose = new Prose(Plan.Terms, SiteLinks.Rel(path, SiteModelBuilder.GlossaryPath));
        var issues = SectionView.Of(item.Issues, prose);
        var goals = SectionView.Of(item.Goals, prose);

        var years = evaluation.Years.Select(y =>
        {
            string? published = null;
            TextView? note = null;
            if (y.Published is { } pub)
            {
                published = pub.Display + (y.Agreement == Agreement.Agrees ? "（計算した値と一致）" : "");
                if (y.Agreement == Agreement.Disagrees)
                    note = Prose.SignsOnly.Text($"計算した達成度（{y.Computed.Display}）は公表値（{pub.Display}）と異なります。このページには計算した値を表示しています。" +
                           (pub.Reason is { } reason ? $"異なる理由: {reason}" : ""));
            }
            // In page order (results are shown before the plan), so a term is linked where a reader first meets it.
            var results = y.Results?.Lines.Select(l => LineView.Of(l, prose)).ToList() ?? [];
            var plan = y.Plan?.Lines.Select(l => LineView.Of(l, prose)).ToList() ?? [];
            return new YearView(
                "year-" + y.Year.Short.ToLowerInvariant(),
                y.Year.JapaneseWithWestern,
                plan,
                results,
                y.HasResults ? AchievementView.Of(y) : null,
                published,
                note);
        }).ToList();

        var indicators = evaluation.Years
            .SelectMany(y => y.Indicators.Select(i => (Year: y, Indicator: i)))
            .Select(t => new IndicatorRow(
                $"{t.Year.Year.Japanese}{(t.Indicator.Kind == EntryKind.Result ? "実績" : "計画")}",
                t.Indicator.Indicator.Name,
                Target(t.Indicator.Indicator),
                Actual(t.Indicator.Indicator),
                t.Indicator.Indicator.Actual?.Unit is { Length: > 0 } u ? u : t.Indicator.Indicator.Target?.Unit is { Length: > 0 } tu ? tu : "—",
                t.Indicator.Indicator.Kind switch { TargetKind.AtLeast => "以上", TargetKind.AtMost => "以下", _ => "—" },
                t.Indicator.Ratio is { } r ? (r * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—",
                t.Indicator.Indicator.Counted ? "※ 対象" : "対象外",
                t.Indicator.Indicator.Counted))
            .ToList();

        Link? Neighbour(int i) => i >= 0 && i < Plan.Items.Count
            ? new Link(SiteLinks.Rel(path, Slugs.Item(Plan.Items[i].Number)), $"No.{Plan.Items[i].Number} {Plan.Items[i].Name}")
            : null;

        return new ItemPage
        {
            Path = path,
            Heading = $"No.{item.Number} {item.Name}",
            Site = site,
            Navigation = links.Navigation(path),
            NumberLabel = $"No.{item.Number}",
            Name = item.Name,
            Divisions = item.Divisions.Select(d => new DivisionRef(d, Plan.DivisionNamed(d) is { } div ? SiteLinks.Rel(path, Slugs.Division(div.Slug)) : null)).ToList(),
            Contacts = item.Divisions.Select(Plan.DivisionNamed).OfType<Division>().Select(Contacts.Of).OfType<ContactView>().ToList(),
            PolicyTrail = trail.Select(p => new Link(SiteLinks.Rel(path, Slugs.Policy(p.Code)), $"{p.Label} {p.Name}")).ToList(),
            Breadcrumbs = links.Breadcrumbs(path, trail.Select(p => (Slugs.Policy(p.Code), $"{p.Label} {p.Name}")).Append((path, $"No.{item.Number} {item.Name}")).ToArray()),
            Issues = issues,
            Goals = goals,
            Latest = AchievementView.Of(evaluation.For(evaluated.ReportingYear)),
            Years = years,
            Indicators = indicators,
            YearsHint = "（※）の付いた実績の指標が、その年度の年度計画達成度の計算対象です。" +
                (years.Any(y => y.Published is not null) ? "「公表値」は、市が公表した資料に載っている年度計画達成度です。このサイトは指標から達成度を計算し、公表値と照らし合わせています。" : ""),
            RatioHint = evaluation.Years.SelectMany(y => y.Indicators).Any(i => i.Indicator.Target?.Value < 0) ? RatioRule + ReductionRule : RatioRule,
            Chart = ChartGeometry.For(evaluation, Plan.Info),
            Previous = Neighbour(index - 1),
            Next = Neighbour(index + 1),
        };
    }


    private static FigureView Figure(Quantity? q) => q is null ? FigureView.None : new FigureView(q.Display, q.Spoken);

    /// <summary>A target written as a change (▲600時間, +5%) is a change: say which way and how much.</summary>
    private static bool IsChange(Indicator i) => i.Target is { } t && (t.Value < 0 || t.ExplicitPlus);

    private static string Size(Quantity q) => (q with { Value = Math.Abs(q.Value), ExplicitPlus = false }).Display;

    private static FigureView Target(Indicator i)
    {
        if (i.Target is not { } t || !IsChange(i)) return Figure(i.Target);
        var bound = i.Kind switch { TargetKind.AtLeast => "以上", TargetKind.AtMost => "以下", _ => "" };
        return new FigureView(t.Display, t.Spoken, $"{Size(t)}{bound}の{(t.Value < 0 ? "削減" : "増加")}");
    }

    private static FigureView Actual(Indicator i)
    {
        if (i.Actual is not { } a || !IsChange(i)) return Figure(i.Actual);
        return new FigureView(a.Display, a.Spoken, a.Value == 0 ? "増減なし" : $"{Size(a)}の{(a.Value < 0 ? "減少" : "増加")}");
    }

    public const string RatioRule = "比率は、「以上」の目標では実績÷目標、「以下」の目標では実績が目標以下なら100%・超えたら目標÷実績で、0%～100%の範囲に収めます。";
    public const string ReductionRule = "目標値が減らす量で書かれた削減の目標では、減らせた量÷目標の削減量です（増えた場合は0%）。";
}

/// <summary>How to reach a division, only with what the city gave in divisions.csv.</summary>
public static class Contacts
{
    public static ContactView? Of(Division d)
    {
        static string? Given(string s) => s.Length == 0 ? null : s;
        return d.Phone.Length + d.Email.Length + d.Url.Length == 0 ? null : new ContactView(d.Name, Given(d.Phone), Given(d.Email), Given(d.Url));
    }
}
