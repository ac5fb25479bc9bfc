using System.Diagnostics;

namespace Quartermaster.Cli.Tests;

/// <summary>Runs the real <c>qm</c> program (the built qm.dll) in a child process, as a user would.</summary>
internal static class Qm
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static string Root { get; } = FindRoot();

    public static string Example => Path.Combine(Root, "examples", "neutral-cloud-2026.yaml");

    public static Outcome Run(params string[] args) => RunIn(Root, args);

    /// <summary>Runs qm with <paramref name="workingDirectory"/> as its working directory.</summary>
    public static Outcome RunIn(string workingDirectory, params string[] args) =>
        RunDll(Path.Combine(AppContext.BaseDirectory, "qm.dll"), workingDirectory, TimeSpan.FromMinutes(2), args);

    /// <summary>Runs qm from the repository root with <paramref name="environment"/> set in its environment as well.</summary>
    public static Outcome RunWith(IReadOnlyList<(string Name, string Value)> environment, params string[] args) =>
        RunDll(Path.Combine(AppContext.BaseDirectory, "qm.dll"), Root, TimeSpan.FromMinutes(2), args, environment);

    /// <summary>Runs <c>qm bench</c>: the benchmark program, built next to its project in the tests' configuration.</summary>
    public static Outcome Bench(TimeSpan deadline, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Root, "bench", "Quartermaster.Bench", "bin", configuration, "net10.0", "Quartermaster.Bench.dll");
        return RunDll(dll, Root, deadline, args);
    }

    private static Outcome RunDll(string dll, string workingDirectory, TimeSpan deadline, string[] args, IReadOnlyList<(string Name, string Value)>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', args)} did not finish in {deadline.TotalSeconds:0} s");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quartermaster.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root");
    }
}
