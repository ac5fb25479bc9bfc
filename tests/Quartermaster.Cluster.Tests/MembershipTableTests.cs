using System.Net;
using Quartermaster.Storage;

namespace Quartermaster.Cluster.Tests;

/// <summary>Orleans' membership protocol on our PostgreSQL tables: versions move by compare-and-swap, rows read back whole.</summary>
public sealed class MembershipTableTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Writes_succeed_only_on_the_current_table_version_and_row_etag_and_rows_read_back_whole()
    {
        var (service, owner) = postgres.CreateDatabase();
        using (var store = new PostgresBookStore(service, owner))
        {
            await store.MigrateAsync();
        }
        using var table = new PostgresMembershipTable(new ClusterSettings("members", service));
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        var empty = await table.ReadAll();
        var silo = SiloAddress.New(IPAddress.Loopback, 5000, 7);
        var suspecter = SiloAddress.New(IPAddress.Loopback, 5001, 8);
        var started = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
        var entry = new MembershipEntry
        {
            SiloAddress = silo, Status = SiloStatus.Joining, ProxyPort = 0, HostName = "host", SiloName = "silo-a",
            StartTime = started, IAmAliveTime = started, SuspectTimes = [],
        };

        Assert.Equal(0, empty.Version.Version);
        Assert.True(await table.InsertRow(entry, empty.Version.Next()));
        // A writer that read the table before that insert holds a stale etag: refused.
        Assert.False(await table.InsertRow(entry, empty.Version.Next()));

        var read = await table.ReadRow(silo);
        var (stored, etag) = (read.Members[0].Item1, read.Members[0].Item2);
        Assert.Equal(1, read.Version.Version);
        Assert.Equal((silo, SiloStatus.Joining, "silo-a", started), (stored.SiloAddress, stored.Status, stored.SiloName, stored.StartTime));

        entry.Status = SiloStatus.Active;
        entry.AddSuspector(suspecter, started.AddMinutes(1));
        Assert.False(await table.UpdateRow(entry, "not-the-etag", read.Version.Next()));
        Assert.True(await table.UpdateRow(entry, etag, read.Version.Next()));
        Assert.False(await table.UpdateRow(entry, etag, read.Version.Next()));

        // A heartbeat changes only the row's time and leaves the version where it was.
        entry.IAmAliveTime = started.AddMinutes(2);
        await table.UpdateIAmAlive(entry);
        var all = await table.ReadAll();
        var after = Assert.Single(all.Members).Item1;
        Assert.Equal(2, all.Version.Version);
        Assert.Equal((SiloStatus.Active, started.AddMinutes(2)), (after.Status, after.IAmAliveTime));
        Assert.Equal(suspecter, Assert.Single(after.SuspectTimes!).Item1);
    }
}
