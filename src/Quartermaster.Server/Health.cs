namespace Quartermaster.Server;

/// <summary>The answer of <c>/healthz</c> and <c>/readyz</c>.</summary>
/// <param name="Status"><c>ok</c> (alive: the database pool answers) or <c>ready</c> (the deeper check passed).</param>
/// <param name="SchemaVersion">The database's schema version: the one the server migrated to when it started.</param>
public sealed record Health(string Status, int SchemaVersion);
