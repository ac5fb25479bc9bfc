namespace Quartermaster.Server;

/// <summary>Event ids of the server's log lines: stable, so operators can filter and alert on them.</summary>
public static class ServerEventId
{
    /// <summary>The server opened its database (named without a password) at a schema version.</summary>
    public const int Serving = 1000;

    /// <summary>A book version was stored (import, replace, contract change, seed).</summary>
    public const int BookVersionStored = 1100;

    /// <summary>A plan was made and stored.</summary>
    public const int PlanStored = 1200;

    /// <summary>A stress run started on this instance.</summary>
    public const int StressRunStarted = 1300;

    /// <summary>A stress run ended: succeeded, failed or cancelled, with its duration.</summary>
    public const int StressRunFinished = 1301;

    /// <summary>A stress run's engine threw; the exception is attached.</summary>
    public const int StressRunFailed = 1302;

    /// <summary>This instance took over a stress run whose coordinator's lease lapsed (that instance died).</summary>
    public const int StressRunTakenOver = 1303;

    /// <summary>Looking for runs to take over failed for a moment (the database did not answer); retried at the next tick.</summary>
    public const int StressRunAdoptionFailed = 1304;

    /// <summary>Another instance took over a run this one was running (this one had not renewed its lease in time): this copy stops.</summary>
    public const int StressRunLeaseLost = 1305;

    /// <summary>A running stress run's progress or lease could not be stored (the database did not answer); retried at the next tick.</summary>
    public const int StressRunProgressNotSaved = 1306;

    /// <summary>The start-up warm-up of the stress path ended: its rounds, the methods compiled and its duration.</summary>
    public const int WarmedUp = 1310;

    /// <summary>The start-up warm-up threw; the server serves anyway, its first stress run colder.</summary>
    public const int WarmUpFailed = 1311;

    /// <summary>A well-formed key was refused (unknown or revoked); named by its public id only.</summary>
    public const int KeyRefused = 1400;
}

/// <summary>
/// Every line the server logs, source-generated (no formatting unless the level is on). Lines name keys by
/// their public id and databases by host and name: never a secret, a password or a full connection string.
/// </summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = ServerEventId.Serving, Level = LogLevel.Information,
        Message = "Serving from {Store} at schema version {SchemaVersion}")]
    public static partial void Serving(ILogger logger, string store, int schemaVersion);

    [LoggerMessage(EventId = ServerEventId.BookVersionStored, Level = LogLevel.Information,
        Message = "Book {BookId} version {Version} stored by {Actor}")]
    public static partial void BookVersionStored(ILogger logger, string bookId, int version, string actor);

    [LoggerMessage(EventId = ServerEventId.PlanStored, Level = LogLevel.Information,
        Message = "Plan {PlanId} of book {BookId} version {Version} stored by {Actor} ({Policy}, {Planner}, {Milliseconds} ms)")]
    public static partial void PlanStored(ILogger logger, string planId, string bookId, int version, string actor, string policy, string planner, long milliseconds);

    [LoggerMessage(EventId = ServerEventId.StressRunStarted, Level = LogLevel.Information,
        Message = "Stress run {RunId} of book {BookId} version {Version} started")]
    public static partial void StressRunStarted(ILogger logger, string runId, string bookId, int version);

    [LoggerMessage(EventId = ServerEventId.StressRunFinished, Level = LogLevel.Information,
        Message = "Stress run {RunId} {Status} after {Seconds:F1} s at progress {Progress:P0}")]
    public static partial void StressRunFinished(ILogger logger, string runId, Storage.StressRunStatus status, double seconds, double progress);

    [LoggerMessage(EventId = ServerEventId.StressRunFailed, Level = LogLevel.Error,
        Message = "Stress run {RunId} failed")]
    public static partial void StressRunFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = ServerEventId.StressRunLeaseLost, Level = LogLevel.Warning,
        Message = "Stress run {RunId}: another instance took it over (this one did not renew its lease in time); this copy stops without storing an end")]
    public static partial void StressRunLeaseLost(ILogger logger, string runId);

    [LoggerMessage(EventId = ServerEventId.StressRunProgressNotSaved, Level = LogLevel.Warning,
        Message = "Stress run {RunId}: progress or lease not stored, the database did not answer; trying again at the next tick")]
    public static partial void StressRunProgressNotSaved(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = ServerEventId.WarmedUp, Level = LogLevel.Information,
        Message = "Stress path warmed up: {Rounds} rounds, then {ApiRuns} runs through the API on a throwaway store, {Methods} methods compiled, {Seconds:F1} s")]
    public static partial void WarmedUp(ILogger logger, int rounds, int apiRuns, long methods, double seconds);

    [LoggerMessage(EventId = ServerEventId.WarmUpFailed, Level = LogLevel.Warning,
        Message = "Stress path warm-up failed; serving without it")]
    public static partial void WarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ServerEventId.KeyRefused, Level = LogLevel.Information,
        Message = "Key {KeyId} refused: unknown or revoked")]
    public static partial void KeyRefused(ILogger logger, string keyId);

    [LoggerMessage(EventId = ServerEventId.StressRunTakenOver, Level = LogLevel.Warning,
        Message = "Stress run {RunId} of book {BookId} version {Version} taken over: its coordinator's lease lapsed")]
    public static partial void StressRunTakenOver(ILogger logger, string runId, string bookId, int version);

    [LoggerMessage(EventId = ServerEventId.StressRunAdoptionFailed, Level = LogLevel.Warning,
        Message = "Looking for stress runs to take over failed; trying again")]
    public static partial void StressRunAdoptionFailed(ILogger logger, Exception exception);
}
