using System.CommandLine;
using System.Net;
using Quartermaster.Cluster;

namespace Quartermaster.Cli.Commands;

/// <summary>The options that put an instance in a cluster, shared by <c>qm serve</c> and <c>qm worker</c>.</summary>
internal sealed class ClusterOptions
{
    public Option<string?> Name { get; } = new("--cluster")
    {
        Description = "PostgreSQL only: join (or form) the Orleans cluster of this name and spread stress runs over its silos.",
    };

    public Option<int> SiloPort { get; } = TypedOptions.WholeNumber("--silo-port",
        $"Cluster: TCP port other silos reach this one on (0: a free port).", 0, 65535, ClusterSettings.DefaultSiloPort);

    public Option<string> SiloAddress { get; } = new("--silo-address")
    {
        Description = "Cluster: IP address this silo listens on and advertises to the others.",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public Option<int?> ChunkPaths { get; } = TypedOptions.OptionalWholeNumber("--chunk-paths",
        "Cluster: paths per chunk a stress run is split into (default 65536; the result does not depend on it).", 1, 100_000_000);

    public Option<int?> ProbeSeconds { get; } = Hidden(TypedOptions.OptionalWholeNumber("--probe-seconds",
        "Cluster: seconds a silo may miss a probe before it is suspected (default 5; tests use less).", 1, 600));

    public IEnumerable<Option> All => [Name, SiloPort, SiloAddress, ChunkPaths, ProbeSeconds];

    /// <summary>The cluster settings from the command line; null without <c>--cluster</c>; a problem line when one does not read.</summary>
    public (ClusterSettings? Settings, string? Problem) Read(ParseResult parse, string? database)
    {
        if (parse.GetValue(Name) is not { } name)
        {
            return (null, null);
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "--cluster needs a name");
        }
        if (!DatabaseOptions.IsPostgres(database))
        {
            return (null, "--cluster needs PostgreSQL (--db with a connection string): the cluster keeps its silo list and each run's chunks there");
        }
        if (!IPAddress.TryParse(parse.GetValue(SiloAddress), out var address))
        {
            return (null, $"--silo-address: '{parse.GetValue(SiloAddress)}' is not an IP address");
        }
        var settings = new ClusterSettings(name, database!) { SiloPort = parse.GetValue(SiloPort), Address = address };
        if (parse.GetValue(ChunkPaths) is { } chunk)
        {
            settings = settings with { ChunkPaths = chunk };
        }
        if (parse.GetValue(ProbeSeconds) is { } probe)
        {
            settings = settings with { ProbeTimeout = TimeSpan.FromSeconds(probe) };
        }
        return (settings, null);
    }

    private static Option<int?> Hidden(Option<int?> option)
    {
        option.Hidden = true;
        return option;
    }
}
