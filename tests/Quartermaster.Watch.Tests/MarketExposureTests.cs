namespace Quartermaster.Watch.Tests;

public class MarketExposureTests
{
    private static readonly MarketExposure Exposure = MarketExposure.Of(SampleDeals.Read());

    [Fact]
    public void A_providers_shares_by_lab_hhi_and_top_lab_share_are_computed_per_measure()
    {
        var p1 = Exposure.OfProvider("P1")!;
        // GW: LabA 2, LabB 1 of 3. Dollars: LabA $10B, LabB $5B + $4B equity = $9B of $19B.
        Assert.Equal(["LabA", "LabB"], p1.Labs.Select(l => l.Name));
        Assert.Equal(2.0 / 3, p1.Labs[0].GwShare!.Value, 12);
        Assert.Equal(10.0 / 19, p1.Labs[0].UsdShare!.Value, 12);
        Assert.Equal(4e9, p1.Labs[1].EquityUsd);
        Assert.Equal(5.0 / 9, p1.Gw.Hhi!.Value, 12);            // (2/3)^2 + (1/3)^2
        Assert.Equal(181.0 / 361, p1.Usd.Hhi!.Value, 12);       // (10/19)^2 + (9/19)^2
        Assert.Equal(("LabA", 2.0 / 3), (p1.Gw.Top, p1.Gw.TopShare!.Value), new ToleranceComparer());
        Assert.Equal(("LabA", 10.0 / 19), (p1.Usd.Top, p1.Usd.TopShare!.Value), new ToleranceComparer());
    }

    [Fact]
    public void A_measure_no_deal_states_has_no_shares_and_no_concentration()
    {
        var p3 = Exposure.OfProvider("P3")!;
        Assert.Equal((0.5, 1.0, "LabC"), (p3.Gw.Total, p3.Gw.Hhi!.Value, p3.Gw.Top));
        Assert.Equal((1e9, 1.0, "LabA"), (p3.Usd.Total, p3.Usd.Hhi!.Value, p3.Usd.Top));
        var labC = Exposure.OfLab("LabC")!;
        Assert.Equal(new Concentration(0, null, null, null), labC.Usd);
        Assert.All(labC.Providers, s => Assert.Null(s.UsdShare));
    }

    [Fact]
    public void A_labs_shares_by_provider_count_its_clouds_and_backers()
    {
        var labA = Exposure.OfLab("LabA")!;
        // Dollars: P1 $10B, P2 $6B, P3 $1B (equity, undated) of $17B. GW: all 2 GW from P1.
        Assert.Equal(["P1", "P2", "P3"], labA.Providers.Select(p => p.Name));
        Assert.Equal(137.0 / 289, labA.Usd.Hhi!.Value, 12);
        Assert.Equal(1.0, labA.Gw.Hhi!.Value);
        Assert.Equal(["P1", "P2"], labA.Clouds);
        Assert.Equal(["P3"], labA.Backers);

        var labC = Exposure.OfLab("LabC")!;
        Assert.Equal(37.0 / 49, labC.Gw.Hhi!.Value, 12);        // (3/3.5)^2 + (0.5/3.5)^2
        Assert.Equal(("P2", 6.0 / 7), (labC.Gw.Top, labC.Gw.TopShare!.Value), new ToleranceComparer());

        var labB = Exposure.OfLab("LabB")!;
        Assert.Equal(["P1"], labB.Clouds);
        Assert.Equal(["P1"], labB.Backers);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(string?, double)>
    {
        public bool Equals((string?, double) x, (string?, double) y) => x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < 1e-12;

        public int GetHashCode((string?, double) obj) => obj.Item1?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
