using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// The raw output of simulating every path of one model: per-path payoffs and outcomes, per-block
/// sums, and the merged fan sketch. Paths run in parallel chunks of whole blocks; each block's sums are
/// taken in path order and blocks are reduced in order, so results are bit-identical for any thread
/// count and chunk size.
/// </summary>
internal sealed class ScenarioRun
{
    private const int Revenue = 0;
    private const int Used = 1;
    private const int Idle = 2;
    private const int FirstTenant = 3;
    private readonly int _firstMonthly;

    private readonly StressModel _model;
    private readonly double[] _blockSums;
    private readonly int _width;

    public ulong Seed { get; }
    public int Paths { get; }
    public double[] Payoffs { get; }
    public int[] Outcomes { get; }
    public FanSketch Fan { get; }

    private ScenarioRun(StressModel model, ulong seed, int paths)
    {
        _model = model;
        Seed = seed;
        Paths = paths;
        Payoffs = new double[paths];
        Outcomes = new int[paths];
        _firstMonthly = FirstTenant + model.TenantCount;
        _width = _firstMonthly + (FanSketch.Series * (model.Months + 1));
        _blockSums = new double[((paths + StressOptions.BlockPaths - 1) / StressOptions.BlockPaths) * _width];
        Fan = new FanSketch(model.Months, model.FanScale);
    }

    /// <summary>Simulates <paramref name="paths"/> paths of <paramref name="model"/>.</summary>
    public static ScenarioRun Execute(StressModel model, ulong seed, int paths, int threads, int chunkPaths, Action<int>? pathsDone, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var run = new ScenarioRun(model, seed, paths);
        var blocksPerChunk = Math.Max(1, (chunkPaths + StressOptions.BlockPaths - 1) / StressOptions.BlockPaths);
        var chunkSize = blocksPerChunk * StressOptions.BlockPaths;
        var chunks = (paths + chunkSize - 1) / chunkSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            chunks,
            options,
            () => new PathSimulator(model, seed),
            (chunk, _, simulator) =>
            {
                var from = chunk * chunkSize;
                var to = Math.Min(paths, from + chunkSize);
                for (var path = from; path < to; path++)
                {
                    run.Record(path, simulator.Simulate(path), simulator);
                }
                pathsDone?.Invoke(to - from);
                return simulator;
            },
            simulator =>
            {
                lock (run.Fan)
                {
                    run.Fan.Merge(simulator.Fan);
                }
            });
        return run;
    }

    private void Record(int path, PathTotals totals, PathSimulator simulator)
    {
        Payoffs[path] = totals.PayoffUsd;
        Outcomes[path] = totals.Outcome;
        var sums = _blockSums.AsSpan(path / StressOptions.BlockPaths * _width, _width);
        sums[Revenue] += totals.RevenueUsd;
        sums[Used] += totals.UsedMwMonths;
        sums[Idle] += totals.IdleMwMonths;
        var tenantRevenue = simulator.TenantRevenue;
        for (var k = 0; k < tenantRevenue.Length; k++)
        {
            sums[FirstTenant + k] += tenantRevenue[k];
        }
        var monthly = simulator.Monthly;
        var months = _model.Months;
        var stride = _model.MonthStride;
        for (var series = 0; series < FanSketch.Series; series++)
        {
            var from = monthly.AsSpan(series * stride, months + 1);
            var to = sums.Slice(_firstMonthly + (series * (months + 1)), months + 1);
            for (var t = 1; t <= months; t++)
            {
                to[t] += from[t];
            }
        }
    }

    /// <summary>Summarises the run.</summary>
    public StressResult Summarise()
    {
        var m = _model;
        var totals = new double[_width];
        for (var b = 0; b < _blockSums.Length; b += _width)
        {
            for (var j = 0; j < _width; j++)
            {
                totals[j] += _blockSums[b + j];
            }
        }
        var tenantRevenue = totals[FirstTenant.._firstMonthly].Select(r => r / Paths).ToArray();
        var allRevenue = tenantRevenue.Sum();
        var tenants = m.TenantIds.Select((id, k) => new TenantRevenueShare(id, tenantRevenue[k], allRevenue > 0 ? tenantRevenue[k] / allRevenue : 0)).ToValueList();
        var top = tenants.OrderByDescending(t => t.Share).FirstOrDefault();
        return new StressResult(
            Paths,
            Seed,
            PayoffSummary.Of(Payoffs),
            totals[Revenue] / Paths,
            totals[Idle] / Paths / 1000,
            m.OnlineMwMonths > 0 ? totals[Used] / Paths / m.OnlineMwMonths : 0,
            tenants.Sum(t => t.Share * t.Share),
            top?.TenantId,
            top?.Share ?? 0,
            tenants,
            MonthlyMean(totals, FanSketch.Revenue),
            MonthlyMean(totals, FanSketch.UsedMw),
            MonthlyMean(totals, FanSketch.IdleMw),
            FanOf(FanSketch.Revenue),
            FanOf(FanSketch.UsedMw),
            FanOf(FanSketch.IdleMw),
            m.GroupIds.ToValueList(),
            WinEitherWay(),
            PayoffHistogram.Of(Payoffs));
    }

    private ValueList<double> MonthlyMean(double[] totals, int series) =>
        Enumerable.Range(1, _model.Months).Select(t => totals[_firstMonthly + (series * (_model.Months + 1)) + t] / Paths).ToValueList();

    private ValueList<FanBand> FanOf(int series) =>
        Enumerable.Range(1, _model.Months).Select(t => new FanBand(
            _model.Calendar[t - 1],
            Fan.Quantile(series, t, 0.05),
            Fan.Quantile(series, t, 0.25),
            Fan.Quantile(series, t, 0.50),
            Fan.Quantile(series, t, 0.75),
            Fan.Quantile(series, t, 0.95))).ToValueList();

    private ValueList<WinEitherWayRow> WinEitherWay()
    {
        var groups = new SortedDictionary<int, (int Paths, double Sum, int Losses)>();
        for (var p = 0; p < Paths; p++)
        {
            groups.TryGetValue(Outcomes[p], out var g);
            groups[Outcomes[p]] = (g.Paths + 1, g.Sum + Payoffs[p], g.Losses + (Payoffs[p] < 0 ? 1 : 0));
        }
        return groups.Select(g => new WinEitherWayRow(Leaders(g.Key), (g.Key & 1) == 1, g.Value.Paths, (double)g.Value.Paths / Paths, g.Value.Sum / g.Value.Paths, (double)g.Value.Losses / g.Value.Paths)).ToValueList();
    }

    // Decodes the mixed-radix leaders of an outcome code (see PathSimulator.Outcome).
    private ValueList<string> Leaders(int outcome)
    {
        var m = _model;
        var code = outcome >> 1;
        var leaders = new string[m.GroupIds.Count];
        for (var g = leaders.Length - 1; g >= 0; g--)
        {
            var size = m.GroupStart[g + 1] - m.GroupStart[g];
            leaders[g] = m.TenantIds[m.GroupMembers[m.GroupStart[g] + (code % size)]];
            code /= size;
        }
        return ValueList.Of<string>(leaders);
    }
}
