using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>A deal no source dates: on the market map, not on the timeline.</summary>
/// <param name="Id">Id of the deal in the deals file.</param>
/// <param name="Provider">The supplying company.</param>
/// <param name="Lab">The counterparty lab.</param>
/// <param name="Kind">What the deal commits.</param>
/// <param name="PowerGw">Power stated, GW, or null when not stated.</param>
/// <param name="AmountUsd">US dollars stated, or null when not stated.</param>
public sealed record UndatedDeal(string Id, string Provider, string Lab, DealKind Kind, double? PowerGw, double? AmountUsd);
