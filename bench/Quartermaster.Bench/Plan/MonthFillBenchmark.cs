using BenchmarkDotNet.Attributes;
using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Bench;

/// <summary>
/// Micro-benchmark of the planner's hot part: one month's progressive filling by max-flow
/// (<c>ProgressiveFilling.Solve</c>) on the middle month of the L book. Run with <c>qm bench micro --filter *MonthFill*</c>.
/// </summary>
[MemoryDiagnoser]
public class MonthFillBenchmark
{
    private FillProblem? _problem;

    /// <summary>Builds the L book and the fill problem of its middle month.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (sites, contracts, months) = PlanBookSizes.Size("L");
        var book = PlanBookSizes.Generate(sites, contracts, months, seed: 1);
        var model = PlanningModel.Compile(book, AllocationPolicy.MaxMin);
        var month = book.Horizon.Start.Plus(months / 2);
        var capacity = Enumerable.Range(0, model.Pools.Length).Select(p => model.PoolCapacityMw(p, month)).ToArray();
        _problem = FillProblem.Of(model, month, capacity);
    }

    /// <summary>Progressive filling of one month.</summary>
    [Benchmark]
    public double[] FillOneMonth() => ProgressiveFilling.Solve(_problem!);
}
