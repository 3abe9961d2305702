namespace ActionPlan.Domain;

/// <summary>One line of an edition's 更新情報: a sentence, and the item it is about when it is about one.</summary>
public sealed record HistoryLine(string Text, int? Item = null);

/// <summary>
/// An edition of the plan's site (公表, a month) and what it changed, as the city keeps it in history.csv. Dates are
/// the data's (the 公表 month), never the clock, so the feed and the pages are the same whenever they are built.
/// </summary>
public sealed record Edition(int Year, int Month, IReadOnlyList<HistoryLine> Lines)
{
    public string Key => $"{Year:D4}-{Month:D2}";

    public bool Mentions(int item) => Lines.Any(l => l.Item == item);
}

/// <summary>最終更新: the latest edition that changed an item, and whether the item went unchanged through two or more editions since.</summary>
public sealed record ItemUpdate(Edition Edition, int EditionsSince)
{
    /// <summary>Marked for citizens: the item was not updated in the last two editions (or more).</summary>
    public bool Stale => EditionsSince >= 2;

    /// <summary>
    /// The item's 最終更新 from the editions (newest first): the newest one that mentions it; an item no edition mentions
    /// was last changed in the first edition (it has been as it is since the site began).
    /// </summary>
    public static ItemUpdate? Of(IReadOnlyList<Edition> newestFirst, int item)
    {
        if (newestFirst.Count == 0) return null;
        for (var i = 0; i < newestFirst.Count; i++)
            if (newestFirst[i].Mentions(item)) return new ItemUpdate(newestFirst[i], i);
        return new ItemUpdate(newestFirst[^1], newestFirst.Count - 1);
    }
}
