using Quartermaster.Core;

namespace Quartermaster.Storage;

/// <summary>A contract as stored in the tenant-scoped table and shown by the API; months as <c>YYYY-MM</c>.</summary>
/// <param name="Id">Contract id.</param>
/// <param name="Tenant">Id of the tenant that signed it.</param>
/// <param name="Start">First month of the term.</param>
/// <param name="End">Last month of the term (included).</param>
/// <param name="PricePerMwMonthUsd">Price per MW per month, US dollars.</param>
/// <param name="TakeOrPayFraction">Fraction of committed MW paid for whether used or not (0 to 1).</param>
/// <param name="Chips">Eligible chip types.</param>
/// <param name="Regions">Eligible regions.</param>
/// <param name="Isolation"><c>shared</c> or <c>dedicated-hall</c>.</param>
/// <param name="Weight">Weight under the <c>weighted</c> policy.</param>
/// <param name="Ramp">Committed MW steps, sorted by month.</param>
public sealed record ContractView(
    string Id,
    string Tenant,
    string Start,
    string End,
    double PricePerMwMonthUsd,
    double TakeOrPayFraction,
    IReadOnlyList<string> Chips,
    IReadOnlyList<string> Regions,
    string Isolation,
    double Weight,
    IReadOnlyList<RampStep> Ramp)
{
    /// <summary>The view of <paramref name="contract"/>.</summary>
    public static ContractView Of(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new(contract.Id, contract.Tenant, contract.Start.ToString(), contract.End.ToString(),
            contract.PricePerMwMonthUsd, contract.TakeOrPayFraction, [.. contract.Chips], [.. contract.Regions],
            contract.Isolation == Core.Isolation.DedicatedHall ? "dedicated-hall" : "shared", contract.Weight,
            [.. contract.Ramp.Select(s => new RampStep(s.From.ToString(), s.Mw))]);
    }
}

/// <summary>One step of a contract's committed ramp.</summary>
/// <param name="From">First month (<c>YYYY-MM</c>) the value applies.</param>
/// <param name="Mw">Committed MW from that month on.</param>
public sealed record RampStep(string From, double Mw);
