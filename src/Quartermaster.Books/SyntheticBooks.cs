using System.Globalization;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// Generates valid books of any size for tests and benchmarks (<c>qm gen</c>): sites in several
/// regions with chip pools and a build-out, tenants in rivalry groups, contracts with ramps, and
/// commitments scaled so total committed / total online MW-months equals the requested shortage.
/// Every figure is a short decimal, so the book round-trips through YAML exactly.
/// </summary>
public static class SyntheticBooks
{
    private static readonly string[] RegionNames = ["us-east", "us-west", "us-central", "eu-north", "eu-west", "asia-east", "asia-south", "me-central"];
    private static readonly string[] ChipNames = ["gb300", "mi450", "trainium3", "tpu-v7"];

    /// <summary>Generates the book described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1, months exceed the horizon limit, or the shortage is not positive.</exception>
    public static Book Generate(SyntheticBookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Sites, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Tenants, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Contracts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Months, BookLimits.MaxHorizonMonths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Shortage);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DedicatedHallShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.DedicatedHallShare, 1);

        var random = new SplitMix64(options.Seed);
        var horizon = new Horizon(new Month(2026, 1), new Month(2026, 1).Plus(options.Months - 1));
        var regionCount = Math.Clamp(options.Sites / 5, 1, RegionNames.Length);
        var sites = Enumerable.Range(0, options.Sites).Select(i => GenerateSite(random, i, RegionNames[i % regionCount], horizon)).ToList();
        var (groups, tenants) = GenerateTenants(random, options.Tenants);
        var drafts = Enumerable.Range(0, options.Contracts)
            .Select(i => GenerateContract(random, i, tenants[i < tenants.Count ? i : random.Between(0, tenants.Count - 1)], sites, horizon, options.DedicatedHallShare))
            .ToList();

        var online = horizon.Months().Sum(m => sites.Sum(s => s.OnlineMw(m)));
        var committed = horizon.Months().Sum(m => drafts.Sum(c => c.CommittedMw(m)));
        var scale = options.Shortage * online / committed;
        var contracts = drafts.Select(c => c with { Ramp = c.Ramp.Select(s => s with { Mw = Math.Clamp(Round(s.Mw * scale, 0.1), 0.1, BookLimits.MaxMw) }).ToValueList() }).ToList();

        var investments = tenants.Where((t, i) => t.RivalryGroup is not null && i % 3 == 0)
            .Select(t => new Investment($"stake-{t.Id}", t.Id, random.Between(1, 30, 1) * 1e9, random.Between(1, 20, 1) / 100,
                random.Between(50, 500, 10) * 1e9, 1, horizon.Start))
            .ToList();

        return new Book($"synthetic-{options.Sites}x{options.Contracts}x{options.Months}-s{options.Seed}", "Synthetic Provider", horizon,
            sites.ToValueList(), groups.ToValueList(), tenants.ToValueList(), contracts.ToValueList(), investments.ToValueList(),
            ScenarioSettings.Default with { Seed = options.Seed });
    }

    private static Site GenerateSite(SplitMix64 random, int index, string region, Horizon horizon)
    {
        var chips = ChipNames.OrderBy(_ => random.Next()).Take(random.NextDouble() < 0.5 ? 1 : 2).ToList();
        var firstShare = chips.Count == 1 ? 100 : random.Between(3, 7) * 10;
        var pools = chips.Select((chip, i) => new ChipPool(chip, (i == 0 ? firstShare : 100 - firstShare) / 100.0)).ToValueList();
        var fullMw = random.Between(50, 1500, 10);
        var steps = new List<MwStep> { new(horizon.Start, Round(fullMw * random.Between(0.2, 0.6, 0.05), 0.1)) };
        var stepCount = random.Between(1, 4);
        for (var s = 1; s <= stepCount; s++)
        {
            var at = horizon.Start.Plus(Math.Max(steps[^1].From.MonthsSince(horizon.Start) + 1, horizon.MonthCount * s / (stepCount + 1)));
            if (at > horizon.End)
            {
                break;
            }
            steps.Add(new MwStep(at, Round(steps[0].Mw + ((fullMw - steps[0].Mw) * s / stepCount), 0.1)));
        }
        return new Site($"site-{index + 1:D4}", region, random.Between(4, 16), random.Between(9, 14, 0.1) * 1e6,
            random.Between(30, 80, 1) * 1e3, pools, steps.ToValueList());
    }

    private static (List<RivalryGroup> Groups, List<Tenant> Tenants) GenerateTenants(SplitMix64 random, int count)
    {
        var groups = new List<RivalryGroup>();
        var tenants = new List<Tenant>();
        var grouped = count * 6 / 10;
        var i = 0;
        while (i < count)
        {
            var size = Math.Min(random.Between(2, 3), grouped - i);
            string? group = null;
            if (size >= 2)
            {
                group = $"group-{groups.Count + 1:D3}";
                groups.Add(new RivalryGroup(group, $"Rivalry group {groups.Count + 1}"));
            }
            else
            {
                size = 1;
            }
            for (var k = 0; k < size; k++, i++)
            {
                var id = $"lab-{i + 1:D3}";
                tenants.Add(new Tenant(id, string.Create(CultureInfo.InvariantCulture, $"Lab {i + 1}"), group, TenantRisk.Default));
            }
        }
        return (groups, tenants);
    }

    private static Contract GenerateContract(SplitMix64 random, int index, Tenant tenant, List<Site> sites, Horizon horizon, double dedicatedHallShare)
    {
        // Anchor the contract on one site so some site can always serve it, then widen eligibility.
        var anchor = sites[random.Between(0, sites.Count - 1)];
        var chips = new List<string> { anchor.ChipPools[random.Between(0, anchor.ChipPools.Count - 1)].Chip };
        var regions = new List<string> { anchor.Region };
        if (random.NextDouble() < 0.4)
        {
            var other = sites[random.Between(0, sites.Count - 1)];
            if (!regions.Contains(other.Region))
            {
                regions.Add(other.Region);
            }
        }
        if (random.NextDouble() < 0.3)
        {
            var chip = ChipNames[random.Between(0, ChipNames.Length - 1)];
            if (!chips.Contains(chip))
            {
                chips.Add(chip);
            }
        }
        var start = horizon.Start.Plus(random.Between(0, horizon.MonthCount / 3));
        var end = horizon.End;
        var target = random.Between(20, 600, 10);
        var ramp = new List<MwStep>();
        var stepCount = random.Between(1, 4);
        for (var s = 0; s < stepCount; s++)
        {
            var at = start.Plus(end.MonthsSince(start) * s / stepCount);
            if (ramp.Count > 0 && at <= ramp[^1].From)
            {
                continue;
            }
            ramp.Add(new MwStep(at, target * (s + 1) / stepCount));
        }
        return new Contract($"c-{index + 1:D4}", tenant.Id, start, end, random.Between(1.2, 2.2, 0.05) * 1e6,
            random.Between(5, 9) / 10.0, chips.ToValueList(), regions.ToValueList(),
            random.NextDouble() < dedicatedHallShare ? Isolation.DedicatedHall : Isolation.Shared, 1, ramp.ToValueList());
    }

    private static double Round(double value, double step) => SplitMix64.ShortDecimal(Math.Round(value / step) * step);
}
