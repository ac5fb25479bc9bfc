using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using Quartermaster.Storage;

namespace Quartermaster.Cluster.Tests;

/// <summary>
/// Orleans' TestingHost cluster of in-process silos running the chunk grains (membership in memory: the PostgreSQL
/// table has its own tests), and a SQLite store holding a run for the coordinator to persist chunks to.
/// </summary>
public sealed class InProcessCluster : IAsyncDisposable
{
    /// <summary>Silo settings of the in-process silos: fast failure detection so a killed silo is noticed within seconds.</summary>
    public static readonly ClusterSettings Settings = new("test", "unused") { ProbeTimeout = TimeSpan.FromSeconds(1), ChunkPaths = 256, LeaseDuration = TimeSpan.FromSeconds(3) };

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-cluster-").FullName;

    private InProcessCluster(TestCluster cluster, SqliteBookStore store)
    {
        Cluster = cluster;
        Store = store;
    }

    public TestCluster Cluster { get; }

    public SqliteBookStore Store { get; }

    public static async Task<InProcessCluster> StartAsync(int silos)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<ChunkSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var directory = Directory.CreateTempSubdirectory("qm-cluster-store-").FullName;
        var store = new SqliteBookStore(Path.Combine(directory, "cluster.db"));
        await store.MigrateAsync();
        return new InProcessCluster(cluster, store);
    }

    /// <summary>
    /// A coordinator inside the primary silo, as <c>qm serve</c> runs it: calls from a silo to one that dies are broken
    /// when the cluster declares it dead, which an external client's calls through that silo as gateway are not.
    /// </summary>
    public ClusterStressCoordinator Coordinator(ClusterSettings? settings = null, TimeProvider? clock = null) =>
        new(((InProcessSiloHandle)Cluster.Primary!).ServiceProvider!.GetRequiredService<IGrainFactory>(), Store, settings ?? Settings, clock ?? TimeProvider.System,
            NullLogger<ClusterStressCoordinator>.Instance);

    /// <summary>Stores <paramref name="yaml"/> as a book and starts a run of it; returns the run's id.</summary>
    public async Task<string> NewRunAsync(string yaml)
    {
        var version = await Store.SaveBookAsync(AccessScope.System, ClusterBooks.Read(yaml), yaml);
        return (await Store.CreateStressRunAsync(AccessScope.System, version!.BookId, version.Version)).RunId;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Each test silo: the chunk grains with their placement and fast failure detection.</summary>
    public sealed class ChunkSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.UseChunkGrains(Settings);
    }
}
