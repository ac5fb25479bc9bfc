namespace Quartermaster.Planning;

/// <summary>
/// The fairness problem of one month on pool classes: contracts with a positive commitment, the
/// classes each may use, and the MW of each class online. Equal inputs give equal answers, which is
/// what lets a re-plan reuse a month.
/// </summary>
internal sealed class FillProblem
{
    /// <summary>Model index of each contract taking part (committed above 0), ascending.</summary>
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
        var demand = new List<double>();
        for (var c = 0; c < model.Contracts.Length; c++)
        {
            var d = model.Contracts[c].CommittedMw(month);
            if (d > 0)
            {
                active.Add(c);
                demand.Add(d);
            }
        }
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
