namespace Quartermaster.Watch;

/// <summary>The cumulative commitments of one provider or lab (or of the whole market) over time.</summary>
/// <param name="Key">The provider or lab name; "all" for the market total.</param>
/// <param name="Points">One point per month with a dated deal, in month order.</param>
public sealed record TimelineSeries(string Key, IReadOnlyList<TimelinePoint> Points)
{
    /// <summary>GW committed by the last point; 0 when the series has none.</summary>
    public double TotalGw => Points.Count == 0 ? 0 : Points[^1].CumulativeGw;

    /// <summary>Dollars committed by the last point, equity included; 0 when the series has none.</summary>
    public double TotalUsd => Points.Count == 0 ? 0 : Points[^1].CumulativeUsd;
}
