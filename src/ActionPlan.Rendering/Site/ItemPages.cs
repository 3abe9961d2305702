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

        var years = evaluation.Years.Select(y =>
        {
            string? published = null, note = null;
            if (y.Published is { } pub)
            {
                published = pub.Display;
                if (y.Agreement == Agreement.Disagrees)
                    note = $"計算した達成度（{y.Computed.Display}）は公表値（{pub.Display}）と異なります。このページには計算した値を表示しています。" +
                           (pub.Reason is { } reason ? $"異なる理由: {reason}" : "");
            }
            return new YearView(
                "year-" + y.Year.Short.ToLowerInvariant(),
                y.Year.JapaneseWithWestern,
                y.Plan?.Lines.Select(Line).ToList() ?? [],
                y.Results?.Lines.Select(Line).ToList() ?? [],
                y.HasResults ? AchievementView.Of(y) : null,
                published,
                note);
        }).ToList();

        var indicators = evaluation.Years
            .SelectMany(y => y.Indicators.Select(i => (Year: y, Indicator: i)))
            .Select(t => new IndicatorRow(
                $"{t.Year.Year.Japanese}{(t.Indicator.Kind == EntryKind.Result ? "実績" : "計画")}",
                t.Indicator.Indicator.Name,
                Figure(t.Indicator.Indicator.Target),
                Figure(t.Indicator.Indicator.Actual),
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
            Breadcrumbs = SiteLinks.Breadcrumbs(path, trail.Select(p => (Slugs.Policy(p.Code), $"{p.Label} {p.Name}")).Append((path, $"No.{item.Number} {item.Name}")).ToArray()),
            Issues = item.Issues,
            Goals = item.Goals,
            Latest = AchievementView.Of(evaluation.For(evaluated.ReportingYear)),
            Years = years,
            Indicators = indicators,
            Chart = ChartGeometry.For(evaluation, Plan.Info),
            Previous = Neighbour(index - 1),
            Next = Neighbour(index + 1),
        };
    }

    private static LineView Line(YearLine line) => new(line.Text, line.Indicators.Any(i => i.Counted));

    private static FigureView Figure(Quantity? q) => q is null ? FigureView.None : new FigureView(q.Display, q.Spoken);
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
