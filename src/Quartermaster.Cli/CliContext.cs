using Spectre.Console;

namespace Quartermaster.Cli;

/// <summary>
/// Where a command writes and what time it is. <see cref="Out"/> is stdout: data only (tables, JSON, keys),
/// so <c>qm stress --json &gt; out.json</c> stays clean. <see cref="Error"/> is stderr: progress, notes and errors.
/// Tests pass Spectre's <c>TestConsole</c> for both and a fake clock.
/// </summary>
/// <param name="Out">Stdout, for data.</param>
/// <param name="Error">Stderr, for progress, notes and errors; a live progress display when it is interactive with ANSI support.</param>
/// <param name="Time">The clock of progress displays (elapsed time, ETA, how often plain progress lines are printed).</param>
internal sealed record CliContext(IAnsiConsole Out, IAnsiConsole Error, TimeProvider Time)
{
    /// <summary>Stdout as plain text: JSON and lines that must not be wrapped at the console width.</summary>
    public TextWriter Stdout => Out.Profile.Out.Writer;

    /// <summary>Stderr as plain text: errors and notes, one line each, never wrapped.</summary>
    public TextWriter Stderr => Error.Profile.Out.Writer;

    /// <summary>Whether progress can be drawn as a live display (a terminal that understands ANSI) rather than as plain lines.</summary>
    public bool LiveProgress => Error.Profile.Capabilities.Interactive && Error.Profile.Capabilities.Ansi;

    /// <summary>The process's own stdout and stderr (honouring <c>NO_COLOR</c>) and the system clock.</summary>
    public static CliContext ForProcess()
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = InteractionSupport.No,
        });
        if (Console.IsOutputRedirected)
        {
            // Tables written to a file or pipe would otherwise wrap at 80 columns.
            output.Profile.Width = 160;
        }
        var error = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            // No live display (and no spinner) when stderr is a file or a pipe: plain progress lines instead.
            Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Yes,
        });
        return new CliContext(output, error, TimeProvider.System);
    }
}
