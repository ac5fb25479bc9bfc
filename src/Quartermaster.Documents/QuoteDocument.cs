using System.Text.Json.Serialization;
using Quartermaster.Analysis;
using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm quote BOOK PROPOSAL --json</c>, and <c>POST /api/v1/books/{book}/quotes</c>: can the provider sign the proposal?
/// The headroom of each added contract, the cost to every existing contract if signed in full, the neutrality verdict,
/// the paired change of risk, concentration, alerts and the verdict line (docs/deal-desk.md). Power in MW, money in US dollars.
/// </summary>
/// <param name="Book">The book as named by the caller: its file, or its id on the server.</param>
/// <param name="ProposalFile">The proposal as named by the caller: its file, or <c>request body</c>.</param>
/// <param name="Proposal">The proposal's own label (its <c>proposal:</c> key), or null.</param>
/// <param name="Policy">The book's policy, under which every plan and the audit are made.</param>
/// <param name="Added">Ids of the contracts the proposal adds.</param>
/// <param name="Changed">Ids of the book's contracts the proposal changes.</param>
/// <param name="Headroom">Per added contract, each alone against the book with the proposal's other changes: MW that fit month by month.</param>
/// <param name="Costs">Existing contracts whose fill ratio changes if signed in full, the largest loss first.</param>
/// <param name="MwMonthsLost">Allocated MW-months the existing contracts lose in all, net of gains.</param>
/// <param name="NewShortfallMonths">Months in which an existing contract served in full today would be short.</param>
/// <param name="Neutrality">The neutrality audit before and after, under the book's policy.</param>
/// <param name="Risk">Both books stressed on common random numbers and the paired change.</param>
/// <param name="Concentration">Revenue HHI and top-tenant share before and after.</param>
/// <param name="Alerts">The provider-level alert rules before and after.</param>
/// <param name="MonthsPlanned">Months of the horizon.</param>
/// <param name="MonthsReused">Months of the signed book's plan reused from the plan before, not re-planned.</param>
/// <param name="Verdict">One line a person can act on.</param>
public sealed record QuoteDocument(
    string Book,
    string ProposalFile,
    string? Proposal,
    AllocationPolicy Policy,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<ContractHeadroom> Headroom,
    IReadOnlyList<ExistingContractCost> Costs,
    double MwMonthsLost,
    IReadOnlyList<Month> NewShortfallMonths,
    NeutralityVerdict Neutrality,
    QuoteRisk Risk,
    ConcentrationChange Concentration,
    IReadOnlyList<BookAlert> Alerts,
    int MonthsPlanned,
    int MonthsReused,
    string Verdict) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="quote"/>, with the book and proposal named as the caller named them.</summary>
    public static QuoteDocument Of(Quote quote, string book, string proposalFile)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new QuoteDocument(book, proposalFile, quote.Proposal, quote.Policy, quote.Added, quote.Changed, quote.Headroom, quote.Costs, quote.MwMonthsLost,
            quote.NewShortfallMonths, quote.Neutrality, QuoteRisk.Of(quote), quote.Concentration, quote.Alerts, quote.MonthsPlanned, quote.MonthsReused, quote.Verdict);
    }
}
