using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Quartermaster.Cluster;

/// <summary>Deals the chunks of a run round the silos: chunk i, attempt a, goes to silo (i + a) mod n of the live silos in address order.</summary>
[GenerateSerializer, Immutable]
public sealed class ChunkPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute uses.</summary>
    public static ChunkPlacement Instance { get; } = new();
}

/// <summary>Places a grain by <see cref="ChunkPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ChunkPlacementAttribute() : PlacementAttribute(ChunkPlacement.Instance);

/// <summary>
/// Round-robin over the live silos by chunk index: even spread without waiting for load statistics, and a retried chunk
/// (next attempt) moves to the next silo, away from the one that failed it.
/// </summary>
internal sealed class ChunkPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0)
        {
            throw new OrleansException("no silo can run stress chunks");
        }
        var slot = StressChunkGrain.Parse(target.GrainIdentity.Key.ToString()!) is { } key ? key.Index + key.Attempt : 0;
        return Task.FromResult(silos[slot % silos.Length]);
    }
}
