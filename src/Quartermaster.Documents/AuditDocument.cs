using System.Text.Json.Serialization;
using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Documents;

/// <summary><c>qm audit BOOK --json</c>: the neutrality audit of the plan under a policy.</summary>
/// <param name="Policy">The policy audited.</param>
/// <param name="Passed">True when every check passed.</param>
/// <param name="Checks">Identity blindness, then spread, each with every finding.</param>
/// <param name="CostOfNeutrality">Revenue per tenant under the policy and under revenue-max, by tenant id; information, not a check.</param>
/// <param name="CostOfNeutralityUsd">Revenue given up across tenants by following the policy rather than revenue-max, US dollars (negative: gained).</param>
public sealed record AuditDocument(
    AllocationPolicy Policy,
    bool Passed,
    IReadOnlyList<AuditCheck> Checks,
    IReadOnlyList<TenantRevenue> CostOfNeutrality,
    double CostOfNeutralityUsd) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="report"/>.</summary>
    public static AuditDocument Of(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new AuditDocument(report.Policy, report.Passed, report.Checks, report.CostOfNeutrality, report.CostOfNeutralityUsd);
    }
}
