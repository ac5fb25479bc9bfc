namespace Quartermaster.Core;

/// <summary>An equity stake the provider holds in a tenant.</summary>
/// <param name="Id">Unique id in the book.</param>
/// <param name="Tenant">Id of the tenant invested in.</param>
/// <param name="AmountUsd">Dollars invested (counted against the payoff).</param>
/// <param name="OwnershipFraction">Fraction of the tenant owned (0 to 1).</param>
/// <param name="ValuationUsd">valuation_0: the tenant's valuation when the stake was taken.</param>
/// <param name="Beta">beta: elasticity of the valuation to the tenant's demand index.</param>
/// <param name="Date">Month of the investment, when known.</param>
public sealed record Investment(
    string Id,
    string Tenant,
    double AmountUsd,
    double OwnershipFraction,
    double ValuationUsd,
    double Beta,
    Month? Date);
