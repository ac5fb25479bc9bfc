namespace Quartermaster.Core;

/// <summary>A customer of the provider, usually an AI lab.</summary>
/// <param name="Id">Unique id in the book.</param>
/// <param name="Name">A human name for reports.</param>
/// <param name="RivalryGroup">Id of the rivalry group the tenant competes in, or null when it competes with nobody here.</param>
/// <param name="Risk">The tenant's settings in the stress model.</param>
public sealed record Tenant(string Id, string Name, string? RivalryGroup, TenantRisk Risk);

/// <summary>
/// How a tenant behaves in the stress model (see docs/stress-model.md). Every field has a default,
/// so a book only states what it knows.
/// </summary>
/// <param name="InitialShareFraction">
/// w_k0: share of its rivalry group's demand at the start; null means an equal share. 0 means none: the tenant
/// never leads its group and its demand follows the sector alone (w/w_0 is taken as 1).
/// </param>
/// <param name="StrengthVolatility">s_k: monthly standard deviation of the lab-strength random walk (dimensionless).</param>
/// <param name="DriftHazard">h_k: chance per period that the tenant moves part of its demand to another provider.</param>
/// <param name="DriftFraction">phi_k: fraction of remaining demand moved at each drift event.</param>
/// <param name="DefaultHazardBoom">lambda_k,boom: chance of default while the sector booms.</param>
/// <param name="DefaultHazardCooling">lambda_k,cooling: chance of default while the sector cools.</param>
/// <param name="RecoveryFraction">R: fraction of the remaining take-or-pay recovered after a default.</param>
/// <param name="DemandFraction">base_k as a fraction of the tenant's committed MW: its demand when S = 1.</param>
public sealed record TenantRisk(
    double? InitialShareFraction,
    double StrengthVolatility,
    Rate DriftHazard,
    double DriftFraction,
    Rate DefaultHazardBoom,
    Rate DefaultHazardCooling,
    double RecoveryFraction,
    double DemandFraction)
{
    /// <summary>The defaults: modest lab-strength noise, rare drift and defaults, 40% recovery, demand equal to commitment.</summary>
    public static TenantRisk Default { get; } = new(
        InitialShareFraction: null,
        StrengthVolatility: 0.05,
        DriftHazard: Rate.PerYear(0.05),
        DriftFraction: 0.10,
        DefaultHazardBoom: Rate.PerYear(0.01),
        DefaultHazardCooling: Rate.PerYear(0.05),
        RecoveryFraction: 0.40,
        DemandFraction: 1.0);
}
