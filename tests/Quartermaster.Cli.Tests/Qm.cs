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
    public static Outcome RunIn(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("qm " + string.Join(' ', args) + " did not finish in 2 minutes");
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
