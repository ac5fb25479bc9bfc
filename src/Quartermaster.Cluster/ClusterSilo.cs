using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Quartermaster.Cluster;

/// <summary>Configures a silo of a Quartermaster cluster: its endpoint, membership in PostgreSQL, and chunk placement.</summary>
public static class ClusterSilo
{
    /// <summary>The Orleans service id every Quartermaster cluster shares (a cluster is told apart by its name).</summary>
    public const string ServiceId = "quartermaster";

    /// <summary>
    /// Joins (or forms) the cluster <see cref="ClusterSettings.Name"/>: silo port as set (a free one for 0), no client
    /// gateway (every instance is a silo and calls grains from inside), and the silo list in the service's PostgreSQL.
    /// </summary>
    public static ISiloBuilder UseQuartermasterCluster(this ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.Name;
            o.ServiceId = ServiceId;
        });
        return silo.UseChunkGrains(settings)
            .ConfigureEndpoints(settings.Address, settings.ResolveSiloPort(), gatewayPort: 0);
    }

    /// <summary>What every silo running stress chunks needs whatever its membership and names: placement, failure detection.</summary>
    public static ISiloBuilder UseChunkGrains(this ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = settings.ProbeTimeout;
            o.NumMissedProbesLimit = 3;
        });
        silo.Services.AddPlacementDirector<ChunkPlacement, ChunkPlacementDirector>();
        silo.Services.AddSingleton<ChunkTurn>();
        return silo;
    }
}
