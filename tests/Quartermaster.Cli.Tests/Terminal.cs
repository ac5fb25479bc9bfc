using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// Runs <c>qm</c> in the test's own process, as <c>Program.Main</c> runs it, on Spectre test consoles for stdout
/// and stderr and a fake clock: what a person would see, without starting a process. By default stderr is not
/// interactive (a log); <see cref="Interactive"/> gives it a terminal with live progress.
/// </summary>
internal sealed class Terminal
{
    /// <summary>How long one run may take before the test fails (a run is also cancelled then).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public TestConsole Out { get; } = new TestConsole().Width(200);

    public TestConsole Error { get; } = new TestConsole().Width(200);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A terminal whose stderr is interactive and understands ANSI, so long work shows a live progress bar.</summary>
    public static Terminal Interactive()
    {
        var terminal = new Terminal();
        terminal.Error.Interactive();
        return terminal;
    }

    /// <summary>Runs <c>qm</c> with <paramref name="args"/> on a new terminal.</summary>
    public static Qm.Outcome Run(params string[] args) => new Terminal().Invoke(args);

    /// <summary>Runs <c>qm</c> with <paramref name="args"/> on this terminal; fails the test when it takes longer than <see cref="Deadline"/>.</summary>
    public Qm.Outcome Invoke(params string[] args)
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var context = new CliContext(Out, Error, Time);
        var run = Task.Run(() => Program.RunAsync(args, context, cancel: cancel.Token));
        if (!run.Wait(Deadline + TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"qm {string.Join(' ', args)} did not finish within {Deadline.TotalMinutes} minutes");
        }
        return new Qm.Outcome(run.Result, Out.Output, Error.Output);
    }

    /// <summary>
    /// Starts <c>qm</c> with <paramref name="args"/> on this terminal until <paramref name="stop"/> (as Ctrl+C would)
    /// or <see cref="Deadline"/>; read the consoles only once the task is done.
    /// </summary>
    public async Task<Qm.Outcome> StartAsync(string[] args, CancellationToken stop)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        cancel.CancelAfter(Deadline);
        var context = new CliContext(Out, Error, Time);
        var exitCode = await Task.Run(() => Program.RunAsync(args, context, cancel: cancel.Token)).WaitAsync(Deadline + TimeSpan.FromSeconds(30), CancellationToken.None);
        return new Qm.Outcome(exitCode, Out.Output, Error.Output);
    }
}
