using System.Text.Json;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Watch;

namespace Quartermaster.Documents.Tests;

/// <summary>The one serializer setting of every document: what it writes, and what it refuses to write.</summary>
public class DocumentJsonTests
{
    [Fact]
    public void Serialising_a_non_finite_number_fails_instead_of_printing_NaN()
    {
        foreach (var value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var document = new TornadoDocument(Quartermaster.Stress.TornadoMetric.Mean, new TornadoLines(0, 0, value), 10, []);
            var error = Assert.Throws<InvalidOperationException>(() => DocumentJson.Serialize(document, indented: true));
            Assert.Contains("not finite", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Schema_version_is_the_first_field_and_names_are_snake_case()
    {
        var json = DocumentJson.Serialize(new AuditLogVerifyDocument(true, 3, "3:abc", null));
        Assert.Equal("""{"schema_version":1,"intact":true,"entries":3,"head":"3:abc","problem":null}""", json);
    }

    [Fact]
    public void Months_are_written_as_yyyy_mm_and_enums_as_their_book_words()
    {
        var fill = new ContractFill(new Month(2026, 6), "c", "t", 10, 5);
        var plan = new PlanDocument(AllocationPolicy.ProRata, [new Month(2026, 6)], [], [fill], [], []);
        using var json = JsonDocument.Parse(DocumentJson.Serialize(plan));
        Assert.Equal("pro-rata", json.RootElement.GetProperty("policy").GetString());
        Assert.Equal("2026-06", json.RootElement.GetProperty("months")[0].GetString());
        var row = json.RootElement.GetProperty("fills")[0];
        Assert.Equal(("2026-06", "c", "t", 0.5, 5.0), (row.GetProperty("month").GetString(), row.GetProperty("contract_id").GetString(),
            row.GetProperty("tenant_id").GetString(), row.GetProperty("fill_ratio").GetDouble(), row.GetProperty("short_mw").GetDouble()));
    }

    [Fact]
    public void Every_enum_word_in_a_document_is_the_word_the_book_and_deals_files_use()
    {
        foreach (var policy in Enum.GetValues<AllocationPolicy>())
        {
            Assert.Equal($"\"{policy.ToName()}\"", JsonSerializer.Serialize(policy, DocumentJson.Options));
        }
        foreach (var kind in Enum.GetValues<DealKind>())
        {
            Assert.Equal($"\"{kind.Word()}\"", JsonSerializer.Serialize(kind, DocumentJson.Options));
        }
        Assert.Equal("\"gw\"", JsonSerializer.Serialize(AlertUnit.Gw, DocumentJson.Options));
        Assert.Equal("\"lab\"", JsonSerializer.Serialize(MarketSide.Lab, DocumentJson.Options));
    }

    [Fact]
    public void A_stress_run_result_reads_back_equal_to_what_was_written()
    {
        // The server stores a run's result as JSON and serves it typed: reading must give back every number.
        var month = new Month(2026, 1);
        var payoff = new PayoffStatistics(1.5, 0.1, [1.3, 1.7], -2, -1, 1, 3, 4, 1, 1.5, 2, 2.5, 0.25);
        var band = new CashPercentiles(-1, -2, -1, 0.5);
        var cashFlow = new CashFlowDocument([new CashYear(2026, 12, band, band)], new PaybackMonths(0.4, month, null, null), new IrrPercentiles(0.9, -0.1, 0.05, 0.2));
        var summary = new StressDocument(100, 7, payoff, payoff with { Mean = 0.5 }, payoff with { Mean = 1 }, ["The operating book earns $0.5 on average."], 10, 0.5, 0.75,
            [new StressMonth(month, 1, 2, 3, new Percentiles(1, 2, 3, 4, 5), new Percentiles(1, 2, 3, 4, 5), new Percentiles(1, 2, 3, 4, 5))],
            ["frontier"], [new OutcomeRow("a leads frontier, sector cooled", ["a"], true, 100, 1, 1.5, 0.25, 0.5, 0.3, 1, 0.1)],
            new RevenueConcentration(1, "a", 1, [new TenantRevenueMean("a", 10, 1)]), cashFlow,
            [new StakeOutcomeRow("i", "a", month, 10, 100, 12, 0.01)], new CostsDocument(5, 0, 3, 1), [new StressWarning("stakes P99", "few paths")]);
        var fan = new FanChart([month], [1], [2], [3], [4], [5]);
        var bins = new PayoffBins([0, 1], [100]);
        var result = new StressRunResult(summary, new StressChartData(100, 7, bins, bins, new StressFans(fan, fan, fan), cashFlow, null));
        var json = DocumentJson.Serialize(result);
        Assert.Equal(json, DocumentJson.Serialize(DocumentJson.Deserialize<StressRunResult>(json)));
    }

    [Fact]
    public void Reading_a_document_of_another_shape_fails_instead_of_leaving_fields_empty()
    {
        // The stress document before schema version 1 named its concentration's top tenant "top_tenant".
        const string old = """{"revenue_hhi":0.5,"top_tenant":"a","top_tenant_share":1,"tenants":[]}""";
        Assert.Throws<JsonException>(() => DocumentJson.Deserialize<RevenueConcentration>(old));
        var current = DocumentJson.Deserialize<RevenueConcentration>("""{"revenue_hhi":0.5,"top_tenant_id":"a","top_tenant_share":1,"tenants":[]}""");
        Assert.Equal("a", current.TopTenantId);
    }
}
