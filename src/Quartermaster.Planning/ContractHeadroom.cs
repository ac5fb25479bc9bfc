namespace Quartermaster.Planning;

/// <summary>
/// How much of a proposed contract fits beside the existing contracts without taking MW from any of them:
/// its headroom month by month, the largest uniform fraction of its ramp that fits, and the first month it does not.
/// </summary>
/// <param name="ContractId">The proposed contract.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Months">One row per month of the horizon in which it commits MW, in order.</param>
/// <param name="UniformFraction">
/// The largest alpha in [0, 1] such that alpha times its ramp fits in every month: the least
/// <see cref="HeadroomMonth.Fraction"/> (1 when it commits nothing in the horizon).
/// </param>
/// <param name="FirstMonthShort">The first month its headroom is below its commitment, or null when it fits in full throughout.</param>
public sealed record ContractHeadroom(string ContractId, string TenantId, ValueList<HeadroomMonth> Months, double UniformFraction, Month? FirstMonthShort)
{
    /// <summary>True when some month's figure may overstate the headroom because hall isolation applies (<see cref="HeadroomMonth.IsolationApplies"/>).</summary>
    public bool IsolationApplies => Months.Any(m => m.IsolationApplies);
}
