using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>An equity stake in a tenant.</summary>
/// <param name="Id">Investment id.</param>
/// <param name="Tenant">Tenant invested in.</param>
/// <param name="AmountUsd">Dollars invested.</param>
/// <param name="OwnershipFraction">Fraction owned, 0 to 1.</param>
/// <param name="ValuationUsd">Valuation when the stake was taken.</param>
/// <param name="Beta">Elasticity of valuation to the tenant's demand.</param>
/// <param name="Date">Month of the investment (<c>YYYY-MM</c>), or null.</param>
public sealed record InvestmentView(string Id, string Tenant, double AmountUsd, double OwnershipFraction, double ValuationUsd, double Beta, string? Date)
{
    /// <summary>The view of <paramref name="i"/>.</summary>
    public static InvestmentView Of(Investment i) => new(i.Id, i.Tenant, i.AmountUsd, i.OwnershipFraction, i.ValuationUsd, i.Beta, i.Date?.ToString());
}
