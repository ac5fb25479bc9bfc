namespace Quartermaster.Planning;

/// <summary>
/// Checks that a policy's plan treats competing tenants alike whatever the provider's stakes: identity
/// blindness, spread among identically eligible contracts, and (as information) the cost of neutrality.
/// </summary>
public static class NeutralityAudit
{
    /// <summary>Largest MW difference in one allocation, relative to the contract's commitment that month, that identity blindness tolerates.</summary>
    public const double BlindnessTolerance = 1e-9;

    /// <summary>Largest spread of fill ratios (over weights under <c>weighted</c>) among identically eligible contracts.</summary>
    public const double SpreadTolerance = 1e-9;

    /// <summary>
    /// Audits <paramref name="book"/> under <paramref name="policy"/>, planning with a fresh planner from
    /// <paramref name="planners"/> for every plan (a <see cref="FlowPlanner"/> when null), so no plan reuses another.
    /// </summary>
    /// <exception cref="PlanningException">Under <c>weighted</c>, a contract's weight is not positive.</exception>
    public static AuditReport Run(Book book, AllocationPolicy policy, Func<IPlanner>? planners = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        planners ??= () => new FlowPlanner();
        var plan = planners().Allocate(book, policy);
        var checks = new List<AuditCheck>
        {
            IdentityBlindness(book, policy, plan, planners()),
            Spread(book, policy, plan),
        };
        var revenueMax = policy == AllocationPolicy.RevenueMax ? plan : planners().Allocate(book, AllocationPolicy.RevenueMax);
        return new AuditReport(policy, checks.ToValueList(), CostOfNeutrality(book, plan, revenueMax));
    }

    /// <summary>
    /// Re-plans the book with every tenant and contract renamed (by a permutation that reverses their id order),
    /// every list reversed and every investment zeroed, and requires the same placement after mapping names back:
    /// the same MW per contract, site, chip pool and month (within <see cref="BlindnessTolerance"/> of the
    /// contract's commitment), and the same tenant per contract.
    /// </summary>
    public static AuditCheck IdentityBlindness(Book book, AllocationPolicy policy, Plan plan, IPlanner planner)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(planner);
        var tenantName = Reversed(book.Tenants.Select(t => t.Id), "tenant");
        var contractName = Reversed(book.Contracts.Select(c => c.Id), "contract");
        var tenantBack = tenantName.ToDictionary(x => x.Value, x => x.Key, StringComparer.Ordinal);
        var contractBack = contractName.ToDictionary(x => x.Value, x => x.Key, StringComparer.Ordinal);
        string Tenant(string id) => tenantName.GetValueOrDefault(id, id);
        var blindBook = book with
        {
            Sites = book.Sites.Reverse().ToValueList(),
            Tenants = book.Tenants.Reverse().Select(t => t with { Id = Tenant(t.Id) }).ToValueList(),
            Contracts = book.Contracts.Reverse().Select(c => c with { Id = contractName[c.Id], Tenant = Tenant(c.Tenant) }).ToValueList(),
            Investments = book.Investments.Reverse().Select(i => i with { Tenant = Tenant(i.Tenant), AmountUsd = 0, OwnershipFraction = 0 }).ToValueList(),
        };
        var blindPlan = planner.Allocate(blindBook, policy);

        var findings = new List<AuditFinding>();
        var committed = plan.Fills.ToDictionary(f => (f.Month, f.ContractId), f => f.CommittedMw);
        var original = plan.Allocations.ToDictionary(a => (a.Month, a.ContractId, a.SiteId, a.Chip), a => a.Mw);
        var blind = blindPlan.Allocations.ToDictionary(a => (a.Month, contractBack[a.ContractId], a.SiteId, a.Chip), a => a.Mw);
        void Compare((Month Month, string ContractId, string SiteId, string Chip) key, double a, double b)
        {
            if (Math.Abs(a - b) > BlindnessTolerance * committed.GetValueOrDefault((key.Month, key.ContractId)))
            {
                findings.Add(new AuditFinding(key.Month, ValueList.Of(key.ContractId),
                    $"{key.SiteId}/{key.Chip}: {a:0.######} MW as planned, {b:0.######} MW with tenants and contracts renamed and reordered and stakes zeroed", b - a));
            }
        }
        foreach (var (key, a) in original)
        {
            Compare(key, a, blind.GetValueOrDefault(key));
        }
        foreach (var (key, b) in blind)
        {
            if (!original.ContainsKey(key))
            {
                Compare(key, 0, b);
            }
        }
        var tenantOf = plan.Fills.ToDictionary(f => (f.Month, f.ContractId), f => f.TenantId);
        foreach (var fill in blindPlan.Fills)
        {
            var contract = contractBack[fill.ContractId];
            if (tenantOf.TryGetValue((fill.Month, contract), out var tenant) && tenantBack.GetValueOrDefault(fill.TenantId, fill.TenantId) != tenant)
            {
                findings.Add(new AuditFinding(fill.Month, ValueList.Of(contract), $"tenant {fill.TenantId} does not map back to {tenant}", 0));
            }
        }
        var summary = findings.Count == 0
            ? "every allocation (contract, site, chip pool, month) is unchanged when tenants and contracts are renamed and reordered and every stake is zeroed"
            : $"{findings.Count} allocations change when tenants and contracts are renamed and reordered and every stake is zeroed";
        return new AuditCheck("identity-blindness", findings.Count == 0, summary, findings.ToValueList());
    }

    /// <summary>New names for <paramref name="ids"/>: <c>prefix-NNNN</c>, numbered so the ordinal order of the ids is reversed.</summary>
    private static Dictionary<string, string> Reversed(IEnumerable<string> ids, string prefix)
    {
        var sorted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return sorted.Select((id, i) => (id, blind: $"{prefix}-{sorted.Length - 1 - i:D4}")).ToDictionary(x => x.id, x => x.blind, StringComparer.Ordinal);
    }

    /// <summary>
    /// Among contracts with a commitment and the same eligible pools (with capacity online) in a month, fill
    /// ratios over weight (weight 1 unless <c>weighted</c>) must be equal for those below fill 1, and a contract at
    /// fill 1 may not sit above them. Where hall isolation concerns a contract, it is compared only with contracts of
    /// the same tenant and isolation (see <see cref="HallRole"/>).
    /// </summary>
    public static AuditCheck Spread(Book book, AllocationPolicy policy, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        var contracts = book.Contracts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var findings = new List<AuditFinding>();
        foreach (var monthFills in plan.Fills.GroupBy(f => f.Month))
        {
            var month = monthFills.Key;
            // Two contracts may use the same pools exactly when they may use the same (region, chip) classes with
            // capacity online, since every pool of a class is eligible for the same contracts.
            var online = book.Sites.SelectMany(s => s.ChipPools.Where(p => p.ShareFraction * s.OnlineMw(month) > 0).Select(p => (s.Region, p.Chip)))
                .ToHashSet();
            var committed = monthFills.Where(f => f.CommittedMw > 0).Select(f => contracts[f.ContractId]).ToList();
            var groups = monthFills.Where(f => f.CommittedMw > 0)
                .GroupBy(f => string.Join(" ", online
                    .Where(k => contracts[f.ContractId].Regions.Contains(k.Region) && contracts[f.ContractId].Chips.Contains(k.Chip))
                    .Select(k => $"{k.Region}/{k.Chip}").Order(StringComparer.Ordinal)) + HallRole(book, committed, contracts[f.ContractId]), StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var rows = group.Select(f => (f.ContractId, f.FillRatio,
                    Level: f.FillRatio / (policy == AllocationPolicy.Weighted ? contracts[f.ContractId].Weight : 1))).ToList();
                var belowFull = rows.Where(r => r.FillRatio < 1 - SpreadTolerance).ToList();
                if (belowFull.Count == 0)
                {
                    continue;
                }
                var low = belowFull.Min(r => r.Level);
                var high = rows.Where(r => r.FillRatio < 1 - SpreadTolerance || r.Level > low).Max(r => r.Level);
                if (high - low > SpreadTolerance)
                {
                    var ids = rows.OrderBy(r => r.ContractId, StringComparer.Ordinal).Select(r => r.ContractId).ToValueList();
                    var fills = string.Join(", ", rows.OrderBy(r => r.ContractId, StringComparer.Ordinal).Select(r => $"{r.ContractId} {r.FillRatio:0.######}"));
                    findings.Add(new AuditFinding(month, ids, $"identically eligible contracts get unequal fill ratios: {fills}", high - low));
                }
            }
        }
        var summary = findings.Count == 0
            ? "identically eligible contracts get equal fill ratios in every month"
            : $"{findings.Count} groups of identically eligible contracts get unequal fill ratios";
        return new AuditCheck("spread", findings.Count == 0, summary, findings.ToValueList());
    }

    /// <summary>
    /// What sets a contract apart under hall isolation this month (empty when isolation does not concern it): a
    /// dedicated-hall contract with a committed rival may use only its tenant's halls, and a rival of one may not use
    /// them, so such contracts are comparable only with contracts of the same tenant and isolation.
    /// </summary>
    private static string HallRole(Book book, List<Contract> committed, Contract contract)
    {
        var groupOf = book.Tenants.ToDictionary(t => t.Id, t => t.RivalryGroup, StringComparer.Ordinal);
        bool Rivals(Contract a, Contract b) => a.Tenant != b.Tenant && groupOf.GetValueOrDefault(a.Tenant) is { } g && groupOf.GetValueOrDefault(b.Tenant) == g;
        bool Isolated(Contract c) => c.Isolation == Isolation.DedicatedHall && committed.Any(o => Rivals(c, o));
        return Isolated(contract) || committed.Any(o => Isolated(o) && Rivals(o, contract))
            ? $"\u0001{contract.Tenant}\u0001{contract.Isolation}"
            : "";
    }

    private static ValueList<TenantRevenue> CostOfNeutrality(Book book, Plan plan, Plan revenueMax)
    {
        var price = book.Contracts.ToDictionary(c => c.Id, c => c.PricePerMwMonthUsd, StringComparer.Ordinal);
        double Revenue(Plan p, string tenant) => p.Fills.Where(f => f.TenantId == tenant).Sum(f => price[f.ContractId] * f.AllocatedMw);
        return book.Tenants.Select(t => t.Id).Order(StringComparer.Ordinal)
            .Select(t => new TenantRevenue(t, Revenue(plan, t), Revenue(revenueMax, t)))
            .ToValueList();
    }
}
