using CsCheck;
using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// Revenue-max is planned as price tiers filled in turn; this checks that tiering reaches the true maximum,
/// found by one plain LP over pools.
/// </summary>
public sealed class RevenueMaxTests
{
    [Fact]
    public void Filling_price_tiers_in_turn_earns_the_maximum_revenue_of_the_month()
    {
        BookGen.Books.Sample(book =>
        {
            var plan = new FlowPlanner().Allocate(book, AllocationPolicy.RevenueMax);
            foreach (var month in plan.Months)
            {
                var planned = plan.Fills.Where(f => f.Month == month)
                    .Sum(f => book.Contracts.Single(c => c.Id == f.ContractId).PricePerMwMonthUsd * f.AllocatedMw);
                var best = MaximumRevenue(book, month);
                Assert.True(Math.Abs(planned - best) <= 1e-6 * Math.Max(1, best), $"{month}: planned {planned}, maximum {best}");
            }
        }, iter: 200);
    }

    private static double MaximumRevenue(Book book, Month month)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var objective = solver.Objective();
        var pools = book.Sites.SelectMany(s => s.ChipPools.Select(p => (Site: s, p.Chip, Constraint: solver.MakeConstraint(0, s.ChipPoolMw(p.Chip, month))))).ToList();
        foreach (var contract in book.Contracts)
        {
            var committed = solver.MakeConstraint(0, contract.CommittedMw(month));
            foreach (var pool in pools.Where(p => contract.Regions.Contains(p.Site.Region) && contract.Chips.Contains(p.Chip)))
            {
                var x = solver.MakeNumVar(0, double.PositiveInfinity, "");
                committed.SetCoefficient(x, 1);
                pool.Constraint.SetCoefficient(x, 1);
                objective.SetCoefficient(x, contract.PricePerMwMonthUsd);
            }
        }
        objective.SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return objective.Value();
    }
}
