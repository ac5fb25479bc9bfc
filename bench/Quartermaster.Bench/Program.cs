using BenchmarkDotNet.Running;

namespace Quartermaster.Bench;

/// <summary>
/// Entry point of <c>qm bench</c> (the <c>./qm</c> script forwards <c>bench</c> here).
/// <c>plan</c> and <c>stress</c> time the production engine against its reference in the same run
/// and print the ratio; <c>micro</c> hands the rest of the arguments to BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "--help";
        var rest = args.Skip(1).ToArray();
        switch (verb)
        {
            case "stress": return StressBenchmark.Run(rest);
            case "plan": return PlanBenchmark.Run(rest);
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                return 0;
            default:
                Console.Error.WriteLine("""
                    usage: qm bench plan [--size S|M|L|XL]   production planner vs the LP reference
                           qm bench stress [--paths N]       stress engine vs the naive baseline
                           qm bench micro [BenchmarkDotNet options]
                    """);
                return verb is "--help" or "-h" ? 0 : 2;
        }
    }
}
