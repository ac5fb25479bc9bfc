namespace Quartermaster.Core;

/// <summary>An equity stake the provider holds in a tenant.</summary>
/// <param name="Id">Unique id in the book.</param>
/// <param name="Tenant">Id of the tenant invested in.</param>
/// <param name="AmountUsd">Dollars invested (counted against the payoff).</param>
/// <param name="OwnershipFraction">Fraction of the tenant owned (0 to 1).</param>
/// <param name="ValuationUsd">valuation_0: the tenant's valuation when the stake was taken.</param>
/// <param name="Beta">beta: elasticity of the valuation to the tenant's demand index.</param>
/// <param name="Date">
/// Month the stake is bought: the amount is paid then and the valuation moves with the tenant's index from then.
/// Null means at the start of the horizon (paid undiscounted).
/// </param>
/// <param name="ValuationCapUsd">
/// The most the tenant's valuation can reach at the horizon, in US dollars; the stake is worth at most
/// ownership times this cap.
/// </param>
public sealed record Investment(
    string Id,
    string Tenant,
    double AmountUsd,
    double OwnershipFraction,
    double ValuationUsd,
    double Beta,
    Month? Date,
    double ValuationCapUsd = Investment.DefaultValuationCapUsd)
{
    /// <summary>
    /// The default valuation cap: $5T, about the largest market value any company had reached when it was set
    /// (Nvidia closed at $5.03T on 2025-10-29; see docs/assumptions.md).
    /// </summary>
    public const double DefaultValuationCapUsd = 5e12;
}
