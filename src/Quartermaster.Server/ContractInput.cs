using System.Text.Json;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>Turns a contract sent as JSON (the shape of <see cref="ContractView"/>) into a <see cref="Contract"/>.</summary>
internal static class ContractInput
{
    private const string Needs = "the contract needs id, tenant, start and end (YYYY-MM), chips, regions, isolation (shared or dedicated-hall) and a ramp";

    /// <summary>
    /// The contract, or what is wrong with it: a missing or malformed field, an id that breaks the id rule (as in a
    /// book), or an id in the body other than <paramref name="contractId"/>, the route's.
    /// </summary>
    public static (Contract? Contract, string? Problem) ToContract(ContractView view, string contractId)
    {
        if (view.Id is not null && view.Id != contractId)
        {
            return (null, $"the body is contract {Ids.Quote(view.Id)}, not '{contractId}' as in the path");
        }
        if (view.Tenant is null || view.Chips is null || view.Regions is null || view.Ramp is null
            || !Month.TryParse(view.Start, out var start) || !Month.TryParse(view.End, out var end)
            || view.Isolation is not ("shared" or "dedicated-hall"))
        {
            return (null, Needs);
        }
        var bad = new[] { ("tenant", view.Tenant) }
            .Concat(view.Chips.Select(c => ("chips", c)))
            .Concat(view.Regions.Select(r => ("regions", r)))
            .FirstOrDefault(field => !Ids.IsValid(field.Item2));
        if (bad.Item1 is not null)
        {
            return (null, $"{bad.Item1}: {Ids.Quote(bad.Item2)} is not an id; expected {Ids.Form}");
        }
        var ramp = new List<MwStep>();
        try
        {
            foreach (var step in view.Ramp)
            {
                if (step is null || !Month.TryParse(step.From, out var from))
                {
                    return (null, Needs);
                }
                ramp.Add(new MwStep(from, step.Mw));
            }
            return (new Contract(contractId, view.Tenant, start, end, view.PricePerMwMonthUsd, view.TakeOrPayFraction,
                view.Chips.ToValueList(), view.Regions.ToValueList(),
                view.Isolation == "dedicated-hall" ? Isolation.DedicatedHall : Isolation.Shared,
                view.Weight == 0 ? 1 : view.Weight, ramp.ToValueList()), null);
        }
        catch (ArgumentOutOfRangeException invalid)
        {
            // The model's own invariants (a price below 0, an end before the start...): named as the body names them.
            var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(invalid.ParamName ?? "contract");
            return (null, $"{(field == "mw" ? "ramp: mw" : field)} {invalid.ActualValue}: {invalid.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
