namespace Quartermaster.Watch;

/// <summary>One counterparty's part of a provider's (or a lab's) deals.</summary>
/// <param name="Name">The lab (in a provider's exposure) or the provider (in a lab's).</param>
/// <param name="Gw">GW of supply deals between the two.</param>
/// <param name="GwShare">Share of the total GW, or null when the total is 0.</param>
/// <param name="Usd">Dollars of all deals between the two, equity included.</param>
/// <param name="UsdShare">Share of the total dollars, or null when the total is 0.</param>
/// <param name="EquityUsd">The equity part of <paramref name="Usd"/>.</param>
/// <param name="Supplies">True when at least one deal between the two is a supply deal (not equity).</param>
/// <param name="Invests">True when at least one deal between the two is equity.</param>
/// <param name="DealIds">The deals between the two, in file order.</param>
public sealed record ExposureShare(
    string Name,
    double Gw,
    double? GwShare,
    double Usd,
    double? UsdShare,
    double EquityUsd,
    bool Supplies,
    bool Invests,
    IReadOnlyList<string> DealIds);
