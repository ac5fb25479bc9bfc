namespace Quartermaster.Cli;

/// <summary>The exit codes every verb shares.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>Ran fine and found something: an audit failed, an alert fired.</summary>
    public const int Findings = 1;

    /// <summary>Bad input or usage: a book with errors, an unknown option.</summary>
    public const int BadInput = 2;
}
