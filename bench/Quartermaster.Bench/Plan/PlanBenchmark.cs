using System.Diagnostics;
using System.Globalization;
using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Bench;

/// <summary>
/// <c>qm bench plan --size S|M|L|XL</c>: plans one synthetic book with the production planner
/// (<see cref="FlowPlanner"/>) and the GLOP reference (<see cref="LpReferencePlanner"/>), checks they give the
/// same fill ratios, and prints times, peak memory, re-plan times and the ratio of the two.
/// </summary>
public static class PlanBenchmark
{
    /// <summary>Runs the benchmark; returns 0, 1 when the planners disagree, 2 on bad arguments.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var size = "S";
        ulong seed = 1;
        int? referenceMonths = null;
        var dedicatedHall = 0.0;
        var policy = AllocationPolicy.MaxMin;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size" when i + 1 < args.Length:
                    size = args[++i];
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = ulong.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--policy" when i + 1 < args.Length && AllocationPolicyNames.TryParse(args[i + 1], out policy):
                    i++;
                    break;
                case "--dedicated-hall" when i + 1 < args.Length:
                    dedicatedHall = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--reference-months" when i + 1 < args.Length:
                    referenceMonths = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: qm bench plan [--size S|M|L|XL] [--seed N] [--policy max-min|pro-rata|weighted|revenue-max|favour-stakes] [--reference-months N] [--dedicated-hall FRACTION]");
                    return 2;
            }
        }
        (int Sites, int Contracts, int Months) shape;
        try
        {
            shape = PlanBookSizes.Size(size);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var book = PlanBookSizes.Generate(shape.Sites, shape.Contracts, shape.Months, seed, dedicatedHall: dedicatedHall);
        var pools = book.Sites.Sum(s => s.ChipPools.Count);
        Console.WriteLine($"book: {book.Id} seed {seed}: {shape.Sites} sites ({pools} chip pools), {shape.Contracts} contracts, {book.Tenants.Count} tenants, {shape.Months} months; committed/online over the horizon 1.3; {book.Contracts.Count(c => c.Isolation == Isolation.DedicatedHall)} dedicated-hall contracts");
        Console.WriteLine($"policy: {policy.ToName()}; cores: {Environment.ProcessorCount}");

        // Production: first run (with JIT), then the best of five warm runs, each with a fresh planner. CPU time
        // (all threads) is printed too: on a shared machine it moves less than wall time.
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var plan = new FlowPlanner().Allocate(book, policy);
        var cold = clock.Elapsed.TotalSeconds;
        var warm = double.MaxValue;
        var warmCpu = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            Settle();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            clock.Restart();
            plan = new FlowPlanner().Allocate(book, policy);
            warm = Math.Min(warm, clock.Elapsed.TotalSeconds);
            process.Refresh();
            warmCpu = Math.Min(warmCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        var managed = GC.GetTotalMemory(false);
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var shortMonths = plan.Fills.Where(f => f.FillRatio < 1 - 1e-9).Select(f => f.Month).Distinct().Count();
        Console.WriteLine($"production (parametric max-flow): {warm:F3} s warm (best of 5; CPU {warmCpu:F3} s), {cold:F3} s first run with JIT; {plan.Shortfalls.Count} short contract-months in {shortMonths} months");
        Console.WriteLine($"months placed hall by hall (a dedicated-hall contract and a rival both get MW): {plan.HallAllocations.Select(h => h.Month).Distinct().Count()}");
        Console.WriteLine($"rows: {plan.Allocations.Count} allocations, {plan.Fills.Count} fills, {plan.Idle.Count} site-months, {plan.Shortfalls.Sum(s => s.SaturatedPools.Count)} shortfall pool refs");
        Console.WriteLine($"memory after production: managed heap {managed / 1e6:F0} MB, peak working set {peak / 1e6:F0} MB");
        // Counterfactuals are not part of planning (the stress path never asks for them); qm plan and the report add them.
        Settle();
        clock.Restart();
        var explained = ShortfallCounterfactuals.Explain(book, plan);
        Console.WriteLine($"counterfactuals (qm plan, report; not the stress path): {clock.Elapsed.TotalSeconds:F3} s for {explained.Shortfalls.Count} short contract-months, {explained.Shortfalls.Count(s => s.Counterfactual is not null)} with one");

        Replan(book, policy, "one contract's commitment changed in its last 12 months", c => c with { Ramp = ValueList.Of([.. c.Ramp, new MwStep(c.End.Plus(-11), Math.Round(c.Ramp[^1].Mw * 0.8, 1))]) });
        Replan(book, policy, "one contract's commitment changed over its whole term", c => c with { Ramp = c.Ramp.Select(s => s with { Mw = Math.Round(s.Mw * 0.9, 1) }).ToValueList() });

        Settle();
        clock.Restart();
        var audit = NeutralityAudit.Run(book, policy);
        Console.WriteLine($"audit ({policy.ToName()}: identity blindness, spread, cost of neutrality): {clock.Elapsed.TotalSeconds:F3} s, {(audit.Passed ? "passed" : "failed")}");

        // Reference: every month up to L; at XL (or with --reference-months) a stated sample of evenly spaced months, projected to the horizon.
        var sampleCount = Math.Min(shape.Months, referenceMonths ?? (string.Equals(size, "XL", StringComparison.OrdinalIgnoreCase) ? 12 : shape.Months));
        var all = book.Horizon.Months().ToArray();
        var sample = Enumerable.Range(0, sampleCount).Select(k => all[(int)((k + 0.5) * all.Length / sampleCount)]).Distinct().ToArray();
        Settle();
        process.Refresh();
        var referenceCpuStart = process.TotalProcessorTime;
        clock.Restart();
        var reference = new LpReferencePlanner { Months = sample }.Allocate(book, policy);
        var referenceSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var referenceCpu = (process.TotalProcessorTime - referenceCpuStart).TotalSeconds;
        var projected = referenceSeconds * all.Length / sample.Length;
        var production = plan.Fills.Where(f => sample.Contains(f.Month)).ToDictionary(f => (f.Month, f.ContractId), f => f.FillRatio);
        var difference = reference.Fills.Max(f => Math.Abs(f.FillRatio - production[(f.Month, f.ContractId)]));
        Console.WriteLine(sample.Length == all.Length
            ? $"reference (GLOP LP progressive filling): {referenceSeconds:F3} s for all {all.Length} months"
            : $"reference (GLOP LP progressive filling): {referenceSeconds:F3} s for {sample.Length} of {all.Length} months ({string.Join(", ", sample)}), projected {projected:F1} s for the horizon");
        Console.WriteLine($"agreement: max |fill ratio difference| over {reference.Fills.Count} contract-months: {difference:E2} (must be <= 1e-6)");
        Console.WriteLine($"ratio by CPU time: {referenceCpu * all.Length / sample.Length / warmCpu:F1}");
        Console.WriteLine($"ratio reference/production: {projected / warm:F1}");
        return difference <= 1e-6 ? 0 : 1;
    }

    // Collect the previous run's garbage so a timed run does not pay for it.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Replan(Book book, AllocationPolicy policy, string change, Func<Contract, Contract> edit)
    {
        var target = book.Contracts.OrderBy(c => c.Id, StringComparer.Ordinal).First();
        var changed = book with { Contracts = book.Contracts.Select(c => c.Id == target.Id ? edit(c) : c).ToValueList() };
        var planner = new FlowPlanner();
        planner.Allocate(book, policy);
        Settle();
        var clock = Stopwatch.StartNew();
        planner.Allocate(changed, policy);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"re-plan, {change} ({target.Id}): {seconds:F3} s, {planner.MonthsReused} of {book.Horizon.MonthCount} months' fair shares and {planner.MonthsReusedWhole} months' placements reused");
    }
}
