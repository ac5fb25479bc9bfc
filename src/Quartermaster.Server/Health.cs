namespace Quartermaster.Server;

/// <summary>The answer of <c>/healthz</c>.</summary>
/// <param name="Status"><c>ok</c>.</param>
/// <param name="SchemaVersion">The database's schema version.</param>
public sealed record Health(string Status, int SchemaVersion);
