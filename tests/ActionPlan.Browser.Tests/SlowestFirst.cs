using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(ActionPlan.Browser.Tests.SlowestFirst))]

namespace ActionPlan.Browser.Tests;

/// <summary>
/// Starts the longest test classes first (the full-site audit, the per-page pass, the PDFs), so that on two cores the
/// suite ends when they end instead of when the last of them finally gets a slot. The rest keep their usual order.
/// </summary>
public sealed class SlowestFirst : ITestCollectionOrderer
{
    private static readonly string[] Slowest = ["AuditTests", "MorePageTests", "PageTests", "PdfTests", "HostileInputBrowserTests", "DraftAndDivisionPagesTests", "ValidatorTests"];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        testCollections
            .OrderBy(c => Rank(c.TestCollectionDisplayName))
            .ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)
            .ToList();

    private static int Rank(string name)
    {
        // The default collection of a class is named after the class ("Test collection for ActionPlan.Browser.Tests.PdfTests…").
        for (var i = 0; i < Slowest.Length; i++)
            if (System.Text.RegularExpressions.Regex.IsMatch(name, @"(?<![A-Za-z])" + Slowest[i] + @"(?![A-Za-z])")) return i;
        return Slowest.Length;
    }
}
