namespace Quartermaster.Watch;

/// <summary>A lab's dependence on the providers it deals with: its clouds (suppliers) and its backers (investors).</summary>
/// <param name="Lab">The lab.</param>
/// <param name="Providers">One share per provider, largest GW first, then largest dollars, then by name.</param>
/// <param name="Gw">Concentration of GW across providers.</param>
/// <param name="Usd">Concentration of dollars (equity included) across providers.</param>
/// <param name="Clouds">Providers with at least one supply deal with the lab, by name.</param>
/// <param name="Backers">Providers with at least one equity deal with the lab, by name.</param>
public sealed record LabExposure(
    string Lab,
    IReadOnlyList<ExposureShare> Providers,
    Concentration Gw,
    Concentration Usd,
    IReadOnlyList<string> Clouds,
    IReadOnlyList<string> Backers);
