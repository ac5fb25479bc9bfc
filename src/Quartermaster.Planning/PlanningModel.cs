namespace Quartermaster.Planning;

/// <summary>
/// A book compiled for planning under one policy: contracts and sites sorted by id (so the order of
/// the book never matters), chip pools, pool classes, eligibility, and the policy's slopes and tiers.
/// </summary>
/// <remarks>
/// A pool class is one (region, chip) pair. Every pool of a class is eligible for exactly the same
/// contracts, so fairness is decided on classes and only then split over the class's pools.
/// </remarks>
internal sealed class PlanningModel
{
    private PlanningModel(Book book, AllocationPolicy policy)
    {
        Book = book;
        Policy = policy;
        Contracts = [.. book.Contracts.OrderBy(c => c.Id, StringComparer.Ordinal)];
        Sites = [.. book.Sites.OrderBy(s => s.Id, StringComparer.Ordinal)];

        var pools = new List<PoolSlot>();
        for (var s = 0; s < Sites.Length; s++)
        {
            foreach (var pool in Sites[s].ChipPools.OrderBy(p => p.Chip, StringComparer.Ordinal))
            {
                pools.Add(new PoolSlot(s, pool.Chip, pool.ShareFraction));
            }
        }
        var classKeys = pools.Select(p => (Sites[p.SiteIndex].Region, p.Chip)).Distinct()
            .OrderBy(k => k.Region, StringComparer.Ordinal).ThenBy(k => k.Chip, StringComparer.Ordinal).ToArray();
        ClassRegion = [.. classKeys.Select(k => k.Region)];
        ClassChip = [.. classKeys.Select(k => k.Chip)];
        var classOf = classKeys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        Pools = [.. pools];
        PoolClass = [.. pools.Select(p => classOf[(Sites[p.SiteIndex].Region, p.Chip)])];
        // Within a class, pools are listed cheapest first (then by site id) so the split fills cheap sites first.
        ClassPools = [.. Enumerable.Range(0, classKeys.Length).Select(k => Enumerable.Range(0, Pools.Length)
            .Where(p => PoolClass[p] == k)
            .OrderBy(p => Sites[Pools[p].SiteIndex].OpexPerMwMonthUsd)
            .ThenBy(p => Sites[Pools[p].SiteIndex].Id, StringComparer.Ordinal)
            .ToArray())];
        PoolRank = new int[Pools.Length];
        foreach (var classPools in ClassPools)
        {
            for (var r = 0; r < classPools.Length; r++)
            {
                PoolRank[classPools[r]] = r;
            }
        }
        EligibleClasses = [.. Contracts.Select(c => Enumerable.Range(0, classKeys.Length)
            .Where(k => c.Regions.Contains(ClassRegion[k]) && c.Chips.Contains(ClassChip[k]))
            .ToArray())];
        Slope = [.. Contracts.Select(c => policy == AllocationPolicy.Weighted ? c.Weight : 1.0)];
        Tier = PolicyTiers.Of(book, Contracts, policy);
        var groupOf = book.Tenants.ToDictionary(t => t.Id, t => t.RivalryGroup, StringComparer.Ordinal);
        Group = [.. Contracts.Select(c => groupOf.GetValueOrDefault(c.Tenant))];
        Rivals = [.. Contracts.Select((c, i) => c.Isolation != Isolation.DedicatedHall || Group[i] is null
            ? []
            : Enumerable.Range(0, Contracts.Length).Where(j => Group[j] == Group[i] && Contracts[j].Tenant != c.Tenant).ToArray())];
        Layout = string.Join("\n", Contracts.Select((c, i) => $"{c.Id}\u0001{c.Tenant}\u0001{c.Start}\u0001{c.End}\u0001{c.Isolation}\u0001{Group[i]}")
            .Concat(Sites.Select(s => $"{s.Id}\u0001{s.Region}\u0001{s.Halls}\u0001{s.OpexPerMwMonthUsd:R}\u0001{string.Join("\u0002", s.ChipPools.Select(p => $"{p.Chip}:{p.ShareFraction:R}"))}")));
    }

    /// <summary>
    /// Everything about contracts and sites that a month's rows depend on besides the month's own inputs:
    /// ids, tenants, terms, isolation, rivalry groups, regions, halls, opex and pools. Two models with equal layouts index contracts and pools alike.
    /// </summary>
    public string Layout { get; }

    /// <summary>The book compiled.</summary>
    public Book Book { get; }

    /// <summary>The policy compiled for.</summary>
    public AllocationPolicy Policy { get; }

    /// <summary>Contracts sorted by id.</summary>
    public Contract[] Contracts { get; }

    /// <summary>Sites sorted by id.</summary>
    public Site[] Sites { get; }

    /// <summary>Chip pools, by site index then chip.</summary>
    public PoolSlot[] Pools { get; }

    /// <summary>Class index of each pool.</summary>
    public int[] PoolClass { get; }

    /// <summary>Region of each class.</summary>
    public string[] ClassRegion { get; }

    /// <summary>Chip of each class.</summary>
    public string[] ClassChip { get; }

    /// <summary>Pools of each class, cheapest opex first, then by site id.</summary>
    public int[][] ClassPools { get; }

    /// <summary>Position of each pool in its class's <see cref="ClassPools"/> (0 = cheapest).</summary>
    public int[] PoolRank { get; }

    /// <summary>Classes each contract may use, ascending.</summary>
    public int[][] EligibleClasses { get; }

    /// <summary>Rate at which each contract's fill ratio rises during progressive filling (its weight under <c>weighted</c>, else 1).</summary>
    public double[] Slope { get; }

    /// <summary>Priority tier of each contract: lower tiers are filled completely before higher ones start.</summary>
    public int[] Tier { get; }

    /// <summary>Rivalry group of each contract's tenant, or null.</summary>
    public string?[] Group { get; }

    /// <summary>
    /// For each dedicated-hall contract, the contracts of rival tenants (same rivalry group, another tenant) it may
    /// never share a hall with; empty for shared contracts and for tenants outside any group.
    /// </summary>
    public int[][] Rivals { get; }

    /// <summary>True when a tight set freezes its whole eligibility component (<c>pro-rata</c>).</summary>
    public bool FreezesComponents => Policy == AllocationPolicy.ProRata;

    /// <summary>Compiles <paramref name="book"/> for <paramref name="policy"/>.</summary>
    /// <exception cref="PlanningException">Under <c>weighted</c>, a contract's weight is not positive.</exception>
    public static PlanningModel Compile(Book book, AllocationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (policy == AllocationPolicy.Weighted && book.Contracts.FirstOrDefault(c => !(c.Weight > 0)) is { } bad)
        {
            throw new PlanningException($"contract '{bad.Id}' has weight {bad.Weight}; the weighted policy needs positive weights");
        }
        return new PlanningModel(book, policy);
    }

    /// <summary>MW of pool <paramref name="pool"/> online in <paramref name="month"/>.</summary>
    public double PoolCapacityMw(int pool, Month month) =>
        Pools[pool].ShareFraction * Sites[Pools[pool].SiteIndex].OnlineMw(month);
}

/// <summary>One chip pool of a compiled model.</summary>
/// <param name="SiteIndex">Index of the site in <see cref="PlanningModel.Sites"/>.</param>
/// <param name="Chip">Chip type.</param>
/// <param name="ShareFraction">Share of the site's online MW in this pool.</param>
internal readonly record struct PoolSlot(int SiteIndex, string Chip, double ShareFraction);
