using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>Turns a contract sent as JSON (the shape of <see cref="ContractView"/>) into a <see cref="Contract"/>.</summary>
internal static class ContractInput
{
    /// <summary>The contract, or null when a field is missing or malformed; the route's id wins over the body's.</summary>
    public static Contract? ToContract(ContractView view, string contractId)
    {
        if (view.Tenant is null || view.Chips is null || view.Regions is null || view.Ramp is null
            || !Month.TryParse(view.Start, out var start) || !Month.TryParse(view.End, out var end)
            || view.Isolation is not ("shared" or "dedicated-hall")
            || (view.Id is not null && view.Id != contractId))
        {
            return null;
        }
        var ramp = new List<MwStep>();
        foreach (var step in view.Ramp)
        {
            if (step is null || !Month.TryParse(step.From, out var from))
            {
                return null;
            }
            ramp.Add(new MwStep(from, step.Mw));
        }
        return new Contract(contractId, view.Tenant, start, end, view.PricePerMwMonthUsd, view.TakeOrPayFraction,
            view.Chips.ToValueList(), view.Regions.ToValueList(),
            view.Isolation == "dedicated-hall" ? Isolation.DedicatedHall : Isolation.Shared,
            view.Weight == 0 ? 1 : view.Weight, ramp.ToValueList());
    }
}
