namespace Quartermaster.Stress;

/// <summary>The operating book's costs and residual value, the same on every path, discounted to the start of the horizon (USD).</summary>
/// <param name="FacilityCapexUsd">Shell, power and cooling, bought as capacity comes online.</param>
/// <param name="ItCapexUsd">IT equipment, bought as capacity comes online and again at each refresh.</param>
/// <param name="OpexUsd">Operating costs of online capacity.</param>
/// <param name="ResidualValueUsd">
/// Book value at the horizon's last month of the facility (straight-line over its life) and of the IT equipment
/// (straight-line over its refresh cycle), discounted from that month; the operating line counts it, the cash flow does not.
/// </param>
public sealed record OperatingCosts(double FacilityCapexUsd, double ItCapexUsd, double OpexUsd, double ResidualValueUsd);
