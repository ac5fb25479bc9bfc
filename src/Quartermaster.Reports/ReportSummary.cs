using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Reports;

/// <summary>The plain-language sentences at the top of a report: what the numbers below say.</summary>
public static class ReportSummary
{
    /// <summary>
    /// The stress run told as <see cref="StressSummary"/> tells it (the operating book first, then the stakes, then
    /// whether the book wins either way), then the book's shortage and its neutrality.
    /// </summary>
    public static IReadOnlyList<string> Sentences(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (book, plan, audit, stress) = (content.Book, content.Plan, content.Audit, content.Stress);
        var sentences = new List<string>(StressSummary.Sentences(stress, book));

        var outlook = CapacityOutlook.Of(book);
        if (outlook.FirstShortage is { } first)
        {
            var fills = plan.Fills.Where(f => f.CommittedMw > 0 && f.FillRatio < 1 - 1e-9).ToList();
            sentences.Add($"Commitments exceed online capacity from {first}; under {plan.Policy.ToName()} "
                + (fills.Count == 0 ? "every contract is still served in full."
                    : $"{fills.Select(f => f.ContractId).Distinct().Count()} contracts are short in some month, the lowest fill ratio being {Percent(fills.Min(f => f.FillRatio))}."));
        }
        sentences.Add(audit.Passed
            ? $"The neutrality audit passes: renaming tenants and zeroing every stake leaves the plan unchanged, and identically eligible contracts get the same fill ratio. " + NeutralityCost(audit.CostOfNeutralityUsd)
            : $"The neutrality audit FAILS under {audit.Policy.ToName()}: {string.Join("; ", audit.Checks.Where(c => !c.Passed).Select(c => c.Summary))}");
        return sentences;
    }

    // The revenue given up by the neutral policy against revenue-max, said as a cost or, when negative, as a gain.
    private static string NeutralityCost(double usd) => usd >= 0
        ? $"Neutrality costs {Money(usd)} of revenue against revenue-max."
        : $"Neutrality costs nothing here: the policy earns {Money(-usd)} more revenue than revenue-max.";

    internal static string Money(double usd) => Quantities.FormatMoneyRounded(usd);

    // The same form as the summary sentences (PeopleText), so a table and a sentence print a figure alike.
    internal static string Percent(double fraction) => PeopleText.Percent(fraction);
}
