using Quartermaster.Core;

namespace Quartermaster.Watch;

/// <summary>
/// A month in which a series changed. A timeline is a step function: the cumulative values hold from this
/// month until the series' next point. Equity counts toward dollars (and is also given on its own), never toward GW.
/// </summary>
/// <param name="Month">The announcement month (see <see cref="AnnouncedDate.TimelineMonth"/>).</param>
/// <param name="AddedGw">GW of supply deals announced this month.</param>
/// <param name="AddedUsd">Dollars of all deals announced this month, equity included.</param>
/// <param name="AddedEquityUsd">The equity part of <paramref name="AddedUsd"/>.</param>
/// <param name="CumulativeGw">GW committed up to and including this month.</param>
/// <param name="CumulativeUsd">Dollars committed up to and including this month, equity included.</param>
/// <param name="CumulativeEquityUsd">The equity part of <paramref name="CumulativeUsd"/>.</param>
/// <param name="DealIds">The deals announced this month, in file order.</param>
public sealed record TimelinePoint(
    Month Month,
    double AddedGw,
    double AddedUsd,
    double AddedEquityUsd,
    double CumulativeGw,
    double CumulativeUsd,
    double CumulativeEquityUsd,
    IReadOnlyList<string> DealIds);
