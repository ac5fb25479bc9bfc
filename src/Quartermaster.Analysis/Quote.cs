using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Analysis;

/// <summary>
/// The deal desk's answer to "can we sign this?" (docs/deal-desk.md): the headroom of each added contract, the cost to
/// every existing contract if the proposal is signed in full, the neutrality verdict, the paired change of risk on
/// common random numbers, concentration and alerts, and one verdict line that the tables bear out.
/// </summary>
/// <param name="BookId">The book quoted against.</param>
/// <param name="Proposal">The proposal's label, or null.</param>
/// <param name="Policy">The book's policy, under which every plan and the audit are made.</param>
/// <param name="Added">Ids of the contracts the proposal adds.</param>
/// <param name="Changed">Ids of the book's contracts the proposal changes.</param>
/// <param name="Headroom">
/// One entry per added contract, each measured alone against the book with the proposal's other changes (sites, delays,
/// changed contracts) applied, so those count against the existing contracts, not against the headroom.
/// </param>
/// <param name="Costs">Existing contracts whose fill ratio changes if the proposal is signed in full, the largest loss first.</param>
/// <param name="MwMonthsLost">Allocated MW-months the existing contracts lose in all, net of gains.</param>
/// <param name="NewShortfallMonths">Months in which some existing contract served in full today would be short.</param>
/// <param name="Neutrality">The audit verdict before and after.</param>
/// <param name="Paths">Futures simulated for each book.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="Old">Payoff of the book today, per line.</param>
/// <param name="New">Payoff with the proposal signed, per line.</param>
/// <param name="Risk">Paired change (signed minus today) of mean, P5, VaR95, CVaR95 and P(loss), per line, with 95% CIs.</param>
/// <param name="Concentration">Revenue HHI and top-tenant share before and after.</param>
/// <param name="Alerts">The provider-level alert rules before and after.</param>
/// <param name="MonthsPlanned">Months of the horizon.</param>
/// <param name="MonthsReused">Months of the signed book's plan whose fair shares were reused from the plan before (not re-planned).</param>
/// <param name="Verdict">One line a person can act on.</param>
public sealed record Quote(
    string BookId,
    string? Proposal,
    AllocationPolicy Policy,
    ValueList<string> Added,
    ValueList<string> Changed,
    ValueList<ContractHeadroom> Headroom,
    ValueList<ExistingContractCost> Costs,
    double MwMonthsLost,
    ValueList<Month> NewShortfallMonths,
    NeutralityVerdict Neutrality,
    int Paths,
    ulong Seed,
    PayoffLines<PayoffSummary> Old,
    PayoffLines<PayoffSummary> New,
    PayoffLines<RiskChange> Risk,
    ConcentrationChange Concentration,
    ValueList<BookAlert> Alerts,
    int MonthsPlanned,
    int MonthsReused,
    string Verdict);
