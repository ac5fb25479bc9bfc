namespace Quartermaster.Watch;

/// <summary>A provider that supplies two or more labs of one rivalry group: it sells to competing sides.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Group">The rivalry group's id.</param>
/// <param name="Labs">The labs of the group the provider supplies, by name.</param>
public sealed record RivalSupplier(string Provider, string Group, IReadOnlyList<string> Labs);
