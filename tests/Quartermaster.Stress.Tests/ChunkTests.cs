using CsCheck;

namespace Quartermaster.Stress.Tests;

public class ChunkTests
{
    private static readonly StressInput Input = StressInput.Committed(SmallBooks.Rivals(months: 24, paths: 3000));

    // A run's paths, cuts on block boundaries (each boundary cut or not) and a shuffle of the chunks' arrival order.
    private static readonly Gen<(int Paths, bool[] Cuts, int Shuffle)> GenSplit =
        Gen.Int[1, 3000].SelectMany(paths => Gen.Select(Gen.Bool.Array[(paths - 1) / StressOptions.BlockPaths], Gen.Int, (cuts, shuffle) => (paths, cuts, shuffle)));

    [Fact]
    public void Any_split_into_whole_blocks_merged_in_any_order_equals_the_run()
    {
        GenSplit.Sample(split =>
        {
            var options = new StressOptions(Paths: split.Paths, Threads: 2, ChunkPaths: 512);
            var ranges = new List<(int First, int Count)>();
            var first = 0;
            for (var b = 1; b <= split.Cuts.Length; b++)
            {
                if (split.Cuts[b - 1])
                {
                    ranges.Add((first, (b * StressOptions.BlockPaths) - first));
                    first = b * StressOptions.BlockPaths;
                }
            }
            ranges.Add((first, split.Paths - first));
            var chunks = ranges.Select(r => StressChunk.FromBytes(StressEngine.RunChunk(Input, options with { Threads = 1 }, r.First, r.Count).ToBytes()))
                .OrderBy(_ => new Random(split.Shuffle).Next()).ToList();

            Assert.Equal(StressEngine.Run(Input, options), StressEngine.Merge(Input, options, chunks));
        }, iter: 25);
    }

    [Fact]
    public void Ranges_cover_the_paths_in_whole_blocks_with_a_short_last_chunk()
    {
        Assert.Equal(new[] { (0, 512), (512, 512), (1024, 1) }, StressChunk.Ranges(1025, 300));
        Assert.Equal(new[] { (0, 100) }, StressChunk.Ranges(100, 16_384));
    }

    [Fact]
    public void Merging_refuses_a_gap_an_overlap_and_a_chunk_of_another_seed()
    {
        var options = new StressOptions(Paths: 1000, Threads: 1);
        var a = StressEngine.RunChunk(Input, options, 0, 512);
        var b = StressEngine.RunChunk(Input, options, 512, 488);
        var otherSeed = StressEngine.RunChunk(Input, options with { Seed = 99 }, 512, 488);

        Assert.Throws<ArgumentException>(() => StressEngine.Merge(Input, options, [a]));
        Assert.Throws<ArgumentException>(() => StressEngine.Merge(Input, options, [a, a, b]));
        Assert.Throws<ArgumentException>(() => StressEngine.Merge(Input, options, [a, otherSeed]));
        Assert.Throws<ArgumentException>(() => StressEngine.RunChunk(Input, options, 100, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => StressEngine.RunChunk(Input, options, 768, 256));
        Assert.Throws<InvalidDataException>(() => StressChunk.FromBytes(a.ToBytes()[..20]));
    }
}
