namespace Quartermaster.Cluster;

/// <summary>
/// One chunk of a stress run as sent to a silo: the book as YAML (every silo reads it the same way), the MW the plan
/// allocates to each contract in each month, and the paths to simulate.
/// </summary>
/// <param name="RunId">The run, so a silo reads the book once per run.</param>
/// <param name="BookYaml">The book's YAML text.</param>
/// <param name="AllocatedMw">One array per contract, one entry per horizon month (as <c>StressInput.AllocatedMwByContract</c>).</param>
/// <param name="Paths">Paths of the whole run.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="FirstPath">The chunk's first path, a multiple of 256.</param>
/// <param name="PathCount">Paths in the chunk.</param>
[GenerateSerializer, Immutable]
public sealed record ChunkWork(
    [property: Id(0)] string RunId,
    [property: Id(1)] string BookYaml,
    [property: Id(2)] double[][] AllocatedMw,
    [property: Id(3)] int Paths,
    [property: Id(4)] ulong Seed,
    [property: Id(5)] int FirstPath,
    [property: Id(6)] int PathCount);

/// <summary>A finished chunk: the engine's bytes, the silo that made them and how long the simulation took there.</summary>
/// <param name="Chunk">The chunk as <c>StressChunk.ToBytes</c> writes it.</param>
/// <param name="Silo">The silo that ran it.</param>
/// <param name="Milliseconds">Simulation and serialisation time on that silo.</param>
/// <param name="QueuedMilliseconds">Time the chunk waited on that silo for the chunk before it to finish.</param>
[GenerateSerializer, Immutable]
public sealed record ChunkDone([property: Id(0)] byte[] Chunk, [property: Id(1)] string Silo, [property: Id(2)] double Milliseconds, [property: Id(3)] double QueuedMilliseconds);
