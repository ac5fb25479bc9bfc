using CsCheck;
using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// Plans of small books with dedicated halls against an exact lexicographic max-min with isolation computed
/// independently: every way of reserving halls for tenants is enumerated, each gives an LP (pools split into halls,
/// dedicated contracts only in their tenant's halls, rivals never there), solved by progressive filling with one LP
/// per contract and level; the best sorted fill vector over all reservations is the optimum.
/// </summary>
public sealed class HallIsolationExactTests
{
    [Fact]
    public void Books_with_dedicated_halls_plan_to_the_exact_lexicographic_max_min_with_isolation()
    {
        var compared = 0;
        var binding = 0;
        BookGen.IsolatedBooks.Sample(book =>
        {
            var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
            foreach (var month in plan.Months)
            {
                if (Exact(book, month) is not { } exact)
                {
                    continue;
                }
                Interlocked.Increment(ref compared);
                var planned = plan.Fills.Where(f => f.Month == month && f.CommittedMw > 0).Select(f => f.FillRatio).Order().ToArray();
                Assert.Equal(exact.Length, planned.Length);
                for (var k = 0; k < exact.Length; k++)
                {
                    Assert.True(Math.Abs(exact[k] - planned[k]) <= 1e-5, $"{month}: planned fills {string.Join(", ", planned)}, exact {string.Join(", ", exact)}");
                }
                var shared = new FlowPlanner().Allocate(book with { Contracts = book.Contracts.Select(c => c with { Isolation = Isolation.Shared }).ToValueList() }, AllocationPolicy.MaxMin);
                if (shared.Fills.Where(f => f.Month == month && f.CommittedMw > 0).Select(f => f.FillRatio).Order().Zip(exact).Any(p => Math.Abs(p.First - p.Second) > 1e-5))
                {
                    Interlocked.Increment(ref binding);
                }
            }
        }, iter: 150);
        Assert.True(compared > 20 && binding > 0, $"the generator should give months where isolation binds: {compared} compared, {binding} binding");
    }

    /// <summary>The sorted fills of the exact optimum of <paramref name="month"/>, or null when there are too many reservations to enumerate.</summary>
    private static double[]? Exact(Book book, Month month)
    {
        var contracts = book.Contracts.Where(c => c.CommittedMw(month) > 0).ToList();
        var groupOf = book.Tenants.ToDictionary(t => t.Id, t => t.RivalryGroup);
        bool Rivals(Contract a, Contract b) => a.Tenant != b.Tenant && groupOf[a.Tenant] is { } g && groupOf[b.Tenant] == g;
        var isolated = contracts.Where(c => c.Isolation == Isolation.DedicatedHall && contracts.Any(o => Rivals(c, o))).ToList();
        bool MayUse(Contract c, Site s, string chip) => c.Regions.Contains(s.Region) && c.Chips.Contains(chip) && s.ChipPoolMw(chip, month) > 0;
        var hallSites = book.Sites.Where(s => isolated.Any(c => s.ChipPools.Any(p => MayUse(c, s, p.Chip)))).ToList();
        var reserving = isolated.Select(c => c.Tenant).Distinct().ToList();
        var halls = hallSites.SelectMany(s => Enumerable.Range(0, s.Halls).Select(h => (Site: s, Hall: h))).ToList();
        var options = reserving.Count + 1;
        if (Math.Pow(options, halls.Count) > 81)
        {
            return null;
        }
        double[]? best = null;
        for (var code = 0; code < (int)Math.Pow(options, halls.Count); code++)
        {
            // Hall k is reserved for reserving[digit - 1], or for nobody when its digit is 0.
            var owner = new string?[halls.Count];
            for (int k = 0, rest = code; k < halls.Count; k++, rest /= options)
            {
                owner[k] = rest % options == 0 ? null : reserving[(rest % options) - 1];
            }
            var units = new List<(double Mw, Func<Contract, bool> May)>();
            foreach (var site in book.Sites)
            {
                foreach (var pool in site.ChipPools)
                {
                    var mw = site.ChipPoolMw(pool.Chip, month);
                    var k0 = halls.FindIndex(x => x.Site == site);
                    if (k0 < 0)
                    {
                        units.Add((mw, c => !isolated.Contains(c) && MayUse(c, site, pool.Chip)));
                        continue;
                    }
                    for (var h = 0; h < site.Halls; h++)
                    {
                        var o = owner[k0 + h];
                        units.Add((mw / site.Halls, c => MayUse(c, site, pool.Chip)
                            && (isolated.Contains(c) ? o == c.Tenant : o is null || !contracts.Any(r => r.Tenant == o && Rivals(r, c)))));
                    }
                }
            }
            var fills = LexMaxMin(contracts, units, month).Order().ToArray();
            if (best is null || Better(fills, best))
            {
                best = fills;
            }
        }
        return best;
    }

    private static bool Better(double[] a, double[] b)
    {
        for (var k = 0; k < a.Length; k++)
        {
            if (Math.Abs(a[k] - b[k]) > 1e-9)
            {
                return a[k] > b[k];
            }
        }
        return false;
    }

    /// <summary>Progressive filling with one LP per level and one per contract and level: exact for an LP.</summary>
    private static double[] LexMaxMin(List<Contract> contracts, List<(double Mw, Func<Contract, bool> May)> units, Month month)
    {
        var n = contracts.Count;
        var fill = new double[n];
        var frozen = new bool[n];
        while (frozen.Contains(false))
        {
            var level = Solve(contracts, units, month, frozen, fill, null, -1).Level;
            var freeze = new List<int>();
            for (var i = 0; i < n; i++)
            {
                if (!frozen[i] && (level >= 1 - 1e-9 || Solve(contracts, units, month, frozen, fill, level, i).Fill <= level + 1e-7))
                {
                    freeze.Add(i);
                }
            }
            foreach (var i in freeze)
            {
                fill[i] = Math.Min(1, level);
                frozen[i] = true;
            }
        }
        return fill;
    }

    /// <summary>
    /// Maximises the common level of unfrozen contracts (when <paramref name="level"/> is null), or contract
    /// <paramref name="rise"/>'s fill with the others at least <paramref name="level"/>; frozen contracts keep their fill.
    /// </summary>
    private static (double Level, double Fill) Solve(List<Contract> contracts, List<(double Mw, Func<Contract, bool> May)> units, Month month, bool[] frozen, double[] fill, double? level, int rise)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var t = solver.MakeNumVar(0, 1, "t");
        var rows = units.Select(u => solver.MakeConstraint(0, u.Mw / 1)).ToList();
        var totals = new Variable[contracts.Count][];
        for (var i = 0; i < contracts.Count; i++)
        {
            var d = contracts[i].CommittedMw(month);
            // Fill ratio of contract i: sum of x over its units, each x the share of its commitment placed there.
            totals[i] = [.. units.Select((u, k) => (u, k)).Where(x => x.u.May(contracts[i])).Select(x =>
            {
                var v = solver.MakeNumVar(0, 1, "");
                rows[x.k].SetCoefficient(v, d);
                return v;
            })];
            var row = solver.MakeConstraint(frozen[i] ? fill[i] * (1 - 1e-9) : 0, frozen[i] ? fill[i] : 1);
            foreach (var v in totals[i])
            {
                row.SetCoefficient(v, 1);
            }
            if (!frozen[i] && i != rise)
            {
                var keep = solver.MakeConstraint(level is { } l ? l * (1 - 1e-9) : 0, double.PositiveInfinity);
                foreach (var v in totals[i])
                {
                    keep.SetCoefficient(v, 1);
                }
                if (level is null)
                {
                    keep.SetCoefficient(t, -1);
                }
            }
        }
        if (level is null)
        {
            solver.Objective().SetCoefficient(t, 1);
        }
        else
        {
            foreach (var v in totals[rise])
            {
                solver.Objective().SetCoefficient(v, 1);
            }
        }
        solver.Objective().SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return (t.SolutionValue(), rise < 0 ? 0 : totals[rise].Sum(v => v.SolutionValue()));
    }
}
