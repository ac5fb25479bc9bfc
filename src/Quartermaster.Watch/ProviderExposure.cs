namespace Quartermaster.Watch;

/// <summary>A provider's exposure to the labs it deals with: its share of capacity and dollars by lab, and how concentrated they are.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Labs">One share per lab, largest GW first, then largest dollars, then by name.</param>
/// <param name="Gw">Concentration of GW across labs.</param>
/// <param name="Usd">Concentration of dollars (equity included) across labs.</param>
public sealed record ProviderExposure(string Provider, IReadOnlyList<ExposureShare> Labs, Concentration Gw, Concentration Usd);
