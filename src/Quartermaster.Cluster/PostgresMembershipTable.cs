using System.Globalization;
using System.Net;
using Npgsql;

namespace Quartermaster.Cluster;

/// <summary>
/// Orleans' silo list on the service's own PostgreSQL tables (<c>cluster_versions</c>, <c>cluster_silos</c>, created by
/// migration 5 as the owner role). Every write that changes membership moves the table version by compare-and-swap on
/// its etag in the same transaction as the row, as the protocol requires; heartbeats touch only their own row's time.
/// </summary>
internal sealed class PostgresMembershipTable(ClusterSettings settings) : IMembershipTable, IDisposable
{
    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(settings.MembershipConnectionString);
    private readonly string _cluster = settings.Name;

    public void Dispose() => _database.Dispose();

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        if (tryInitTableVersion)
        {
            await using var command = _database.CreateCommand("INSERT INTO cluster_versions (cluster_id, version, etag) VALUES ($1, 0, $2) ON CONFLICT (cluster_id) DO NOTHING");
            command.Parameters.Add(new() { Value = _cluster });
            command.Parameters.Add(new() { Value = NewEtag() });
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "DELETE FROM cluster_silos WHERE cluster_id = $1", clusterId);
        await ExecuteAsync(connection, "DELETE FROM cluster_versions WHERE cluster_id = $1", clusterId);
        await tx.CommitAsync();
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await ExecuteAsync(connection, "DELETE FROM cluster_silos WHERE cluster_id = $1 AND status = $2 AND i_am_alive_time < $3",
            _cluster, (int)SiloStatus.Dead, Instant(beforeDate.UtcDateTime));
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.SiloAddress;
        return WriteRowAsync(tableVersion, connection => ExecuteAsync(connection, """
            INSERT INTO cluster_silos (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, suspect_times, start_time, i_am_alive_time, etag)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING
            """, _cluster, a.Endpoint.Address.ToString(), a.Endpoint.Port, a.Generation, entry.SiloName ?? "", entry.HostName ?? "", (int)entry.Status,
            entry.ProxyPort, SuspectTimes(entry), Instant(entry.StartTime), Instant(entry.IAmAliveTime), NewEtag()));
    }

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.SiloAddress;
        return WriteRowAsync(tableVersion, connection => ExecuteAsync(connection, """
            UPDATE cluster_silos SET status = $5, proxy_port = $6, suspect_times = $7, i_am_alive_time = $8, silo_name = $9, host_name = $10, etag = $11
            WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4 AND etag = $12
            """, _cluster, a.Endpoint.Address.ToString(), a.Endpoint.Port, a.Generation, (int)entry.Status, entry.ProxyPort, SuspectTimes(entry),
            Instant(entry.IAmAliveTime), entry.SiloName ?? "", entry.HostName ?? "", NewEtag(), etag));
    }

    // Orleans' optimistic concurrency: the table version moves on and the row is written in one transaction, or neither
    // happens (another silo moved the version first, or the row's etag or key did not match): false, and Orleans retries.
    private async Task<bool> WriteRowAsync(TableVersion tableVersion, Func<NpgsqlConnection, Task<int>> write)
    {
        ArgumentNullException.ThrowIfNull(tableVersion);
        await using var connection = await _database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (!await MoveVersionAsync(connection, tableVersion) || await write(connection) != 1)
        {
            return false;
        }
        await tx.CommitAsync();
        return true;
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.SiloAddress;
        await using var connection = await _database.OpenConnectionAsync();
        await ExecuteAsync(connection, "UPDATE cluster_silos SET i_am_alive_time = $5 WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4",
            _cluster, a.Endpoint.Address.ToString(), a.Endpoint.Port, a.Generation, Instant(entry.IAmAliveTime));
    }

    // The version and the rows in one snapshot: a repeatable-read transaction sees both as of the same instant.
    private async Task<MembershipTableData> ReadAsync(SiloAddress? key)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        TableVersion version;
        await using (var command = new NpgsqlCommand("SELECT version, etag FROM cluster_versions WHERE cluster_id = $1", connection))
        {
            command.Parameters.Add(new() { Value = _cluster });
            await using var reader = await command.ExecuteReaderAsync();
            version = await reader.ReadAsync() ? new TableVersion(reader.GetInt32(0), reader.GetString(1)) : new TableVersion(0, "");
        }
        var rows = new List<Tuple<MembershipEntry, string>>();
        var sql = "SELECT address, port, generation, silo_name, host_name, status, proxy_port, suspect_times, start_time, i_am_alive_time, etag FROM cluster_silos WHERE cluster_id = $1"
            + (key is null ? "" : " AND address = $2 AND port = $3 AND generation = $4");
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            command.Parameters.Add(new() { Value = _cluster });
            if (key is not null)
            {
                command.Parameters.Add(new() { Value = key.Endpoint.Address.ToString() });
                command.Parameters.Add(new() { Value = key.Endpoint.Port });
                command.Parameters.Add(new() { Value = key.Generation });
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var entry = new MembershipEntry
                {
                    SiloAddress = SiloAddress.New(IPAddress.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2)),
                    SiloName = reader.GetString(3),
                    HostName = reader.GetString(4),
                    Status = (SiloStatus)reader.GetInt32(5),
                    ProxyPort = reader.GetInt32(6),
                    SuspectTimes = ParseSuspectTimes(reader.GetString(7)),
                    StartTime = ParseInstant(reader.GetString(8)),
                    IAmAliveTime = ParseInstant(reader.GetString(9)),
                };
                rows.Add(Tuple.Create(entry, reader.GetString(10)));
            }
        }
        await tx.CommitAsync();
        return new MembershipTableData(rows, version);
    }

    // Compare-and-swap of the table version: only a writer that read the current etag moves it on.
    private async Task<bool> MoveVersionAsync(NpgsqlConnection connection, TableVersion next) =>
        await ExecuteAsync(connection, "UPDATE cluster_versions SET version = $2, etag = $3 WHERE cluster_id = $1 AND etag = $4",
            _cluster, next.Version, NewEtag(), next.VersionEtag) == 1;

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }
        return await command.ExecuteNonQueryAsync();
    }

    private static string NewEtag() => Guid.NewGuid().ToString("N");

    private static string Instant(DateTime at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTime ParseInstant(string at) => DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();

    // Each vote as "silo,instant", votes separated by "|": neither character occurs in a parsable silo address or an ISO instant.
    private static string SuspectTimes(MembershipEntry entry) =>
        string.Join('|', (entry.SuspectTimes ?? []).Select(s => s.Item1.ToParsableString() + "," + Instant(s.Item2)));

    private static List<Tuple<SiloAddress, DateTime>> ParseSuspectTimes(string text) =>
        [.. text.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(vote => vote.Split(','))
            .Select(parts => Tuple.Create(SiloAddress.FromParsableString(parts[0]), ParseInstant(parts[1])))];
}
