namespace Quartermaster.Stress;

/// <summary>The operating book's costs, the same on every path, discounted to the start of the horizon (USD).</summary>
/// <param name="FacilityCapexUsd">Shell, power and cooling, bought as capacity comes online.</param>
/// <param name="ItCapexUsd">IT equipment, bought as capacity comes online and again at each refresh.</param>
/// <param name="OpexUsd">Operating costs of online capacity.</param>
public sealed record OperatingCosts(double FacilityCapexUsd, double ItCapexUsd, double OpexUsd);
