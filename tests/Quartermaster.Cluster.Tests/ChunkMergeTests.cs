using CsCheck;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Stress;

namespace Quartermaster.Cluster.Tests;

public class ChunkMergeTests
{
    private static readonly Book Book = ClusterBooks.Read(ClusterBooks.ExampleYaml(paths: 2000));
    private static readonly StressInput Input = ClusterStress.Plan(Book);
    private static readonly string Whole = DocumentJson.Serialize(StressDocument.Of(StressEngine.Run(Input), Book), indented: true);

    [Fact]
    public void Any_split_into_chunks_merged_in_any_arrival_order_gives_the_runs_document_byte_for_byte()
    {
        // Cut points on block boundaries (each of the 7 inner boundaries of 2000 paths cut or not), then a shuffle.
        Gen.Select(Gen.Bool.Array[(2000 - 1) / StressOptions.BlockPaths], Gen.Int).Sample((cuts, shuffle) =>
        {
            var starts = new List<int> { 0 };
            starts.AddRange(Enumerable.Range(1, cuts.Length).Where(b => cuts[b - 1]).Select(b => b * StressOptions.BlockPaths));
            var chunks = starts.Select((first, i) => (first, count: (i + 1 < starts.Count ? starts[i + 1] : 2000) - first))
                .Select(r => StressChunk.FromBytes(StressEngine.RunChunk(Input, new StressOptions(Threads: 1), r.first, r.count).ToBytes()))
                .OrderBy(_ => new Random(shuffle).Next()).ToList();

            Assert.Equal(Whole, DocumentJson.Serialize(StressDocument.Of(StressEngine.Merge(Input, null, chunks), Book), indented: true));
        }, iter: 12);
    }

    [Fact]
    public void The_cluster_plans_the_book_as_qm_stress_does()
    {
        Assert.Equal(ClusterBooks.LocalDocument(ClusterBooks.ExampleYaml(paths: 2000)), Whole);
    }
}
