namespace Quartermaster.Watch;

/// <summary>
/// One publicly reported deal between a provider (the side supplying compute, chips or money) and a
/// lab. Every figure is as the source states it; a figure the source does not state is null, never guessed.
/// </summary>
/// <param name="Id">Unique id in the deals file.</param>
/// <param name="Announced">When it was announced, at the source's precision; null when no source dates it.</param>
/// <param name="Provider">The supplying company group (for example Amazon for AWS).</param>
/// <param name="Lab">The counterparty lab.</param>
/// <param name="Kind">What the deal commits.</param>
/// <param name="PowerGw">Power stated, in GW; null when not stated; always null for equity.</param>
/// <param name="ChipCount">Number of chips stated, or null.</param>
/// <param name="ChipType">Chip type stated, or null.</param>
/// <param name="AmountUsd">US dollars stated (contract value or investment), or null.</param>
/// <param name="TermYears">Term in years stated, or null.</param>
/// <param name="Exclusivity">Exclusivity terms as reported, or null.</param>
/// <param name="Notes">What else the source says, and what is not confirmed; or null.</param>
/// <param name="SourceUrl">The http(s) address of the source; every deal has one.</param>
/// <param name="SourceTitle">The source's headline, or null.</param>
/// <param name="Confidence">How firm the public record is.</param>
/// <param name="Line">The line of the deals file the deal was read from (1-based), for messages.</param>
public sealed record Deal(
    string Id,
    AnnouncedDate? Announced,
    string Provider,
    string Lab,
    DealKind Kind,
    double? PowerGw,
    long? ChipCount,
    string? ChipType,
    double? AmountUsd,
    double? TermYears,
    string? Exclusivity,
    string? Notes,
    string SourceUrl,
    string? SourceTitle,
    DealConfidence Confidence,
    int Line)
{
    /// <summary>True for deals that supply the lab (every kind but equity): the deals that make a provider one of a lab's clouds.</summary>
    public bool IsSupply => Kind != DealKind.Equity;

    /// <summary>GW this deal adds to a provider's committed capacity: the stated power, 0 when unstated or equity.</summary>
    public double CommittedGw => IsSupply ? PowerGw ?? 0 : 0;

    /// <summary>Dollars this deal adds, equity included: the stated amount, 0 when unstated.</summary>
    public double CommittedUsd => AmountUsd ?? 0;

    /// <summary>Dollars this deal adds as equity: the stated amount of an equity deal, else 0.</summary>
    public double EquityUsd => Kind == DealKind.Equity ? AmountUsd ?? 0 : 0;
}
