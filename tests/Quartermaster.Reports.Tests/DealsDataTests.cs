using System.Text.Json;
using Quartermaster.Documents;
using Quartermaster.Watch;

namespace Quartermaster.Reports.Tests;

/// <summary>The JSON charts.js draws the market from, pinned on a small market worked out by hand.</summary>
public class DealsDataTests
{
    private const string Csv = "id,announced,provider,counterparty,kind,power_gw,chip_count,chip_type,amount_usd,term_years,exclusivity,notes,source_url,source_title,confidence\n"
        + "a1,2025-01,P1,LabA,compute-supply,2,,,10000000000,,,,https://example.com/1,,announced\n"
        + "a2,2025-03,P1,LabB,compute-supply,1,,,5000000000,,,,https://example.com/2,,announced\n"
        + "a3,2025-03-10,P1,LabB,equity,,,,4000000000,,,,https://example.com/3,,announced\n"
        + "a4,2025-02,P2,LabA,cloud-commitment,,,,6000000000,,,,https://example.com/4,,reported\n"
        + "a5,,P2,LabC,compute-supply,0.5,,,,,,,https://example.com/5,,rumoured\n";

    private static JsonElement Data()
    {
        var deals = DealsReader.ReadText(Csv, "m.csv");
        Assert.Empty(deals.Errors);
        var overview = DealsOverview.Of(deals.Deals, [new LabRivalryGroup("ab", "A and B", ["LabA", "LabB"])]);
        return JsonDocument.Parse(DocumentJson.Serialize(DealsChartData.Of(overview))).RootElement;
    }

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static string[] Texts(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void The_timeline_has_every_month_from_the_first_deal_to_the_last_with_steps_carried_forward()
    {
        var timeline = Data().GetProperty("timeline");
        Assert.Equal(["2025-01", "2025-02", "2025-03"], Texts(timeline.GetProperty("months")));
        var series = timeline.GetProperty("series").EnumerateArray().ToList();
        // P1: 2 GW in January, +1 GW in March; dollars 10B, then +5B supply and +4B equity in March.
        // P2: only a dollar deal in February (its GW deal a5 is undated, so not on the timeline).
        Assert.Equal(["P1", "P2"], series.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([2, 2, 3], Numbers(series[0].GetProperty("cumulative_gw")));
        Assert.Equal([10e9, 10e9, 19e9], Numbers(series[0].GetProperty("cumulative_usd")));
        Assert.Equal([0, 0, 0], Numbers(series[1].GetProperty("cumulative_gw")));
        Assert.Equal([0, 6e9, 6e9], Numbers(series[1].GetProperty("cumulative_usd")));
        Assert.Equal(["a5"], Texts(timeline.GetProperty("undated_deal_ids")));
    }

    [Fact]
    public void The_map_marks_the_provider_supplying_both_rivals_and_the_edge_paid_twice()
    {
        var map = Data().GetProperty("map");
        var nodes = map.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!);
        Assert.Equal(["LabA", "LabB", "LabC", "P1", "P2"], nodes.Keys);
        Assert.True(nodes["P1"].GetProperty("supplies_rivals").GetBoolean());
        Assert.False(nodes["P2"].GetProperty("supplies_rivals").GetBoolean()); // LabC is in no group
        Assert.Equal("provider", nodes["P1"].GetProperty("kind").GetString());
        Assert.Equal("lab", nodes["LabA"].GetProperty("kind").GetString());
        Assert.Equal((3, 19e9), (nodes["P1"].GetProperty("gw").GetDouble(), nodes["P1"].GetProperty("usd").GetDouble()));
        Assert.Equal((2, 16e9), (nodes["LabA"].GetProperty("gw").GetDouble(), nodes["LabA"].GetProperty("usd").GetDouble()));

        var edges = map.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("source").GetString()}>{e.GetProperty("target").GetString()} {e.GetProperty("kind").GetString()} "
                + $"{e.GetProperty("gw").GetDouble()} {e.GetProperty("supply_usd").GetDouble() / 1e9} {e.GetProperty("equity_usd").GetDouble() / 1e9} {e.GetProperty("paid_twice").GetBoolean()}");
        Assert.Equal(["P1>LabA supply 2 10 0 False", "P1>LabB both 1 5 4 True", "P2>LabA supply 0 6 0 False", "P2>LabC supply 0.5 0 0 False"], edges);
        var rival = Assert.Single(map.GetProperty("rival_suppliers").EnumerateArray());
        Assert.Equal("P1", rival.GetProperty("provider").GetString());
        Assert.Equal("ab", rival.GetProperty("group_id").GetString());
        Assert.Equal(["LabA", "LabB"], Texts(rival.GetProperty("labs")));
    }
}
