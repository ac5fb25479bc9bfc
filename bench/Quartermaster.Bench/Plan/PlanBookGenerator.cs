using Quartermaster.Core;

namespace Quartermaster.Bench;

/// <summary>
/// Deterministic synthetic books for the plan benchmark: sites in six regions with one or two of four chip
/// types, contracts with random eligibility and ramps, tenants in rivalry groups, two stakes, and contract
/// ramps scaled so that committed MW is 1.3 times online MW over the horizon. Same size and seed, same book.
/// </summary>
internal static class PlanBookGenerator
{
    private static readonly string[] Regions = ["us-east", "us-west", "us-central", "eu-west", "eu-north", "ap-south"];
    private static readonly string[] Chips = ["gb300", "mi450", "trainium3", "tpu7"];
    private static readonly string[] Groups = ["frontier", "open-weights", "enterprise"];

    /// <summary>The sizes of the brief: sites, contracts, months.</summary>
    public static (int Sites, int Contracts, int Months) Size(string name) => name.ToUpperInvariant() switch
    {
        "S" => (50, 20, 60),
        "M" => (200, 50, 120),
        "L" => (500, 100, 120),
        "XL" => (1000, 200, 120),
        _ => throw new ArgumentException($"unknown size '{name}': use S, M, L or XL", nameof(name)),
    };

    /// <summary>Generates a book of the given size from <paramref name="seed"/>, with the given shortage (committed / online).</summary>
    public static Book Generate(int siteCount, int contractCount, int months, ulong seed, double shortage = 1.3)
    {
        var random = new SplitMix64(seed);
        var start = new Month(2027, 1);
        var horizon = new Horizon(start, start.Plus(months - 1));
        var sites = new List<Site>();
        for (var s = 0; s < siteCount; s++)
        {
            var first = random.Below(Chips.Length);
            var pools = random.NextDouble() < 0.5
                ? ValueList.Of(new ChipPool(Chips[first], 1.0))
                : ValueList.Of(new ChipPool(Chips[first], 0.6), new ChipPool(Chips[(first + 1 + random.Below(Chips.Length - 1)) % Chips.Length], 0.4));
            var mw = Math.Round(random.Between(50, 400));
            var steps = new List<MwStep> { new(start, mw) };
            foreach (var at in new[] { random.Below(months), random.Below(months) }.Order().Where(at => at > 0).Distinct())
            {
                mw = Math.Round(mw * random.Between(1.0, 1.5));
                steps.Add(new MwStep(start.Plus(at), mw));
            }
            sites.Add(new Site($"site-{s:D4}", Regions[random.Below(Regions.Length)], 4 + random.Below(5),
                random.Between(8e6, 12e6), Math.Round(random.Between(20_000, 60_000)), pools, steps.ToValueList()));
        }

        var tenantCount = Math.Max(4, contractCount / 5);
        var tenants = Enumerable.Range(0, tenantCount)
            .Select(t => new Tenant($"lab-{t:D3}", $"Lab {t}", t % 4 == 3 ? null : Groups[t % Groups.Length], TenantRisk.Default))
            .ToValueList();
        var contracts = new List<Contract>();
        for (var c = 0; c < contractCount; c++)
        {
            var regions = Pick(random, Regions, 1 + random.Below(3));
            var chips = Pick(random, Chips, 1 + random.Below(2));
            var from = start.Plus(random.Below(Math.Max(1, months * 3 / 10)));
            var mw = random.Between(50, 400);
            var ramp = new List<MwStep> { new(from, mw) };
            var remaining = horizon.End.MonthsSince(from);
            foreach (var fraction in new[] { 0.33, 0.66 })
            {
                var at = (int)(remaining * fraction);
                if (at > 0)
                {
                    mw *= random.Between(1.0, 1.6);
                    ramp.Add(new MwStep(from.Plus(at), mw));
                }
            }
            contracts.Add(new Contract($"deal-{c:D4}", tenants[random.Below(tenantCount)].Id, from, horizon.End,
                Math.Round(random.Between(150_000, 300_000)), 0.5, chips, regions, Isolation.Shared, 1 + random.Below(3), ramp.ToValueList()));
        }

        // Scale every ramp so that, summed over the horizon, committed MW is `shortage` times online MW.
        var online = horizon.Months().Sum(m => sites.Sum(s => s.OnlineMw(m)));
        var committed = horizon.Months().Sum(m => contracts.Sum(c => c.CommittedMw(m)));
        var scale = shortage * online / committed;
        var scaled = contracts.Select(c => c with { Ramp = c.Ramp.Select(step => step with { Mw = Math.Round(step.Mw * scale, 1) }).ToValueList() }).ToValueList();
        var investments = ValueList.Of(
            new Investment("stake-0", tenants[0].Id, 25e9, 0.1, 250e9, 1.0, start),
            new Investment("stake-1", tenants[1].Id, 2e9, 0.02, 100e9, 1.0, start));
        return new Book($"bench-{siteCount}x{contractCount}x{months}", "bench-cloud", horizon, sites.ToValueList(),
            Groups.Select(g => new RivalryGroup(g, g)).ToValueList(), tenants, scaled, investments, ScenarioSettings.Default);
    }

    private static ValueList<string> Pick(SplitMix64 random, string[] from, int count)
    {
        var chosen = new List<string>();
        while (chosen.Count < count)
        {
            var item = from[random.Below(from.Length)];
            if (!chosen.Contains(item))
            {
                chosen.Add(item);
            }
        }
        return chosen.Order(StringComparer.Ordinal).ToValueList();
    }
}
