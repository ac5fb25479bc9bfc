namespace Quartermaster.Analysis;

/// <summary>An entity of a book that was added, removed or changed, with the fields that differ (all its fields when added or removed).</summary>
/// <param name="Entity">What it is: <c>book</c>, <c>scenario</c>, <c>site</c>, <c>rivalry-group</c>, <c>tenant</c>, <c>contract</c> or <c>investment</c>.</param>
/// <param name="Id">Its id (the book's id for <c>book</c> and <c>scenario</c>).</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Fields">The fields that differ, in the book's key order.</param>
public sealed record EntityChange(string Entity, string Id, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);
