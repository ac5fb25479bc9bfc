namespace Quartermaster.Watch.Tests;

/// <summary>
/// A small hand-made market whose figures are worked out by hand in the tests: providers P1, P2, P3 and labs
/// LabA, LabB (rivals) and LabC. P1 supplies both rivals and holds equity in LabB; d4 is dated by year only
/// (placed in 2025-12); d6 has no date.
/// </summary>
internal static class SampleDeals
{
    public const string Header = "id,announced,provider,counterparty,kind,power_gw,chip_count,chip_type,amount_usd,term_years,exclusivity,notes,source_url,source_title,confidence";

    public const string Csv = Header + "\n"
        + "d1,2025-01-15,P1,LabA,compute-supply,2,,,10000000000,5,,,https://example.com/d1,\"P1 and LabA, a deal\",announced\n"
        + "d2,2025-03,P1,LabB,compute-supply,1,,,5000000000,,,,https://example.com/d2,,reported\n"
        + "d3,2025-03-20,P1,LabB,equity,,,,4000000000,,,\"stake, \"\"up to\"\" 4B\",https://example.com/d3,,announced\n"
        + "d4,2025,P2,LabA,cloud-commitment,,,,6000000000,,,year only,https://example.com/d4,,reported\n"
        + "d5,2026-02-01,P2,LabC,chip-supply,3,500000,X1,,,exclusive,,https://example.com/d5,,announced\n"
        + "d6,,P3,LabA,equity,,,,1000000000,,,undated,https://example.com/d6,,rumoured\n"
        + "d7,2025-03-05,P3,LabC,data-centre,0.5,,,,,,,http://example.com/d7,,announced\n";

    public static LabRivalryGroup Rivals { get; } = new("ab", "A and B", ["LabA", "LabB"]);

    public static IReadOnlyList<Deal> Read()
    {
        var result = DealsReader.ReadText(Csv, "sample.csv");
        Assert.Empty(result.Errors);
        return result.Deals;
    }

    /// <summary>The repository root, found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quartermaster.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
