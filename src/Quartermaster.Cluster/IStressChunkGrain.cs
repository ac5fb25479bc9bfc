namespace Quartermaster.Cluster;

/// <summary>
/// The work of one chunk of a stress run, keyed <c>run/chunk/attempt</c> (<see cref="StressChunkGrain.Key"/>) so Orleans
/// spreads chunks over the silos: <see cref="ChunkPlacementDirector"/> deals chunk i to silo i mod n.
/// </summary>
public interface IStressChunkGrain : IGrainWithStringKey
{
    /// <summary>Simulates the chunk; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    [ResponseTimeout("00:30:00")]
    Task<ChunkDone> RunAsync(ChunkWork work, CancellationToken cancellationToken);
}
