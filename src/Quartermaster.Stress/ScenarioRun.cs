using System.Numerics;
using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// The raw output of simulating every path of one model: per-path payoffs of the operating book and the stakes,
/// outcomes, payback months and IRRs, per-block sums, and the merged sketches. Paths run in parallel chunks of
/// whole blocks; each block's sums are taken in path order and blocks are reduced in order, so results are
/// bit-identical for any thread count and chunk size.
/// </summary>
internal sealed partial class ScenarioRun
{
    // Layout of one block's sums: totals, tenants' revenue, monthly series, then the stakes, the sector at the
    // horizon and the calendar years' cash.
    private const int Revenue = 0;
    private const int Used = 1;
    private const int Idle = 2;
    private const int FirstTenant = 3;
    private readonly int _firstMonthly;
    private readonly int _firstStake;
    private readonly int _sectorSum;
    private readonly int _firstYear;

    private readonly StressModel _model;
    private readonly double[] _blockSums;
    private readonly int _width;
    private readonly int _threads;
    private readonly bool _payoffsOnly; // see PathSimulator: no fan, cash, payback or IRR, and no block sums
    private readonly FanSketch? _fan; // null in a run of payoffs only, as is _cash
    private readonly CashSketch? _cash;

    public ulong Seed { get; }
    public int Paths { get; }
    public double[] Operating { get; }
    public double[] Stakes { get; }
    public int[] Outcomes { get; } // empty in a run of payoffs only, as are Payback and Irr
    public int[] Payback { get; } // horizon month, or int.MaxValue when the path does not pay back
    public double[] Irr { get; } // NaN where undefined (never reported as such)
    public FanSketch Fan => _fan ?? throw PayoffsOnly();
    public CashSketch Cash => _cash ?? throw PayoffsOnly();

    private ScenarioRun(StressModel model, ulong seed, int paths, int threads, bool payoffsOnly = false)
    {
        _model = model;
        _threads = threads;
        _payoffsOnly = payoffsOnly;
        Seed = seed;
        Paths = paths;
        Operating = new double[paths];
        Stakes = new double[paths];
        // A run of payoffs only (StressEngine.Payoffs, the tornado's runs) fills the two payoff lines and nothing else: the rest is not
        // even allocated (at a million paths, 16 MB of per-path arrays, the block sums and each sketch).
        Outcomes = payoffsOnly ? [] : new int[paths];
        Payback = payoffsOnly ? [] : new int[paths];
        Irr = payoffsOnly ? [] : new double[paths];
        _firstMonthly = FirstTenant + model.TenantCount;
        _firstStake = _firstMonthly + (FanSketch.Series * (model.Months + 1));
        _sectorSum = _firstStake + (2 * model.EquityTenant.Length);
        _firstYear = _sectorSum + 2;
        _width = _firstYear + (CashSketch.Series * model.YearEnd.Length);
        if (!payoffsOnly)
        {
            _blockSums = new double[((paths + StressOptions.BlockPaths - 1) / StressOptions.BlockPaths) * _width];
            _fan = new FanSketch(model.Months, model.FanScale);
            _cash = new CashSketch(model.CashScale);
        }
        else
        {
            _blockSums = [];
        }
    }

    private static InvalidOperationException PayoffsOnly() =>
        new("a run of payoffs only has no fan charts, cash flow or totals to summarise");

    /// <summary>The payoff of the whole book on each path: operating plus stakes.</summary>
    public double[] Totals()
    {
        var totals = new double[Paths];
        for (var p = 0; p < Paths; p++)
        {
            totals[p] = Operating[p] + Stakes[p];
        }
        return totals;
    }

    /// <summary>The per-path payoffs of <paramref name="line"/> (a new array for the total).</summary>
    public double[] Line(PayoffLine line) => line switch
    {
        PayoffLine.Operating => Operating,
        PayoffLine.Stakes => Stakes,
        _ => Totals(),
    };

    /// <summary>
    /// Simulates <paramref name="paths"/> paths of <paramref name="model"/>; with <paramref name="payoffsOnly"/>, only what
    /// <see cref="Line"/> and <see cref="PayoffSummaries"/> read (the same bits as a full run), and <see cref="Summarise()"/> refuses.
    /// </summary>
    public static ScenarioRun Execute(StressModel model, ulong seed, int paths, int threads, int chunkPaths, Action<int>? pathsDone, CancellationToken cancellationToken,
        bool payoffsOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var run = new ScenarioRun(model, seed, paths, threads, payoffsOnly);
        run.SimulateAll(0, chunkPaths, pathsDone, cancellationToken);
        return run;
    }

    /// <summary>
    /// Simulates paths firstPath to firstPath + <see cref="Paths"/> - 1 into this run's slots 0 to Paths - 1, in
    /// parallel parts of <paramref name="chunkPaths"/> (rounded up to whole blocks), and merges the sketches.
    /// </summary>
    private void SimulateAll(long firstPath, int chunkPaths, Action<int>? pathsDone, CancellationToken cancellationToken)
    {
        var blocksPerChunk = Math.Max(1, (chunkPaths + StressOptions.BlockPaths - 1) / StressOptions.BlockPaths);
        var chunkSize = blocksPerChunk * StressOptions.BlockPaths;
        var chunks = (Paths + chunkSize - 1) / chunkSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = cancellationToken };
        // Parallel.For ends each worker task after a time slice and starts another, calling the local init again:
        // simulators (a few MB of sketch counters each) go back to this pool and are taken again, instead of being
        // built and merged once per slice. Their counts are merged once at the end: integer sums, in any order the same.
        var pool = new System.Collections.Concurrent.ConcurrentBag<PathSimulator>();
        Parallel.For(
            0,
            chunks,
            options,
            () => pool.TryTake(out var idle) ? idle : new PathSimulator(_model, Seed, _payoffsOnly),
            (chunk, _, simulator) =>
            {
                var from = chunk * chunkSize;
                var to = Math.Min(Paths, from + chunkSize);
                for (var path = from; path < to; path++)
                {
                    Record(path, simulator.Simulate(firstPath + path), simulator);
                }
                pathsDone?.Invoke(to - from);
                return simulator;
            },
            pool.Add);
        foreach (var simulator in pool)
        {
            if (simulator.Fan is { } fan && simulator.Cash is { } cash)
            {
                Fan.Merge(fan); // a full run's simulators, so this run's sketches too
                Cash.Merge(cash);
            }
        }
    }

    private void Record(int path, PathTotals totals, PathSimulator simulator)
    {
        Operating[path] = totals.OperatingUsd;
        Stakes[path] = totals.StakesUsd;
        if (_payoffsOnly)
        {
            return;
        }
        Outcomes[path] = totals.Outcome;
        Payback[path] = totals.PaybackMonth ?? int.MaxValue;
        Irr[path] = totals.OperatingIrr ?? double.NaN;
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
            // Months 1..T, element by element, so vectors change no sum.
            var from = monthly.AsSpan((series * stride) + 1, months);
            var to = sums.Slice(_firstMonthly + (series * (months + 1)) + 1, months);
            var t = 0;
            for (; t + Vector<double>.Count <= to.Length; t += Vector<double>.Count)
            {
                (new Vector<double>(to[t..]) + new Vector<double>(from[t..])).CopyTo(to[t..]);
            }
            for (; t < to.Length; t++)
            {
                to[t] += from[t];
            }
        }
        var stakes = simulator.StakeValue.Length;
        for (var i = 0; i < stakes; i++)
        {
            sums[_firstStake + i] += simulator.StakeValue[i];
            sums[_firstStake + stakes + i] += simulator.CapBound[i];
        }
        var sector = simulator.SectorAtHorizon;
        sums[_sectorSum] += sector;
        sums[_sectorSum + 1] += sector * sector;
        var years = simulator.YearCash.Length;
        for (var y = 0; y < years; y++)
        {
            sums[_firstYear + y] += simulator.YearCash[y];
            sums[_firstYear + years + y] += simulator.CumulativeCash[y];
        }
    }

    /// <summary>Summarises the run.</summary>
    /// <exception cref="InvalidOperationException">The run was of payoffs only.</exception>
    public StressResult Summarise()
    {
        if (_payoffsOnly)
        {
            throw PayoffsOnly();
        }
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

        // The per-path statistics (three sorts of every path's payoff, the IRRs, the outcome table) are independent
        // of each other and each is computed in path order, so they run side by side on the run's threads: at a
        // million paths they are a second of CPU that would otherwise keep one core waiting.
        var payoffs = new double[3][];
        var sorted = new double[3][];
        var summaries = new PayoffSummary[3];
        var histograms = new PayoffHistogram[3];
        ValueList<WinEitherWayRow>? table = null;
        IrrDistribution? irr = null;
        PaybackDistribution? payback = null;
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => Summarise(PayoffLine.Total, payoffs, sorted, summaries, histograms),
            () => Summarise(PayoffLine.Operating, payoffs, sorted, summaries, histograms),
            () => Summarise(PayoffLine.Stakes, payoffs, sorted, summaries, histograms),
            () => irr = IrrOf(),
            () => table = WinEitherWay(),
            () => payback = PaybackOf());
        var payoff = new PayoffLines<PayoffSummary>(summaries[0], summaries[1], summaries[2]);
        var stakes = StakeOutcomes(totals);
        return new StressResult(
            Paths,
            Seed,
            payoff,
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
            table!,
            new PayoffLines<PayoffHistogram>(histograms[0], histograms[1], histograms[2]),
            new OperatingCashFlow(Years(totals), payback!, irr!),
            stakes,
            new OperatingCosts(m.FacilityCapexPresentValueUsd, m.ItCapexPresentValueUsd, m.OpexPresentValueUsd, m.ResidualPresentValueUsd),
            MonteCarloWarnings.Of(m, Paths, payoff, totals[_sectorSum] / Paths, totals[_sectorSum + 1] / Paths));
    }

    /// <summary>The summary of each payoff line, the three computed side by side on the run's threads.</summary>
    public PayoffLines<PayoffSummary> PayoffSummaries()
    {
        var payoffs = new double[3][];
        var sorted = new double[3][];
        var summaries = new PayoffSummary[3];
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => Summarise(PayoffLine.Total, payoffs, sorted, summaries, null),
            () => Summarise(PayoffLine.Operating, payoffs, sorted, summaries, null),
            () => Summarise(PayoffLine.Stakes, payoffs, sorted, summaries, null));
        return new PayoffLines<PayoffSummary>(summaries[0], summaries[1], summaries[2]);
    }

    // Sorts one line's payoffs and reads its summary, and its histogram unless `histograms` is null.
    private void Summarise(PayoffLine line, double[][] payoffs, double[][] sorted, PayoffSummary[] summaries, PayoffHistogram[]? histograms)
    {
        var i = (int)line;
        payoffs[i] = Line(line);
        sorted[i] = (double[])payoffs[i].Clone();
        PathSort.Sort(sorted[i]);
        summaries[i] = PayoffSummary.Of(payoffs[i], sorted[i]);
        if (histograms is not null)
        {
            histograms[i] = PayoffHistogram.OfSorted(sorted[i]);
        }
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
        // Tallied in path order in a hash map (one lookup per path), then read out in outcome order.
        var tallies = new Dictionary<int, Tally>();
        for (var p = 0; p < Paths; p++)
        {
            if (!tallies.TryGetValue(Outcomes[p], out var tally))
            {
                tallies[Outcomes[p]] = tally = new Tally();
            }
            tally.Add(Operating[p], Stakes[p], Operating[p] + Stakes[p]);
        }
        return tallies.OrderBy(g => g.Key).Select(g => new WinEitherWayRow(Leaders(g.Key), (g.Key & 1) == 1, g.Value.Paths, (double)g.Value.Paths / Paths,
            PayoffLines<OutcomePayoff>.Of(line => g.Value.Of(line)))).ToValueList();
    }

    // Sums and loss counts of the three lines over the paths of one outcome, added in path order.
    private sealed class Tally
    {
        private readonly double[] _sums = new double[3];
        private readonly int[] _losses = new int[3];

        public int Paths { get; private set; }

        public void Add(double operating, double stakes, double total)
        {
            Paths++;
            _sums[0] += operating;
            _sums[1] += stakes;
            _sums[2] += total;
            _losses[0] += operating < 0 ? 1 : 0;
            _losses[1] += stakes < 0 ? 1 : 0;
            _losses[2] += total < 0 ? 1 : 0;
        }

        public OutcomePayoff Of(PayoffLine line) => new(_sums[(int)line] / Paths, (double)_losses[(int)line] / Paths);
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

    private ValueList<StakeOutcome> StakeOutcomes(double[] totals)
    {
        var m = _model;
        var count = m.EquityTenant.Length;
        return Enumerable.Range(0, count).Select(i =>
        {
            var investment = m.Investments[m.EquityInvestment[i]];
            return new StakeOutcome(investment.Id, investment.Tenant, investment.Date, investment.AmountUsd, investment.ValuationCapUsd,
                totals[_firstStake + i] / Paths, totals[_firstStake + count + i] / Paths);
        }).ToValueList();
    }

    private ValueList<YearCashFlow> Years(double[] totals)
    {
        var m = _model;
        var years = m.YearEnd.Length;
        return Enumerable.Range(0, years).Select(y => new YearCashFlow(
            m.CalendarYears[y],
            m.YearEnd[y] - (y == 0 ? 0 : m.YearEnd[y - 1]),
            new CashBand(totals[_firstYear + y] / Paths, Cash.Quantile(CashSketch.YearCash, y, 0.05), Cash.Quantile(CashSketch.YearCash, y, 0.50), Cash.Quantile(CashSketch.YearCash, y, 0.95)),
            new CashBand(totals[_firstYear + years + y] / Paths, Cash.Quantile(CashSketch.Cumulative, y, 0.05), Cash.Quantile(CashSketch.Cumulative, y, 0.50), Cash.Quantile(CashSketch.Cumulative, y, 0.95))))
            .ToValueList();
    }

    // Payback months are whole months 1..T (or never), so their percentiles are read exactly from a count per month.
    private PaybackDistribution PaybackOf()
    {
        var T = _model.Months;
        var counts = new int[T + 2];
        foreach (var month in Payback)
        {
            counts[month == int.MaxValue ? T + 1 : month]++;
        }
        return new PaybackDistribution((double)(Paths - counts[T + 1]) / Paths, At(0.05), At(0.50), At(0.95));

        // The first month by which at least a fraction q of the paths have paid back; null beyond the horizon.
        Month? At(double q)
        {
            long cumulative = 0;
            for (var t = 1; t <= T; t++)
            {
                cumulative += counts[t];
                if (cumulative >= Math.Ceiling(q * Paths))
                {
                    return _model.Calendar[t - 1];
                }
            }
            return null;
        }
    }

    private IrrDistribution IrrOf()
    {
        var defined = Irr.Where(r => !double.IsNaN(r)).ToArray();
        if (defined.Length == 0)
        {
            return new IrrDistribution(0, null, null, null);
        }
        PathSort.Sort(defined);
        return new IrrDistribution((double)defined.Length / Paths, PayoffSummary.Percentile(defined, 0.05),
            PayoffSummary.Percentile(defined, 0.50), PayoffSummary.Percentile(defined, 0.95));
    }
}
