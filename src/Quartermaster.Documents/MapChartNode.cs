namespace Quartermaster.Documents;

/// <summary>A company on the drawn market map.</summary>
/// <param name="Name">The company.</param>
/// <param name="Kind"><c>provider</c>, <c>lab</c>, or <c>both</c> when it is on both sides of some deals.</param>
/// <param name="SuppliesRivals">True for a provider that supplies two or more labs of one rivalry group.</param>
/// <param name="Gw">GW of supply deals on its edges.</param>
/// <param name="Usd">US dollars of all deals on its edges, equity included.</param>
public sealed record MapChartNode(string Name, string Kind, bool SuppliesRivals, double Gw, double Usd);
