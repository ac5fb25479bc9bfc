namespace Quartermaster.Watch;

/// <summary>A company on the market map.</summary>
/// <param name="Name">The company as spelled in the deals file.</param>
/// <param name="IsProvider">True when it supplies compute, chips or money in some deal.</param>
/// <param name="IsLab">True when it is the counterparty of some deal.</param>
/// <param name="SuppliesRivals">True for a provider that supplies two or more labs of one rivalry group.</param>
public sealed record MapNode(string Name, bool IsProvider, bool IsLab, bool SuppliesRivals);
