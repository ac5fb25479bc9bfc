namespace Quartermaster.Documents;

/// <summary>All deals between one provider and one lab, as a drawn edge.</summary>
/// <param name="Source">The provider.</param>
/// <param name="Target">The lab.</param>
/// <param name="Gw">GW of supply deals.</param>
/// <param name="SupplyUsd">US dollars of supply deals (everything but equity).</param>
/// <param name="EquityUsd">US dollars of equity deals.</param>
/// <param name="Kind"><c>supply</c>, <c>equity</c>, or <c>both</c>.</param>
/// <param name="PaidTwice">True when the provider both supplies the lab and holds equity in it.</param>
/// <param name="DealIds">Ids of the deals, in file order.</param>
public sealed record MapChartEdge(string Source, string Target, double Gw, double SupplyUsd, double EquityUsd, string Kind, bool PaidTwice, IReadOnlyList<string> DealIds);
