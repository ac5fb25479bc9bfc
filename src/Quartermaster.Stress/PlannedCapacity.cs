using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>Turns a plan into the capacity each contract can use in the stress model.</summary>
public static class PlannedCapacity
{
    /// <summary>
    /// The stress input whose allocated MW per contract and horizon month are the plan's: the stress
    /// engine then asks what that capacity earns across futures.
    /// </summary>
    public static StressInput ToStressInput(Book book, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        var allocated = plan.Fills.ToDictionary(f => (f.ContractId, f.Month), f => f.AllocatedMw);
        return StressInput.FromRule(book, (contract, month) => allocated.GetValueOrDefault((contract.Id, month)));
    }
}
