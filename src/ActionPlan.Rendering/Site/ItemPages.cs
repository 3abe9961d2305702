using System.Globalization;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>An item's page: its text, each year's plan and results with the achievement, its indicators and its chart.</summary>
public sealed class ItemPages(EvaluatedPlan evaluated, SiteInfo site, SiteLinks links, PolicyIndex policies, Theme.Words words)
{
    /// <summary>「No.5 ふるさと納税の推進」: the item's heading, its neighbours' links and its last breadcrumb.</summary>
    private string Title(Item item) => words.Format("item.heading", ("number", item.Number), ("name", item.Name));

    private Plan Plan => evaluated.Plan;

    public ItemPage Build(int index)
    {
        var item = Plan.Items[index];
        var evaluation = evaluated[item.Number];
        var path = Slugs.Item(item.Number);
        var trail = policies.Trail(item.PolicyCode);
        var prose = new Prose(Plan.Terms, SiteLinks.Rel(path, Slugs.Glossary));
        var issues = SectionView.Of(item.Issues, prose);
        var goals = SectionView.Of(item.Goals, prose);

        var years = evaluation.Years.Select(y =>
        {
            string? published = null;
            TextView? note = null;
            if (y.Published is { } pub)
            {
                published = pub.Display + (y.Agreement == Agreement.Agrees ? words["item.published-agrees"] : "");
                if (y.Agreement == Agreement.Disagrees)
                    note = Prose.SignsOnly.Text(words.Format("item.published-disagrees", ("computed", y.Computed.Display), ("published", pub.Display)) +
                           (pub.Reason is { } reason ? words.Format("item.published-reason", ("reason", reason)) : ""));
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
                note,
                y.Forecast is { } forecast ? forecast.Lines.Select(l => LineView.Of(l, prose)).ToList() : null);
        }).ToList();
        var fields = item.Extra.Select((f, i) => new FieldView("field-" + (i + 1).ToString(CultureInfo.InvariantCulture), f.Name, SectionView.Of(f.Content, prose))).ToList();

        var indicators = new Indicators(Plan.Info, words);
        Link? Neighbour(int i) => i >= 0 && i < Plan.Items.Count
            ? new Link(SiteLinks.Rel(path, Slugs.Item(Plan.Items[i].Number)), Title(Plan.Items[i]))
            : null;

        var latest = AchievementView.Of(evaluation.For(evaluated.ReportingYear));
        var status = latest.Word(words);
        var update = evaluation.Update;
        return new ItemPage
        {
            LastUpdated = update is null ? null : Wareki.Month(update.Edition.Year, update.Edition.Month, words),
            StaleNote = update is { Stale: true } ? words.Format("item.stale", ("count", update.EditionsSince)) : null,
            Summary = words.Format("item.description", ("heading", Title(item)), ("city", Plan.Info.City), ("title", Plan.Info.Title),
                ("year", evaluated.ReportingYear.Japanese), ("achievement", latest.Percent is null ? status : $"{latest.Display}（{status}）"))
                + (latest.StaffText(words) is { } staff ? words.Format("item.description-staff", ("staff", staff)) : ""),
            Path = path,
            Heading = Title(item),
            Site = site,
            Navigation = links.Navigation(path),
            NumberLabel = words.Format("item.number", ("number", item.Number)),
            Name = item.Name,
            Divisions = item.Divisions.Select(d => new DivisionRef(d, Plan.DivisionNamed(d) is { } div ? SiteLinks.Rel(path, Slugs.Division(div.Slug)) : null)).ToList(),
            Contacts = item.Divisions.Select(Plan.DivisionNamed).OfType<Division>().Select(Contacts.Of).OfType<ContactView>().ToList(),
            PolicyTrail = trail.Select(p => new Link(SiteLinks.Rel(path, Slugs.Policy(p.Code)), $"{p.Label} {p.Name}")).ToList(),
            Breadcrumbs = links.Breadcrumbs(PageKinds.Item, path, trail.Select(p => (Slugs.Policy(p.Code), $"{p.Label} {p.Name}")).Append((path, Title(item))).ToArray()),
            Issues = issues,
            Goals = goals,
            Latest = latest,
            Years = years,
            Indicators = indicators.Rows(evaluation.Years),
            YearsHint = words["item.years-hint"] + (years.Any(y => y.Published is not null) ? words["item.years-hint-published"] : ""),
            RatioHint = indicators.RatioHint(evaluation.Years),
            Chart = ChartGeometry.For(evaluation, Plan.Info, words),
            Fields = fields,
            KpiCharts = indicators.Charts(evaluation.Years, "kpi-"),
            Previous = Neighbour(index - 1),
            Next = Neighbour(index + 1),
        };
    }


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
