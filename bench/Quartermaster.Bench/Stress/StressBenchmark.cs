using System.Diagnostics;
using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Bench;

/// <summary>
/// <c>qm bench stress [--paths N] [--baseline-paths M] [--threads K] [--repeat R]</c>: times the stress engine on the
/// benchmark book (10 tenants, 120 months), as a full run and as a run of payoffs only, the random-number floor (the
/// same count of draws, generated and summed, on the same threads), and the naive baseline on M paths projected to N.
/// With R repeats the engine, the floor and (with <c>--peer numpy</c>) the peer alternate R times and the best time of
/// each counts (other processes on a shared machine only ever slow a run down). The last line is <c>ratio baseline/engine: R</c>,
/// or with the peer <c>ratio numpy/engine (CPU): R</c>.
/// </summary>
public static class StressBenchmark
{
    public static int Run(string[] args)
    {
        var paths = IntOption(args, "--paths", 1_000_000);
        var baselinePaths = Math.Min(paths, IntOption(args, "--baseline-paths", 20_000));
        var threads = IntOption(args, "--threads", Environment.ProcessorCount);
        var repeats = IntOption(args, "--repeat", 1);
        if (paths < 1 || baselinePaths < 2 || threads < 1 || repeats < 1)
        {
            Console.Error.WriteLine("usage: qm bench stress [--paths N] [--baseline-paths M >= 2] [--threads K] [--repeat R]");
            return 2;
        }

        var peer = StringOption(args, "--peer");
        if (peer is not null and not "numpy")
        {
            Console.Error.WriteLine($"qm bench stress: unknown peer '{peer}' (the one peer is 'numpy')");
            return 2;
        }
        var bookPath = StringOption(args, "--book");
        Book book;
        if (bookPath is null)
        {
            book = StressBenchmarkBook.Build(paths);
        }
        else
        {
            var read = BookReader.ReadFile(bookPath);
            if (!read.IsValid)
            {
                read.Errors.ToList().ForEach(e => Console.Error.WriteLine(e));
                return 2;
            }
            book = read.Book!;
        }
        var input = StressBenchmarkBook.Planned(book);
        var months = book.Horizon.MonthCount;
        var options = new StressOptions(Paths: paths, Threads: threads);
        Console.WriteLine(Invariant($"book: {bookPath ?? "the benchmark book"}: {book.Tenants.Count} tenants, {book.Contracts.Count} contracts, {book.Sites.Count} sites, {months} months; {paths:N0} paths on {threads} threads"));
        Console.WriteLine(Invariant($"load average at start: {LoadAverage()}"));

        // Warm up the JIT (tiered compilation) on small runs before timing.
        var (normals, exponentials) = DrawsPerPath(book);
        StressEngine.Run(input, options with { Paths = 20_000 });
        StressEngine.Payoffs(input, options with { Paths = 20_000 });
        RandomFloor(book.Scenario.Seed, 20_000, months, normals, exponentials, threads);
        var pathMonths = (double)paths * months;
        var engine = new BestTime();
        var payoffs = new BestTime();
        var floor = new BestTime();
        StressResult? result = null;
        var floorSum = 0.0;
        double peakMb = 0;
        NumpyPeer.Report? numpy = null;
        var python = StringOption(args, "--python") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var block = IntOption(args, "--peer-block", 2_000);
        // Each repeat runs the engine, then the peer, so a machine that speeds up or slows down over the minutes of a
        // benchmark (this VM does, by 10 to 20%) favours neither. The best time of each counts: the peer's varies
        // from run to run more than the engine's, and other processes only ever slow a run down.
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            engine.Measure(() => result = StressEngine.Run(input, options));
            if (repeat == 0)
            {
                using var process = Process.GetCurrentProcess();
                process.Refresh();
                peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;
            }
            payoffs.Measure(() => StressEngine.Payoffs(input, options));
            floor.Measure(() => floorSum = RandomFloor(book.Scenario.Seed, paths, months, normals, exponentials, threads));
            if (peer is not null)
            {
                var run = NumpyPeer.Run(input, paths, book.Scenario.Seed, threads, block, python, StringOption(args, "--peer-files"), out var problem);
                if (run is null)
                {
                    Console.Error.WriteLine("qm bench stress: the numpy peer did not run: " + problem);
                    return 2;
                }
                numpy = numpy is null ? run : numpy with { WallSeconds = Math.Min(numpy.WallSeconds, run.WallSeconds), CpuSeconds = Math.Min(numpy.CpuSeconds, run.CpuSeconds) };
            }
        }

        // The naive baseline knows the v1 model only: it runs on the benchmark book alone.
        NaiveStressBaseline.Outcome? naive = null;
        var baselineSeconds = double.NaN;
        if (bookPath is null)
        {
            NaiveStressBaseline.Run(book, input.AllocatedMwByContract, Math.Min(200, baselinePaths), 1);
            var baselineClock = Stopwatch.StartNew();
            naive = NaiveStressBaseline.Run(book, input.AllocatedMwByContract, baselinePaths, 1);
            baselineSeconds = baselineClock.Elapsed.TotalSeconds * paths / baselinePaths;
        }

        var p = result!.Payoff.Total;
        Console.WriteLine(Invariant($"engine payoff: mean {p.MeanUsd / 1e9:F3} $B (95% CI {p.Ci95LowUsd / 1e9:F3} .. {p.Ci95HighUsd / 1e9:F3}), P5 {p.P5Usd / 1e9:F3} $B, VaR95 {p.Var95Usd / 1e9:F3} $B, CVaR95 {p.Cvar95Usd / 1e9:F3} $B, P(loss) {p.ProbabilityOfLoss:P2}"));
        Console.WriteLine(Invariant($"engine revenue: mean {result.MeanRevenueUsd / 1e9:F3} $B, idle {result.MeanIdleGwMonths:F1} GW-months, utilisation {result.Utilisation:P1}, HHI {result.RevenueHhi:F3}, top tenant {result.TopTenantId} {result.TopTenantShare:P1}"));
        if (naive is not null)
        {
            Console.WriteLine(Invariant($"baseline check ({baselinePaths:N0} paths, other draws): mean payoff {naive.MeanPayoffUsd / 1e9:F3} $B ± {PayoffSummary95(naive.StandardErrorUsd) / 1e9:F3}, mean revenue {naive.MeanRevenueUsd / 1e9:F3} $B"));
        }
        Console.WriteLine(Invariant($"engine time{(repeats > 1 ? $" (best of {repeats})" : "")}: {engine.Wall:F2} s ({pathMonths / engine.Wall / 1e6:F1} M path-months/s)"));
        Console.WriteLine(Invariant($"engine ns per path-month: {engine.Wall * 1e9 / pathMonths:F1} wall, {engine.Wall * 1e9 * threads / pathMonths:F1} per core"));
        Console.WriteLine(Invariant($"random floor: {floor.Wall:F2} s for {(normals * months) + exponentials:F0} draws per path ({normals} normals per month, {exponentials} exponentials), {floor.Wall * 1e9 / pathMonths:F1} ns per path-month; engine/floor {engine.Wall / floor.Wall:F2}x (checksum {floorSum:E3})"));
        Console.WriteLine(Invariant($"CPU time (all threads; unlike wall time, barely moved by other processes): engine {engine.Cpu:F2} s = {engine.Cpu * 1e9 / pathMonths:F1} ns per path-month, floor {floor.Cpu:F2} s = {floor.Cpu * 1e9 / pathMonths:F1} ns; engine/floor {engine.Cpu / floor.Cpu:F2}x"));
        Console.WriteLine(Invariant($"engine, payoffs only (StressEngine.Payoffs: no fan charts, cash flow, payback or IRR): {payoffs.Wall:F2} s wall, {payoffs.Cpu:F2} s CPU = {payoffs.Cpu * 1e9 / pathMonths:F1} ns per path-month"));
        if (naive is not null)
        {
            Console.WriteLine(Invariant($"baseline time (projected from {baselinePaths:N0} paths, 1 thread as written): {baselineSeconds:F1} s"));
        }
        Console.WriteLine(Invariant($"peak memory (working set after the engine run): {peakMb:F0} MB"));
        if (numpy is null)
        {
            Console.WriteLine(naive is null ? "ratio baseline/engine: not run (--book)" : Invariant($"ratio baseline/engine: {baselineSeconds / engine.Wall:F1}"));
            return 0;
        }
        return ReportPeer(result, numpy, paths, threads, repeats, pathMonths, engine, payoffs, naive is null ? null : baselineSeconds);
    }

    // The peer's figures beside the engine's, the agreement check (exit 1 when they disagree), and the ratio line last.
    // The peer computes the payoff lines only, so the last line compares it with the engine computing the same
    // (StressEngine.Payoffs); the line before compares it with the full run, which also fills the fan charts, the
    // yearly cash flow, payback and IRR.
    private static int ReportPeer(StressResult engine, NumpyPeer.Report numpy, int paths, int threads, int repeats, double pathMonths,
        BestTime full, BestTime payoffs, double? baselineSeconds)
    {
        foreach (var line in new[] { PayoffLine.Operating, PayoffLine.Stakes, PayoffLine.Total })
        {
            var e = engine.Payoff[line];
            var p = numpy.Lines[line];
            Console.WriteLine(Invariant($"{line.ToString().ToLowerInvariant()}: engine mean {e.MeanUsd / 1e9:F3} ± {e.StandardErrorUsd / 1e9:F3}, P5 {e.P5Usd / 1e9:F3}, P50 {e.P50Usd / 1e9:F3}, P95 {e.P95Usd / 1e9:F3} $B, P(loss) {e.ProbabilityOfLoss:P2}; numpy mean {p.Mean / 1e9:F3} ± {p.StandardError / 1e9:F3}, P5 {p.P5.Value / 1e9:F3}, P50 {p.P50.Value / 1e9:F3}, P95 {p.P95.Value / 1e9:F3} $B, P(loss) {p.ProbabilityOfLoss:P2}"));
        }
        var disagreements = NumpyPeer.Disagreements(engine, numpy);
        Console.WriteLine(disagreements.Count == 0
            ? "agreement: means within 4 standard errors, P5/P50/P95 within the order-statistic bounds, P(loss) within 4 standard errors, on every line"
            : "DISAGREEMENT: " + string.Join("; ", disagreements));
        Console.WriteLine(Invariant($"numpy peer (numpy {numpy.NumpyVersion}, {threads} worker process(es), BLAS at 1 thread each, blocks of {numpy.Block:N0} paths{(repeats > 1 ? $", best of {repeats}" : "")}): {numpy.WallSeconds:F2} s wall, {numpy.CpuSeconds:F2} s CPU = {numpy.CpuSeconds * 1e9 / pathMonths:F1} ns per path-month"));
        Console.WriteLine(Invariant($"engine, full run: {full.Wall:F2} s wall, {full.Cpu:F2} s CPU = {full.Cpu * 1e9 / pathMonths:F1} ns per path-month; {paths:N0} paths"));
        Console.WriteLine(Invariant($"engine, payoffs only (what the peer computes): {payoffs.Wall:F2} s wall, {payoffs.Cpu:F2} s CPU = {payoffs.Cpu * 1e9 / pathMonths:F1} ns per path-month"));
        if (baselineSeconds is { } naive)
        {
            Console.WriteLine(Invariant($"ratio baseline/engine (wall, secondary): {naive / full.Wall:F1}"));
        }
        Console.WriteLine(Invariant($"load average at end: {LoadAverage()}"));
        Console.WriteLine(Invariant($"ratio numpy/engine, full run with fan charts, cash flow, payback and IRR (CPU): {numpy.CpuSeconds / full.Cpu:F1}"));
        Console.WriteLine(Invariant($"ratio numpy/engine, payoffs only (wall): {numpy.WallSeconds / payoffs.Wall:F1}"));
        Console.WriteLine(Invariant($"ratio numpy/engine (CPU): {numpy.CpuSeconds / payoffs.Cpu:F1}"));
        return disagreements.Count == 0 ? 0 : 1;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    // The draws the engine makes on every path: per month one sector normal and one strength normal
    // per rival with strength noise; per path one exponential default clock per tenant with a hazard.
    // Regime switches and drift events add a few exponentials per path; they are left out, so the floor is if anything low.
    private static (int Normals, int Exponentials) DrawsPerPath(Book book)
    {
        var groupSizes = book.Tenants.Where(t => t.RivalryGroup is not null).GroupBy(t => t.RivalryGroup).ToDictionary(g => g.Key!, g => g.Count());
        var rivals = book.Tenants.Count(t => t.RivalryGroup is not null && groupSizes[t.RivalryGroup] > 1 && t.Risk.StrengthVolatility > 0);
        var clocks = book.Tenants.Count(t => t.Risk.DefaultHazardBoom.Fraction > 0 || t.Risk.DefaultHazardCooling.Fraction > 0);
        return (1 + rivals, clocks);
    }

    // The generator alone: the same number of normal and exponential draws per path as the engine,
    // from per-path streams, summed so the work cannot be optimised away; parallel like the engine.
    private static double RandomFloor(ulong seed, int paths, int months, int normals, int exponentials, int threads)
    {
        const int chunk = 16_384;
        var chunks = (paths + chunk - 1) / chunk;
        var sums = new double[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var sum = 0.0;
            // The engine draws each stream's normals in whole blocks of 16, months rounded up.
            var block = new double[(months + 15) / 16 * 16];
            for (var path = c * chunk; path < Math.Min(paths, (c + 1) * chunk); path++)
            {
                var random = new CounterRandom(seed, path, 1);
                for (var i = 0; i < exponentials; i++)
                {
                    sum += random.NextExponential();
                }
                for (var stream = 0; stream < normals; stream++)
                {
                    CounterRandom.FillNormals(seed, path, (ulong)stream + 2, block);
                    // Four running sums, not one: a single chain of adds would time the adder's latency, not the generator.
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    var t = 0;
                    for (; t + 4 <= months; t += 4)
                    {
                        s0 += block[t];
                        s1 += block[t + 1];
                        s2 += block[t + 2];
                        s3 += block[t + 3];
                    }
                    for (; t < months; t++)
                    {
                        s0 += block[t];
                    }
                    sum += (s0 + s1) + (s2 + s3);
                }
            }
            sums[c] = sum;
        });
        return sums.Sum();
    }

    // The best wall and CPU time of an action over the repeats: other processes only ever slow a run down.
    private sealed class BestTime
    {
        public double Wall { get; private set; } = double.MaxValue;

        public double Cpu { get; private set; } = double.MaxValue;

        public void Measure(Action action)
        {
            var cpu = ProcessorSeconds();
            var clock = Stopwatch.StartNew();
            action();
            Wall = Math.Min(Wall, clock.Elapsed.TotalSeconds);
            Cpu = Math.Min(Cpu, ProcessorSeconds() - cpu);
        }
    }

    private static double ProcessorSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static double PayoffSummary95(double standardError) => 1.96 * standardError;

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1].Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
