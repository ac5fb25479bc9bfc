namespace Quartermaster.Stress;

/// <summary>How to execute a scenario run; none of these change the results except <see cref="Paths"/> and <see cref="Seed"/>.</summary>
/// <param name="Paths">Number of paths; null takes the book's <c>scenario.paths</c>.</param>
/// <param name="Seed">Seed of the random streams; null takes the book's <c>scenario.seed</c>.</param>
/// <param name="Threads">Worker threads (at least 1). Results are bit-identical for any value.</param>
/// <param name="ChunkPaths">Paths per unit of parallel work and of progress; rounded up to a multiple of <see cref="StressOptions.BlockPaths"/>. Results are bit-identical for any value.</param>
public sealed record StressOptions(int? Paths = null, ulong? Seed = null, int? Threads = null, int ChunkPaths = 16_384)
{
    /// <summary>
    /// Paths per reduction block: sums are taken path by path within a block and block by block in
    /// order, so they do not depend on how paths are chunked or scheduled.
    /// </summary>
    public const int BlockPaths = 256;

    /// <summary>The defaults: the book's paths and seed, every processor, chunks of 16,384 paths.</summary>
    public static StressOptions Default { get; } = new();
}
