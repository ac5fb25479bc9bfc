namespace Quartermaster.Cluster;

/// <summary>
/// Where the time of a run spread over a cluster went, for the log and docs/scale.md: the chunks run here, the silos
/// they ran on, and the coordination cost per chunk beside the simulation itself.
/// </summary>
/// <param name="Paths">Paths of the run.</param>
/// <param name="Chunks">Chunks of the run.</param>
/// <param name="ChunksFromStore">Chunks a previous coordinator had finished and stored (a takeover), not run again.</param>
/// <param name="Retries">Chunk calls that failed (a silo died) and were sent again.</param>
/// <param name="ChunksBySilo">Chunks run here, by the silo that ran them.</param>
/// <param name="WallSeconds">Planning to merged result, on this coordinator.</param>
/// <param name="SimulationSeconds">Sum over chunks of the simulation time on their silos.</param>
/// <param name="CallOverheadMs">Mean per chunk of the grain call's round trip minus its simulation and its wait for its silo's turn: scheduling and transfer.</param>
/// <param name="PersistMs">Mean per chunk of storing its result.</param>
/// <param name="MergeMs">Merging every chunk and summarising, divided by the chunks.</param>
public sealed record ClusterRunStats(
    int Paths,
    int Chunks,
    int ChunksFromStore,
    int Retries,
    IReadOnlyDictionary<string, int> ChunksBySilo,
    double WallSeconds,
    double SimulationSeconds,
    double CallOverheadMs,
    double PersistMs,
    double MergeMs);
