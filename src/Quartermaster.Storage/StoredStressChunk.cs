namespace Quartermaster.Storage;

/// <summary>One finished chunk of a stress run spread over a cluster, as stored.</summary>
/// <param name="RunId">The run.</param>
/// <param name="FirstPath">The chunk's first path.</param>
/// <param name="PathCount">Paths in the chunk.</param>
/// <param name="Silo">The silo that computed it (for the log and the figures).</param>
/// <param name="Result">The chunk as the engine serialises it (<c>StressChunk.ToBytes</c>).</param>
public sealed record StoredStressChunk(string RunId, int FirstPath, int PathCount, string Silo, byte[] Result);
