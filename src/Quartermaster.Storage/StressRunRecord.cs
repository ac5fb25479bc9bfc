namespace Quartermaster.Storage;

/// <summary>The states of a background stress run.</summary>
public enum StressRunStatus
{
    /// <summary>Accepted, not started.</summary>
    Queued,
    /// <summary>Running; progress is between 0 and 1.</summary>
    Running,
    /// <summary>Finished; the result is stored.</summary>
    Succeeded,
    /// <summary>Stopped by an error; the error is stored.</summary>
    Failed,
    /// <summary>Cancelled on request.</summary>
    Cancelled,
}

/// <summary>A stress run as stored.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="BookId">The book stressed.</param>
/// <param name="BookVersion">The version stressed.</param>
/// <param name="Status">Current state.</param>
/// <param name="Progress">Fraction done, 0 to 1.</param>
/// <param name="ResultJson">The result as JSON once succeeded, else null.</param>
/// <param name="Error">The error once failed, else null.</param>
/// <param name="CreatedAt">When it was started (UTC).</param>
public sealed record StressRunRecord(
    string RunId, string BookId, int BookVersion, StressRunStatus Status, double Progress,
    string? ResultJson, string? Error, DateTimeOffset CreatedAt);
