using BenchmarkDotNet.Running;

namespace Quartermaster.Bench;

/// <summary>
/// Entry point of <c>qm bench</c> (the <c>./qm</c> script forwards <c>bench</c> here).
/// <c>plan</c> and <c>stress</c> time the production engine against its reference in the same run
/// and print the ratio; <c>micro</c> hands the rest of the arguments to BenchmarkDotNet.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: qm bench plan [--size S|M|L|XL]   production planner vs the LP reference
               qm bench stress [--paths N] [--peer numpy]  stress engine vs the naive baseline or numpy
               qm bench store [--repeat N]       plan save on PostgreSQL vs SQLite
               qm bench quote [--repeat R]       deal desk: example (in process, API) and size L
               qm bench micro [BenchmarkDotNet options]
        qm bench VERB --help explains a verb.
        """;

    private const string PlanUsage = """
        usage: qm bench plan [--size S|M|L|XL] [--seed N] [--policy max-min|pro-rata|weighted|revenue-max|favour-stakes] [--reference-months N]

        Plans one synthetic book (qm gen sizes S, M, L, XL) with the production max-flow planner and the
        OR-Tools GLOP reference, checks they give the same fill ratios, and prints times, peak memory,
        re-plan times and the ratio of the two. --reference-months limits the (slow) reference to the first N months.
        Exit code 0, 1 when the planners disagree, 2 on bad arguments.
        """;

    private const string StressUsage = """
        usage: qm bench stress [--paths N] [--baseline-paths M] [--threads K] [--repeat R]
                               [--peer numpy [--python PATH] [--peer-block B] [--peer-files DIR]] [--book FILE]

        Times the stress engine on the benchmark book (10 tenants, 120 months, N paths, default 1,000,000), a full run
        and a run of payoffs only, the random-number floor on the same threads, and the naive baseline on M paths (default 20,000)
        projected to N. With R repeats they take turns R times (the numpy peer too) and the best time of each counts. Threads default to every core.
        The last line is 'ratio baseline/engine: R'.
        --peer numpy also runs bench/peers/stress_numpy.py (needs numpy and PyYAML for PATH, default
        /usr/bin/python3) on the same book, planned capacity, paths and K worker processes, checks that
        payoff means, P5, P50, P95 and P(loss) agree within Monte Carlo error (exit code 1 otherwise) and
        ends with 'ratio numpy/engine (CPU): R', R comparing the peer with the engine computing what the peer computes
        (the payoff lines: StressEngine.Payoffs); a line above compares it with the full run, which also fills the
        fan charts, cash flow, payback and IRR. --peer-files keeps its input files in DIR.
        --book FILE stresses that book (planned max-min) instead.
        """;

    private const string StoreUsage = """
        usage: qm bench store [--repeat N]

        Saves the example book's plan (its fill and allocation rows) N times (default 15) on SQLite and on
        PostgreSQL (the test run's cluster, started if needed; PostgreSQL must be installed, as ./test does)
        and prints the median of each. The last line is 'ratio PostgreSQL/SQLite: R'.
        """;

    private const string QuoteUsage = """
        usage: qm bench quote [--repeat R] [--paths N]

        Quotes examples/proposal-lab-a-gb300.yaml on the example book with the default paths, warm, in process and
        through POST /api/v1/books/{id}/quotes on a loopback server (SQLite), then a one-contract proposal on a qm gen
        book of size L with N paths (default 20,000), and splits the L quote into plan, headroom, audit and stress.
        The best of R runs (default 5) counts. Targets: under 1 s through the API, under 5 s on L.
        """;

    public static int Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "--help";
        var rest = args.Skip(1).ToArray();
        // Help is answered before anything runs: a benchmark takes minutes and the whole machine.
        var help = rest.Any(a => a is "--help" or "-h" or "-?");
        switch (verb)
        {
            case "stress" when help:
                Console.Out.WriteLine(StressUsage);
                return 0;
            case "plan" when help:
                Console.Out.WriteLine(PlanUsage);
                return 0;
            case "store" when help:
                Console.Out.WriteLine(StoreUsage);
                return 0;
            case "quote" when help:
                Console.Out.WriteLine(QuoteUsage);
                return 0;
            case "quote": return QuoteBenchmark.RunAsync(rest).GetAwaiter().GetResult();
            case "stress": return StressBenchmark.Run(rest);
            case "store": return Store.PlanSaveBenchmark.Run(rest);
            case "plan": return PlanBenchmark.Run(rest);
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                return 0;
            case "--help" or "-h" or "-?":
                Console.Out.WriteLine(Usage);
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
