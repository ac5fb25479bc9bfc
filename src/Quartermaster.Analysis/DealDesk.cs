using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Analysis;

/// <summary>
/// Quotes a proposal against a book (docs/deal-desk.md): plans the book today, with the proposal's changes but without
/// its new contracts, and with the proposal signed, on one <see cref="FlowPlanner"/> so months the proposal does not touch
/// are not re-planned; measures each new contract's exact headroom; audits; stresses today and signed on common random numbers.
/// </summary>
public static class DealDesk
{
    /// <summary>The quote of <paramref name="proposal"/> (read against <paramref name="book"/>) under the book's policy.</summary>
    /// <exception cref="PlanningException">A book cannot be planned (a finding about the book, not bad input).</exception>
    /// <exception cref="OperationCanceledException">The stress run was cancelled.</exception>
    public static Quote Quote(Book book, Proposal proposal, QuoteOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(proposal);
        options ??= new QuoteOptions();
        var policy = book.Scenario.Policy;
        var added = proposal.AddedContracts(book);
        var baseBook = proposal.WithoutAddedContracts(book).ApplyTo(book);
        var newBook = proposal.ApplyTo(book);

        var planner = new FlowPlanner();
        var oldPlan = planner.Allocate(book, policy);
        var basePlan = baseBook == book ? oldPlan : planner.Allocate(baseBook, policy);
        var newPlan = planner.Allocate(newBook, policy);
        var reused = planner.MonthsReused;

        var headroom = added.Select(c => Headroom.Of(baseBook, basePlan, c)).ToValueList();
        var costs = Costs(book, oldPlan, newPlan);
        var newShort = costs.SelectMany(c => c.NewShortMonths).Distinct().Order().ToValueList();

        var oldAudit = Audit(book, policy, oldPlan);
        var newAudit = Audit(newBook, policy, newPlan);
        var neutrality = new NeutralityVerdict(oldAudit.All(c => c.Passed), newAudit.All(c => c.Passed), newAudit.ToValueList());

        var stress = new StressOptions(options.Paths, options.Seed, options.Threads);
        var risk = PlannedStress.Compare(book, oldPlan, newBook, newPlan, stress, progress, cancellationToken);
        var concentration = new ConcentrationChange(risk.A.RevenueHhi, risk.B.RevenueHhi, Name(book, risk.A.TopTenantId), risk.A.TopTenantShare,
            Name(newBook, risk.B.TopTenantId), risk.B.TopTenantShare);
        var alerts = BookAlerts.Compare(book, risk.A, newBook, risk.B).ToValueList();

        var quote = new Quote(book.Id, proposal.Name, policy, added.Select(c => c.Id).ToValueList(), proposal.ChangedContracts(book).Select(c => c.Id).ToValueList(),
            headroom, costs.ToValueList(), costs.Sum(c => c.MwMonthsLost), newShort, neutrality, risk.A.Paths, risk.A.Seed, risk.A.Payoff, risk.B.Payoff,
            risk.Risk!, concentration, alerts, newPlan.Months.Count, reused, "");
        return quote with { Verdict = QuoteVerdict.Of(quote, newBook) };
    }

    private static string? Name(Book book, string? tenantId) =>
        tenantId is null ? null : book.Tenants.FirstOrDefault(t => t.Id == tenantId)?.Name ?? tenantId;

    private static List<AuditCheck> Audit(Book book, AllocationPolicy policy, Plan plan) =>
        [NeutralityAudit.IdentityBlindness(book, policy, plan, new FlowPlanner()), NeutralityAudit.Spread(book, policy, plan)];

    /// <summary>Each of the book's contracts whose fill ratio moves between the two plans, the largest loss first.</summary>
    private static List<ExistingContractCost> Costs(Book book, Plan oldPlan, Plan newPlan)
    {
        var after = new Dictionary<(string, Month), ContractFill>();
        foreach (var fill in newPlan.Fills)
        {
            after[(fill.ContractId, fill.Month)] = fill;
        }
        var moves = new Dictionary<string, List<ContractMonthCost>>(StringComparer.Ordinal);
        foreach (var before in oldPlan.Fills)
        {
            if (!after.TryGetValue((before.ContractId, before.Month), out var now) || Math.Abs(now.FillRatio - before.FillRatio) <= PlanEffect.FillTolerance)
            {
                continue;
            }
            if (!moves.TryGetValue(before.ContractId, out var list))
            {
                moves[before.ContractId] = list = [];
            }
            list.Add(new ContractMonthCost(before.Month, before.FillRatio, now.FillRatio, before.AllocatedMw, now.AllocatedMw));
        }
        var costs = new List<ExistingContractCost>();
        foreach (var contract in book.Contracts)
        {
            if (!moves.TryGetValue(contract.Id, out var months))
            {
                continue;
            }
            var newShort = months.Where(m => m.OldFillRatio >= 1 - PlanEffect.FillTolerance && m.NewFillRatio < 1 - PlanEffect.FillTolerance).Select(m => m.Month);
            costs.Add(new ExistingContractCost(contract.Id, contract.Tenant, Name(book, contract.Tenant)!, months.ToValueList(),
                months.Sum(m => m.OldMw - m.NewMw), months.Min(m => m.NewFillRatio), newShort.ToValueList()));
        }
        return [.. costs.OrderByDescending(c => c.MwMonthsLost).ThenBy(c => c.ContractId, StringComparer.Ordinal)];
    }
}
