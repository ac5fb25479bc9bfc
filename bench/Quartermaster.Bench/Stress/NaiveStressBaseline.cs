using Quartermaster.Core;

namespace Quartermaster.Bench;

/// <summary>
/// The stress model as a user would first write it, kept only to measure the engine against:
/// <see cref="Random"/>, new arrays for every path, a Bernoulli draw per tenant-month for defaults
/// and drift and per month for the regime, Box-Muller normals, the book's own lookups every month,
/// and every path's monthly figures kept to sort for the fan charts. Same model and same outputs in
/// distribution as the engine (not the same draws).
/// </summary>
internal static class NaiveStressBaseline
{
    public sealed record Outcome(double MeanPayoffUsd, double StandardErrorUsd, double P5PayoffUsd, double MeanRevenueUsd, double[] MedianRevenueByMonthUsd);

    public static Outcome Run(Book book, IReadOnlyList<double[]> allocatedMw, int paths, int seed)
    {
        var random = new Random(seed);
        var s = book.Scenario;
        var months = book.Horizon.Months().ToList();
        var T = months.Count;
        var r = s.DiscountRate.CompoundedMonthly();
        var payoffs = new List<double>();
        var revenues = new List<double>();
        var monthlyRevenue = new List<double[]>();
        var initialShare = book.Tenants.ToDictionary(t => t.Id, t => InitialShare(book, t));

        for (var path = 0; path < paths; path++)
        {
            var strength = new Dictionary<string, double>();
            var retention = new Dictionary<string, double>();
            var defaulted = new Dictionary<string, bool>();
            foreach (var tenant in book.Tenants)
            {
                strength[tenant.Id] = Math.Log(initialShare[tenant.Id]);
                retention[tenant.Id] = 1;
                defaulted[tenant.Id] = false;
            }
            var regime = s.StartRegime;
            var logS = 0.0;
            var npv = 0.0;
            var pathRevenue = new double[T];
            var shares = new Dictionary<string, double>();
            for (var t = 1; t <= T; t++)
            {
                var month = months[t - 1];
                if (t > 1)
                {
                    var p = regime == Regime.Boom ? s.BoomToCooling.MonthlyProbability() : s.CoolingToBoom.MonthlyProbability();
                    if (random.NextDouble() < p)
                    {
                        regime = regime == Regime.Boom ? Regime.Cooling : Regime.Boom;
                    }
                }
                var dynamics = regime == Regime.Boom ? s.Boom : s.Cooling;
                var sigma = dynamics.Volatility.MonthlyVolatility();
                logS += dynamics.Growth.MonthlyDrift() - (sigma * sigma / 2) + (sigma * Normal(random));
                var S = Math.Exp(logS);

                foreach (var tenant in book.Tenants)
                {
                    if (tenant.RivalryGroup is not null)
                    {
                        strength[tenant.Id] += tenant.Risk.StrengthVolatility * Normal(random);
                    }
                }
                var groupSums = new Dictionary<string, double>();
                foreach (var tenant in book.Tenants.Where(t => t.RivalryGroup is not null))
                {
                    groupSums[tenant.RivalryGroup!] = groupSums.GetValueOrDefault(tenant.RivalryGroup!) + Math.Exp(strength[tenant.Id]);
                }
                foreach (var tenant in book.Tenants)
                {
                    shares[tenant.Id] = tenant.RivalryGroup is null ? 1 : Math.Exp(strength[tenant.Id]) / groupSums[tenant.RivalryGroup] / initialShare[tenant.Id];
                }

                var revenue = 0.0;
                var used = 0.0;
                foreach (var tenant in book.Tenants)
                {
                    if (defaulted[tenant.Id])
                    {
                        continue;
                    }
                    if (random.NextDouble() < tenant.Risk.DriftHazard.MonthlyProbability())
                    {
                        retention[tenant.Id] *= 1 - tenant.Risk.DriftFraction;
                    }
                    var hazard = regime == Regime.Boom ? tenant.Risk.DefaultHazardBoom : tenant.Risk.DefaultHazardCooling;
                    if (random.NextDouble() < hazard.MonthlyProbability())
                    {
                        defaulted[tenant.Id] = true;
                        var remaining = 0.0;
                        foreach (var c in book.Contracts.Where(c => c.Tenant == tenant.Id))
                        {
                            for (var u = t; u <= T; u++)
                            {
                                remaining += c.PricePerMwMonthUsd * c.TakeOrPayFraction * c.CommittedMw(months[u - 1]);
                            }
                        }
                        revenue += tenant.Risk.RecoveryFraction * remaining;
                        continue;
                    }
                    var tenantCommitted = book.Contracts.Where(c => c.Tenant == tenant.Id).Sum(c => c.CommittedMw(month));
                    var demand = tenant.Risk.DemandFraction * tenantCommitted * S * shares[tenant.Id] * retention[tenant.Id];
                    for (var i = 0; i < book.Contracts.Count; i++)
                    {
                        var c = book.Contracts[i];
                        if (c.Tenant != tenant.Id || tenantCommitted <= 0)
                        {
                            continue;
                        }
                        var u = Math.Min(demand * c.CommittedMw(month) / tenantCommitted, allocatedMw[i][t - 1]);
                        used += u;
                        revenue += c.PricePerMwMonthUsd * Math.Max(u, c.TakeOrPayFraction * c.CommittedMw(month));
                    }
                }
                var costs = 0.0;
                foreach (var site in book.Sites)
                {
                    var before = t == 1 ? 0 : site.OnlineMw(months[t - 2]);
                    costs += (site.CapexPerMwUsd * Math.Max(0, site.OnlineMw(month) - before)) + (site.OpexPerMwMonthUsd * site.OnlineMw(month));
                }
                pathRevenue[t - 1] = revenue;
                npv += (revenue - costs) / Math.Pow(1 + r, t);
            }
            var equity = 0.0;
            foreach (var investment in book.Investments)
            {
                if (!defaulted[investment.Tenant])
                {
                    equity += investment.OwnershipFraction * investment.ValuationUsd * Math.Pow(Math.Exp(logS) * shares[investment.Tenant], investment.Beta);
                }
            }
            payoffs.Add(npv + (equity / Math.Pow(1 + r, T)) - book.Investments.Sum(i => i.AmountUsd));
            revenues.Add(pathRevenue.Sum());
            monthlyRevenue.Add(pathRevenue);
        }

        var sorted = payoffs.OrderBy(p => p).ToList();
        var medians = Enumerable.Range(0, T).Select(t => monthlyRevenue.Select(m => m[t]).OrderBy(v => v).ElementAt(paths / 2)).ToArray();
        var mean = payoffs.Average();
        var standardError = Math.Sqrt(payoffs.Sum(p => (p - mean) * (p - mean)) / (paths - 1) / paths);
        return new Outcome(mean, standardError, sorted[(int)(0.05 * (paths - 1))], revenues.Average(), medians);
    }

    private static double InitialShare(Book book, Tenant tenant)
    {
        if (tenant.RivalryGroup is null)
        {
            return 1;
        }
        var members = book.Tenants.Where(t => t.RivalryGroup == tenant.RivalryGroup).ToList();
        var stated = members.Where(m => m.Risk.InitialShareFraction is not null).Sum(m => m.Risk.InitialShareFraction!.Value);
        var unstated = members.Count(m => m.Risk.InitialShareFraction is null);
        var fill = unstated == 0 ? 0 : stated < 1 ? (1 - stated) / unstated : 1.0 / members.Count;
        var total = members.Sum(m => m.Risk.InitialShareFraction ?? fill);
        return (tenant.Risk.InitialShareFraction ?? fill) / total;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
