namespace Quartermaster.Planning;

/// <summary>
/// The fairness problem of one month on pool classes: contracts with a positive commitment, the
/// classes each may use, and the MW of each class online. Equal inputs give equal answers, which is
/// what lets a re-plan reuse a month.
/// </summary>
/// <remarks>
/// Contracts are listed in a canonical order, by what they are that month (tier, eligible classes, weight,
/// commitment, isolation, rivalry group, price), never by id or file order: every sum and every tie in
/// planning follows this order, so renaming or reordering contracts and tenants changes no figure. Only
/// contracts equal in all of these keep their id order among themselves, and for fairness and placement
/// they are interchangeable.
/// </remarks>
internal sealed class FillProblem
{
    /// <summary>Model index of each contract taking part (committed above 0), in canonical order.</summary>
    public required int[] Contract { get; init; }

    /// <summary>Id of each contract taking part (the cache compares ids, not indices).</summary>
    public required string[] ContractId { get; init; }

    /// <summary>MW committed by each contract.</summary>
    public required double[] Demand { get; init; }

    /// <summary>Rate of each contract's fill ratio during progressive filling.</summary>
    public required double[] Slope { get; init; }

    /// <summary>Priority tier of each contract.</summary>
    public required int[] Tier { get; init; }

    /// <summary>Classes each contract may use.</summary>
    public required int[][] Eligible { get; init; }

    /// <summary>(region, chip) key of each class, for the cache.</summary>
    public required string[] ClassKey { get; init; }

    /// <summary>MW online in each class.</summary>
    public required double[] ClassCapacity { get; init; }

    /// <summary>True when tight sets freeze their whole eligibility component (pro-rata).</summary>
    public required bool FreezesComponents { get; init; }

    /// <summary>Builds the problem of <paramref name="month"/> from pool capacities already computed.</summary>
    public static FillProblem Of(PlanningModel model, Month month, double[] poolCapacity)
    {
        var active = new List<int>();
        var committed = new double[model.Contracts.Length];
        for (var c = 0; c < model.Contracts.Length; c++)
        {
            committed[c] = model.Contracts[c].CommittedMw(month);
            if (committed[c] > 0)
            {
                active.Add(c);
            }
        }
        active.Sort((a, b) => CompareCanonically(model, committed, a, b));
        var demand = active.Select(c => committed[c]).ToList();
        var classCapacity = new double[model.ClassRegion.Length];
        for (var p = 0; p < poolCapacity.Length; p++)
        {
            classCapacity[model.PoolClass[p]] += poolCapacity[p];
        }
        return new FillProblem
        {
            Contract = [.. active],
            ContractId = [.. active.Select(c => model.Contracts[c].Id)],
            Demand = [.. demand],
            Slope = [.. active.Select(c => model.Slope[c])],
            Tier = [.. active.Select(c => model.Tier[c])],
            Eligible = [.. active.Select(c => model.EligibleClasses[c])],
            ClassKey = [.. model.ClassRegion.Zip(model.ClassChip, (r, ch) => r + "\u0001" + ch)],
            ClassCapacity = classCapacity,
            FreezesComponents = model.FreezesComponents,
        };
    }

    /// <summary>
    /// Orders model contracts <paramref name="a"/> and <paramref name="b"/> by what they are this month; model index
    /// (id order) last, reached only by contracts that are interchangeable for planning.
    /// </summary>
    private static int CompareCanonically(PlanningModel model, double[] committed, int a, int b)
    {
        var order = model.Tier[a].CompareTo(model.Tier[b]);
        if (order != 0)
        {
            return order;
        }
        order = model.EligibleClasses[a].AsSpan().SequenceCompareTo(model.EligibleClasses[b]);
        if (order != 0)
        {
            return order;
        }
        order = model.Slope[a].CompareTo(model.Slope[b]);
        if (order != 0)
        {
            return order;
        }
        order = committed[a].CompareTo(committed[b]);
        if (order != 0)
        {
            return order;
        }
        var (x, y) = (model.Contracts[a], model.Contracts[b]);
        order = x.Isolation.CompareTo(y.Isolation);
        if (order != 0)
        {
            return order;
        }
        order = string.CompareOrdinal(model.Group[a], model.Group[b]);
        if (order != 0)
        {
            return order;
        }
        order = x.PricePerMwMonthUsd.CompareTo(y.PricePerMwMonthUsd);
        return order != 0 ? order : a.CompareTo(b);
    }

    /// <summary>The same problem with <paramref name="classCapacity"/> MW online in each class.</summary>
    public FillProblem WithClassCapacity(double[] classCapacity) => new()
    {
        Contract = Contract,
        ContractId = ContractId,
        Demand = Demand,
        Slope = Slope,
        Tier = Tier,
        Eligible = Eligible,
        ClassKey = ClassKey,
        ClassCapacity = classCapacity,
        FreezesComponents = FreezesComponents,
    };

    /// <summary>True when <paramref name="other"/> has exactly the same inputs, so has the same fill.</summary>
    public bool SameInputs(FillProblem other) =>
        FreezesComponents == other.FreezesComponents
        && ContractId.AsSpan().SequenceEqual(other.ContractId)
        && Demand.AsSpan().SequenceEqual(other.Demand)
        && Slope.AsSpan().SequenceEqual(other.Slope)
        && Tier.AsSpan().SequenceEqual(other.Tier)
        && ClassKey.AsSpan().SequenceEqual(other.ClassKey)
        && ClassCapacity.AsSpan().SequenceEqual(other.ClassCapacity)
        && Eligible.Length == other.Eligible.Length
        && Eligible.Zip(other.Eligible).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
}
