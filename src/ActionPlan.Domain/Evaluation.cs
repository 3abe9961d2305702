namespace ActionPlan.Domain;

/// <summary>How the computed figure compares with the published one (公表値).</summary>
public enum Agreement { Agrees, Disagrees, NotPublished }

/// <summary>An item's computed achievement for one year with results, beside the published figure.</summary>
public sealed record YearAchievement(FiscalYear Year, Achievement Computed, PublishedAchievement? Published)
{
    public Agreement Agreement =>
        Published is null ? Agreement.NotPublished
        : Published.Percent == Computed.Percent ? Agreement.Agrees
        : Agreement.Disagrees;
}

/// <summary>Computes every item's achievement for every year that has results.</summary>
public static class Evaluation
{
    public static IReadOnlyList<YearAchievement> ForItem(Item item) =>
        item.Entries
            .Where(e => e.Kind == EntryKind.Result)
            .Select(e => e.Year)
            .Distinct()
            .Order()
            .Select(y => new YearAchievement(
                y,
                AchievementRule.For(item, y),
                item.Entries.FirstOrDefault(e => e.Year == y && e.Kind == EntryKind.Result)?.Published))
            .ToList();
}
