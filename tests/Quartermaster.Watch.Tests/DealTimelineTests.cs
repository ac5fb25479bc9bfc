namespace Quartermaster.Watch.Tests;

public class DealTimelineTests
{
    private static readonly IReadOnlyList<Deal> Deals = SampleDeals.Read();

    private static (string Month, double Gw, double Usd, double Equity) Point(TimelinePoint p) =>
        (p.Month.ToString(), p.CumulativeGw, p.CumulativeUsd, p.CumulativeEquityUsd);

    [Fact]
    public void The_market_total_accumulates_by_announcement_month_with_equity_in_dollars_but_not_in_gigawatts()
    {
        var timeline = DealTimeline.Of(Deals);
        // 2025-01: d1 (2 GW, $10B). 2025-03: d2 (1 GW, $5B), d3 (equity $4B), d7 (0.5 GW).
        // 2025-12: d4 ($6B; dated 2025 only, so placed in December). 2026-02: d5 (3 GW).
        Assert.Equal(
            [("2025-01", 2, 10e9, 0), ("2025-03", 3.5, 19e9, 4e9), ("2025-12", 3.5, 25e9, 4e9), ("2026-02", 6.5, 25e9, 4e9)],
            timeline.Total.Points.Select(Point));
        Assert.Equal(["d2", "d3", "d7"], timeline.Total.Points[1].DealIds);
        Assert.Equal((1.5, 9e9, 4e9), (timeline.Total.Points[1].AddedGw, timeline.Total.Points[1].AddedUsd, timeline.Total.Points[1].AddedEquityUsd));
    }

    [Fact]
    public void Undated_deals_are_listed_apart_instead_of_being_placed()
    {
        var timeline = DealTimeline.Of(Deals);
        Assert.Equal(["d6"], timeline.Undated.Select(d => d.Id));
        Assert.DoesNotContain(timeline.Series, s => s.Key == "P3" && s.TotalUsd > 0);
    }

    [Fact]
    public void By_provider_each_provider_has_its_own_cumulative_series_largest_first()
    {
        var timeline = DealTimeline.Of(Deals, MarketSide.Provider);
        // P1 and P2 both reach 3 GW; P1 has more dollars ($19B against $6B) so comes first.
        Assert.Equal(["P1", "P2", "P3"], timeline.Series.Select(s => s.Key));
        Assert.Equal([("2025-01", 2, 10e9, 0), ("2025-03", 3, 19e9, 4e9)], timeline.Series[0].Points.Select(Point));
        Assert.Equal([("2025-12", 0, 6e9, 0), ("2026-02", 3, 6e9, 0)], timeline.Series[1].Points.Select(Point));
        Assert.Equal([("2025-03", 0.5, 0, 0)], timeline.Series[2].Points.Select(Point));
    }

    [Fact]
    public void By_lab_each_lab_has_its_own_series()
    {
        var timeline = DealTimeline.Of(Deals, MarketSide.Lab);
        Assert.Equal([("LabC", 3.5, 0), ("LabA", 2, 16e9), ("LabB", 1, 9e9)], timeline.Series.Select(s => (s.Key, s.TotalGw, s.TotalUsd)));
    }

    [Fact]
    public void A_provider_filter_keeps_only_that_providers_deals_ignoring_case()
    {
        var timeline = DealTimeline.Of(Deals, MarketSide.Lab, "p1");
        Assert.Equal([("LabA", 2, 10e9), ("LabB", 1, 9e9)], timeline.Series.Select(s => (s.Key, s.TotalGw, s.TotalUsd)));
        Assert.Equal((3.0, 19e9), (timeline.Total.TotalGw, timeline.Total.TotalUsd));
        Assert.Empty(timeline.Undated);
    }
}
