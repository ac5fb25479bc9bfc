using CsCheck;
using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>Invariants over small random books, generated with CsCheck.</summary>
public class StressPropertyTests
{
    private static readonly Gen<TenantRisk> GenRisk =
        Gen.Select(Gen.Double[0, 0.3], Gen.Double[0, 0.5], Gen.Double[0, 0.5], Gen.Double[0, 0.3], Gen.Double[0.3, 1.5])
            .Select(x => TenantRisk.Default with
            {
                StrengthVolatility = x.Item1,
                DriftHazard = Rate.PerYear(x.Item2),
                DefaultHazardBoom = Rate.PerYear(x.Item3 / 4),
                DefaultHazardCooling = Rate.PerYear(x.Item3),
                DriftFraction = x.Item4,
                DemandFraction = x.Item5,
            });

    private static readonly Gen<Book> GenBook =
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 18], Gen.Double[0, 1], GenRisk.Array[5], Gen.Int[0, 2], Gen.Double[0, 0.1])
            .Select(x =>
            {
                var (tenantCount, months, takeOrPay, risks, groups, switching) = x;
                var tenants = Enumerable.Range(0, tenantCount)
                    .Select(k => SmallBooks.Tenant($"t{k}", risks[k], groups == 0 ? null : $"g{k % groups}"))
                    .ToValueList();
                var contracts = tenants.Select((t, k) => SmallBooks.Contract($"c{k}", t.Id, months, 100 * (k + 1), 1000 + k, takeOrPay)).ToValueList();
                var book = SmallBooks.OneTenant(ScenarioSettings.Default with { Paths = 300, BoomToCooling = Rate.PerMonth(switching) }, months: months);
                return book with
                {
                    Tenants = tenants,
                    Contracts = contracts,
                    RivalryGroups = Enumerable.Range(0, groups).Select(g => new RivalryGroup($"g{g}", $"G{g}")).ToValueList(),
                    Sites = ValueList.Of(SmallBooks.Site("s", 1e6, 1e4, new MwStep(SmallBooks.Start, 100 * tenantCount))),
                    Investments = ValueList.Of(new Investment("i", "t0", 1e6, 0.1, 1e8, 1, null)),
                };
            });

    [Fact]
    public void Summaries_are_ordered_consistent_and_the_same_for_any_threading()
    {
        GenBook.Sample(book =>
        {
            // Allocate at most what is online: each contract gets at most an equal share of the site.
            var input = StressInput.FromRule(book, (c, m) => Math.Min(c.CommittedMw(m), book.OnlineMw(m) / book.Contracts.Count));
            var result = StressEngine.Run(input, new StressOptions(Threads: 1, ChunkPaths: 256));

            var p = result.Payoff.Total;
            Assert.True(p.P1Usd <= p.P5Usd && p.P5Usd <= p.P50Usd && p.P50Usd <= p.P95Usd && p.P95Usd <= p.P99Usd);
            Assert.Equal(-p.P5Usd, p.Var95Usd);
            Assert.True(p.Cvar95Usd >= p.Var95Usd - 1e-6 && p.Cvar99Usd >= p.Var99Usd - 1e-6 && p.Cvar99Usd >= p.Cvar95Usd - 1e-6);
            Assert.InRange(result.Utilisation, 0, 1 + 1e-12);
            Assert.InRange(result.RevenueHhi, (1.0 / book.Tenants.Count) - 1e-12, 1 + 1e-12);
            Assert.Equal(result.Paths, result.WinEitherWay.Sum(r => r.Paths));
            Assert.All(result.Revenue.Concat(result.UsedMw).Concat(result.IdleMw), b =>
                Assert.True(b.P5 <= b.P25 && b.P25 <= b.P50 && b.P50 <= b.P75 && b.P75 <= b.P95 && b.P5 >= 0));
            Assert.Equal(result, StressEngine.Run(input, new StressOptions(Threads: 2, ChunkPaths: 300)));
        }, iter: 40);
    }
}
