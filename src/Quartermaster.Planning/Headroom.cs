namespace Quartermaster.Planning;

/// <summary>
/// Exact headroom of a proposed contract (docs/deal-desk.md): in each month, the max-flow that the contract can add
/// to the month's network once every existing contract carries the MW its plan gives it.
/// </summary>
/// <remarks>
/// <para>
/// The network is the planner's own (<see cref="MonthNetwork"/>: source, contracts, pool classes, sink). Each existing
/// contract's source arc is capped at its planned MW and a max-flow is pushed; then the proposed contract's arc is opened
/// up to its commitment and the flow augmented. An augmenting path is a simple path from the source, so it never
/// enters the source again and never lowers the flow on another contract's source arc: every existing contract keeps
/// its MW, and the flow on the proposed arc is the largest MW the residual network can carry, hence the headroom.
/// </para>
/// <para>
/// Only months in which the proposed contract commits MW are solved; each proposed contract is measured alone against
/// the existing book. Hot enough to matter on large books (guarded by <c>qm bench quote</c>): months run in parallel.
/// </para>
/// </remarks>
public static class Headroom
{
    /// <summary>Headroom below which the figure is rounding of the planned MW, relative to the commitment.</summary>
    internal const double Rounding = 1e-9;

    /// <summary>
    /// The headroom of <paramref name="proposed"/> (a contract <paramref name="book"/> does not have) beside the contracts
    /// of <paramref name="book"/> as <paramref name="plan"/> allocates them.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="book"/> already has a contract with the proposed id.</exception>
    public static ContractHeadroom Of(Book book, Plan plan, Contract proposed)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(proposed);
        if (book.Contracts.Any(c => c.Id == proposed.Id))
        {
            throw new ArgumentException($"the book already has contract '{proposed.Id}'; headroom is measured for a contract it does not have", nameof(proposed));
        }
        var model = PlanningModel.Compile(book with { Contracts = book.Contracts.Append(proposed).ToValueList() }, plan.Policy);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < model.Contracts.Length; c++)
        {
            index[model.Contracts[c].Id] = c;
        }
        var proposedIndex = index[proposed.Id];
        var months = book.Horizon.Months().Where(m => proposed.CommittedMw(m) > 0).ToArray();
        var monthIndex = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var planned = new double[months.Length][];
        for (var t = 0; t < months.Length; t++)
        {
            planned[t] = new double[model.Contracts.Length];
        }
        foreach (var fill in plan.Fills)
        {
            if (monthIndex.TryGetValue(fill.Month, out var t) && index.TryGetValue(fill.ContractId, out var c))
            {
                planned[t][c] = fill.AllocatedMw;
            }
        }
        var rows = new HeadroomMonth[months.Length];
        Parallel.For(0, months.Length, t => rows[t] = Month(model, months[t], planned[t], proposedIndex));
        var fraction = rows.Length == 0 ? 1 : rows.Min(r => r.Fraction);
        var firstShort = rows.FirstOrDefault(r => !r.FitsInFull)?.Month;
        return new ContractHeadroom(proposed.Id, proposed.Tenant, rows.ToValueList(), fraction, firstShort);
    }

    private static HeadroomMonth Month(PlanningModel model, Month month, double[] planned, int proposed)
    {
        var committed = model.Contracts[proposed].CommittedMw(month);
        var classCapacity = new double[model.ClassRegion.Length];
        for (var p = 0; p < model.Pools.Length; p++)
        {
            classCapacity[model.PoolClass[p]] += model.PoolCapacityMw(p, month);
        }
        // Units: the existing contracts with MW this month, then the proposed one last.
        var units = new List<int>();
        for (var c = 0; c < model.Contracts.Length; c++)
        {
            if (c != proposed && planned[c] > 0)
            {
                units.Add(c);
            }
        }
        units.Add(proposed);
        var eligible = units.Select(c => model.EligibleClasses[c]).ToArray();
        var scale = units.Select(c => c == proposed ? committed : planned[c]).ToArray();
        var network = new MonthNetwork(eligible, classCapacity, scale);
        var flow = network.Flow;
        for (var i = 0; i < units.Count - 1; i++)
        {
            flow.SetCapacity(network.SourceEdge[i], planned[units[i]]);
        }
        flow.Augment(network.Source, network.Sink);
        var last = units.Count - 1;
        flow.SetCapacity(network.SourceEdge[last], committed);
        flow.Augment(network.Source, network.Sink);
        var headroom = flow.Flow(network.SourceEdge[last]);
        headroom = headroom <= Rounding * committed ? 0 : committed - headroom <= Rounding * committed ? committed : Math.Min(headroom, committed);
        return new HeadroomMonth(month, committed, headroom, IsolationApplies(model, units, proposed));
    }

    /// <summary>True when a dedicated-hall contract taking part has a rival taking part (the proposed one counts as taking part).</summary>
    private static bool IsolationApplies(PlanningModel model, List<int> units, int proposed)
    {
        var present = units.ToHashSet();
        present.Add(proposed);
        return present.Any(c => model.Rivals[c].Any(present.Contains));
    }
}
