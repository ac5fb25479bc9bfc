namespace Quartermaster.Stress;

/// <summary>One term of the stress model as a person reads it.</summary>
/// <param name="Key">The book key or output name, such as <c>boom_to_cooling</c> or <c>var95</c>.</param>
/// <param name="Label">A short human label, such as "Chance a boom turns to cooling".</param>
/// <param name="Definition">One sentence saying what it is.</param>
public sealed record GlossaryEntry(string Key, string Label, string Definition);
