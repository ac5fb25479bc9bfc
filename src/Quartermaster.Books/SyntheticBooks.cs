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

        var book = new Book($"synthetic-{options.Sites}x{options.Contracts}x{options.Months}-s{options.Seed}", "Synthetic Provider", horizon,
            sites.ToValueList(), groups.ToValueList(), tenants.ToValueList(), contracts.ToValueList(), investments.ToValueList(),
            ScenarioSettings.Default with { Seed = options.Seed });
        return options.RandomStressSettings ? WithRandomStressSettings(random, book) : book;
    }

    /// <summary>
    /// The book with every stress setting drawn over its whole valid range (<see cref="RateBounds"/>, <see cref="BookLimits"/>),
    /// often at an edge: rates in either period, certain and impossible events, a 0% initial share, a sector ceiling or
    /// none, IT capex and refreshes, stakes dated before, within or after the horizon with caps from their valuation up.
    /// Every figure is a short decimal, so the book round-trips and validates.
    /// </summary>
    private static Book WithRandomStressSettings(SplitMix64 random, Book book)
    {
        var scenario = book.Scenario with
        {
            DiscountRate = PickRate(random, RateBounds.Discount, monthlyMax: 0.059),
            StartRegime = random.NextDouble() < 0.5 ? Regime.Boom : Regime.Cooling,
            BoomToCooling = PickRate(random, RateBounds.Probability),
            CoolingToBoom = PickRate(random, RateBounds.Probability),
            Boom = new RegimeDynamics(PickRate(random, RateBounds.Growth, monthlyMin: -0.166), PickRate(random, RateBounds.Volatility, monthlyMax: 0.866)),
            Cooling = new RegimeDynamics(PickRate(random, RateBounds.Growth, monthlyMin: -0.166), PickRate(random, RateBounds.Volatility, monthlyMax: 0.866)),
            SectorCeiling = random.NextDouble() < 0.4 ? null : Edge(random, BookLimits.MinSectorCeiling, BookLimits.MaxSectorCeiling, 0.5),
            EitherWayMaxLossProbability = Edge(random, 0, 1, 0.01),
        };
        var tenants = book.Tenants.Select(t => t with
        {
            Risk = new TenantRisk(
                null,
                Edge(random, 0, 10, 0.01),
                PickRate(random, RateBounds.Probability),
                Edge(random, 0, 1, 0.01),
                PickRate(random, RateBounds.Probability),
                PickRate(random, RateBounds.Probability),
                Edge(random, 0, 1, 0.01),
                Edge(random, 0, 10, 0.01)),
        }).ToList();
        // Initial shares: in about half the groups, stated for every member, one of them 0% when there are two or more.
        foreach (var group in tenants.Where(t => t.RivalryGroup is not null).GroupBy(t => t.RivalryGroup).ToList())
        {
            if (random.NextDouble() < 0.5)
            {
                continue;
            }
            var members = group.ToList();
            var left = 100;
            for (var i = 0; i < members.Count; i++)
            {
                var share = i == members.Count - 1 ? left : i == 0 ? 0 : random.Between(0, left);
                left -= share;
                var at = tenants.IndexOf(members[i]);
                tenants[at] = tenants[at] with { Risk = tenants[at].Risk with { InitialShareFraction = share / 100.0 } };
            }
        }
        var sites = book.Sites.Select(s => s with
        {
            ItCapexPerMwUsd = random.NextDouble() < 0.3 ? 0 : Edge(random, 0, 1000, 0.1) * 1e6,
            ItRefreshYears = Edge(random, BookLimits.MinRefreshYears, BookLimits.MaxRefreshYears, 0.5),
        }).ToValueList();
        var investments = book.Investments.Select(i =>
        {
            var valuation = i.ValuationUsd;
            return i with
            {
                OwnershipFraction = Edge(random, 0, 1, 0.01),
                Beta = Edge(random, 0, 10, 0.01),
                Date = random.NextDouble() < 0.2 ? null : book.Horizon.Start.Plus(random.Between(-12, book.Horizon.MonthCount + 12)),
                ValuationCapUsd = random.NextDouble() < 0.3 ? Investment.DefaultValuationCapUsd : random.NextDouble() < 0.3 ? valuation
                    : SplitMix64.ShortDecimal(Edge(random, valuation / 1e9, BookLimits.MaxValuationUsd / 1e9, 1)) * 1e9,
            };
        }).ToValueList();
        return book with { Scenario = scenario, Tenants = tenants.ToValueList(), Sites = sites, Investments = investments };
    }

    // A value in [min, max] on a grid of `step`, at one of the two edges a quarter of the time each.
    private static double Edge(SplitMix64 random, double min, double max, double step)
    {
        var pick = random.NextDouble();
        return pick < 0.25 ? min : pick < 0.5 ? max : random.Between(min, max, step);
    }

    // A rate in a random period, within bounds (edges often); monthly edges are short decimals just inside the yearly bounds.
    private static Rate PickRate(SplitMix64 random, RateBounds bounds, double? monthlyMin = null, double? monthlyMax = null)
    {
        if (bounds.Kind == RateKind.Probability || random.NextDouble() < 0.5)
        {
            var perYear = Edge(random, bounds.MinPerYear, bounds.MaxPerYear, 0.001);
            return random.NextDouble() < 0.5 || bounds.Kind != RateKind.Probability ? Rate.PerYear(perYear) : Rate.PerMonth(perYear);
        }
        var low = monthlyMin ?? SplitMix64.ShortDecimal(bounds.PerMonth(bounds.MinPerYear));
        var high = monthlyMax ?? SplitMix64.ShortDecimal(bounds.PerMonth(bounds.MaxPerYear));
        return Rate.PerMonth(Edge(random, low, high, 0.001));
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
