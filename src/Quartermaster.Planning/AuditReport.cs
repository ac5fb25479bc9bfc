namespace Quartermaster.Planning;

/// <summary>The neutrality audit of a book under a policy: its checks and the cost of neutrality per tenant.</summary>
/// <param name="Policy">The policy audited.</param>
/// <param name="Checks">Identity blindness, then spread.</param>
/// <param name="CostOfNeutrality">Revenue per tenant under the policy and under revenue-max, by tenant id; information, not a check.</param>
public sealed record AuditReport(AllocationPolicy Policy, ValueList<AuditCheck> Checks, ValueList<TenantRevenue> CostOfNeutrality)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>Total revenue given up across tenants by following the policy rather than revenue-max, US dollars.</summary>
    public double CostOfNeutralityUsd => CostOfNeutrality.Sum(t => t.CostUsd);
}
