using System.Net;
using System.Net.Sockets;

namespace Quartermaster.Cluster;

/// <summary>How an instance joins an Orleans cluster of Quartermaster silos (<c>qm serve --cluster</c>, <c>qm worker</c>).</summary>
/// <param name="Name">The cluster's name: silos with the same name and database form one cluster.</param>
/// <param name="MembershipConnectionString">PostgreSQL connection string of the service role; the silo list lives in its <c>cluster_silos</c> table.</param>
public sealed record ClusterSettings(string Name, string MembershipConnectionString)
{
    /// <summary>The default silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>TCP port other silos reach this one on; 0 picks a free port when the silo starts.</summary>
    public int SiloPort { get; init; } = DefaultSiloPort;

    /// <summary>The address this silo listens on and advertises to the others (loopback by default: one machine).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// How long a failed silo may go unnoticed: the membership probe timeout. Three missed probes and one vote declare
    /// a silo dead, so a killed silo's chunks are re-run after about three times this.
    /// </summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Paths per chunk a run is split into; a multiple of 256 is used (docs/scale.md: the size that keeps coordination under 2%).</summary>
    public int ChunkPaths { get; init; } = 65_536;

    /// <summary>How long a coordinator's claim on a run lasts; it renews it at a third of this, and another instance takes the run over once it lapses.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a coordinator reads the stored cancel request of its run (a cancel sent to any instance).</summary>
    public TimeSpan CancelPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The silo port to bind: <see cref="SiloPort"/>, or a free port when it is 0.</summary>
    public int ResolveSiloPort()
    {
        if (SiloPort != 0)
        {
            return SiloPort;
        }
        using var probe = new TcpListener(Address, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
