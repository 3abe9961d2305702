namespace ActionPlan.Domain;

/// <summary>A Japanese fiscal year (年度), April to March, identified by its Reiwa number (R4 = 令和4年度 = FY2022).</summary>
public readonly record struct FiscalYear(int Reiwa) : IComparable<FiscalYear>
{
    private const int ReiwaOffset = 2018;

    public static FiscalYear FromWestern(int year) => new(year - ReiwaOffset);

    /// <summary>西暦 of the year the fiscal year starts in (R4 → 2022).</summary>
    public int Western => Reiwa + ReiwaOffset;

    /// <summary>The fiscal year's first and last days in ISO 8601: 2022-04-01 and 2023-03-31.</summary>
    public string FirstDay => $"{Western:D4}-04-01";
    public string LastDay => $"{Western + 1:D4}-03-31";

    /// <summary>令和4年度 (令和元年度 for R1).</summary>
    public string Japanese => Reiwa == 1 ? "令和元年度" : $"令和{Reiwa}年度";

    /// <summary>令和4年度（2022年度）.</summary>
    public string JapaneseWithWestern => $"{Japanese}（{Western}年度）";

    /// <summary>R4, the short form the plan's tables use.</summary>
    public string Short => $"R{Reiwa}";

    public FiscalYear Next => new(Reiwa + 1);
    public FiscalYear Previous => new(Reiwa - 1);

    public int CompareTo(FiscalYear other) => Reiwa.CompareTo(other.Reiwa);
    public static bool operator <(FiscalYear a, FiscalYear b) => a.Reiwa < b.Reiwa;
    public static bool operator >(FiscalYear a, FiscalYear b) => a.Reiwa > b.Reiwa;
    public static bool operator <=(FiscalYear a, FiscalYear b) => a.Reiwa <= b.Reiwa;
    public static bool operator >=(FiscalYear a, FiscalYear b) => a.Reiwa >= b.Reiwa;

    public override string ToString() => Short;
}
