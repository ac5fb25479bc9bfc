namespace Quartermaster.Analysis;

/// <summary>One field of an entity that differs between two books, each side written as the book writes it (<c>500 MW</c>, <c>$320K/MW-month</c>, <c>8%/yr</c>).</summary>
/// <param name="Field">The field, by its book key: <c>ramp</c>, <c>price</c>, <c>online</c>, <c>discount_rate</c>.</param>
/// <param name="Old">Its value in the old book; null when the entity or the value is absent there.</param>
/// <param name="New">Its value in the new book; null when the entity or the value is absent there.</param>
public sealed record FieldChange(string Field, string? Old, string? New);
