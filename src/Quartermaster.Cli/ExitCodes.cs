namespace Quartermaster.Cli;

/// <summary>The exit codes every verb shares.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>Ran fine and found something: an audit failed, an alert fired, an audit log was tampered with.</summary>
    public const int Findings = 1;

    /// <summary>Bad input, usage or environment: a book with errors, an unknown option, a missing database, a port in use.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl+C (or the caller's cancellation) before it finished.</summary>
    public const int Cancelled = 130;

    /// <summary>A bug in qm (an exception nobody expected); the error names it and asks for a report.</summary>
    public const int InternalError = 70;
}
