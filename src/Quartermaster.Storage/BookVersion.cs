namespace Quartermaster.Storage;

/// <summary>One stored version of a book: versions count up from 1 and are never overwritten.</summary>
/// <param name="BookId">The book's id.</param>
/// <param name="Version">Version number, 1 for the first import.</param>
/// <param name="Provider">The provider named in that version.</param>
/// <param name="CreatedAt">When the version was stored (UTC).</param>
/// <param name="CreatedBy">The actor (API key id, <c>cli</c> or <c>system</c>) who stored it.</param>
public sealed record BookVersion(string BookId, int Version, string Provider, DateTimeOffset CreatedAt, string CreatedBy);
