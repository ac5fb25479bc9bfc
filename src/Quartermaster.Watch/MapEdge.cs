namespace Quartermaster.Watch;

/// <summary>All deals between one provider and one lab, as one weighted edge of the market map.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Lab">The lab.</param>
/// <param name="Gw">GW of supply deals.</param>
/// <param name="SupplyUsd">Dollars of supply deals (everything but equity).</param>
/// <param name="EquityUsd">Dollars of equity deals.</param>
/// <param name="Supplies">True when at least one deal is a supply deal.</param>
/// <param name="Invests">True when at least one deal is equity.</param>
/// <param name="Kinds">The kinds of the deals, each once, in enum order.</param>
/// <param name="DealIds">The deals, in file order.</param>
public sealed record MapEdge(
    string Provider,
    string Lab,
    double Gw,
    double SupplyUsd,
    double EquityUsd,
    bool Supplies,
    bool Invests,
    IReadOnlyList<DealKind> Kinds,
    IReadOnlyList<string> DealIds)
{
    /// <summary>
    /// True when the provider both supplies the lab and holds equity in it: it is paid twice if the lab wins
    /// (contract revenue and the stake) and loses twice if it does not.
    /// </summary>
    public bool PaidTwice => Supplies && Invests;

    /// <summary>All dollars on the edge, equity included.</summary>
    public double Usd => SupplyUsd + EquityUsd;
}
