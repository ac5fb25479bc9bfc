using Npgsql;

namespace Quartermaster.Testing;

/// <summary>
/// The PostgreSQL server of this test run as an xunit class fixture: every test class and every test assembly of
/// the run shares one cluster (<see cref="PostgresCluster"/>), and each store gets a database of its own.
/// Two roles per the deployment: <c>qm_owner</c> owns the databases and runs migrations; <c>qm_service</c> serves
/// requests, owns nothing and cannot bypass RLS. Missing binaries FAIL the tests with the install command.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly PostgresCluster _cluster = PostgresCluster.Acquire();

    public int Port => _cluster.Port;

    /// <summary>A new empty database owned by qm_owner: the service and owner connection strings.</summary>
    public (string Service, string Owner) CreateDatabase()
    {
        var name = _cluster.NewDatabaseName();
        using (var connection = new NpgsqlConnection(ConnectionString("postgres", "postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} OWNER qm_owner", connection);
            command.ExecuteNonQuery();
        }
        return (ConnectionString("qm_service", name), ConnectionString("qm_owner", name));
    }

    /// <summary>A superuser connection string to <paramref name="database"/>, for tampering in tests.</summary>
    public string Superuser(string database) => ConnectionString("postgres", database);

    public string ConnectionString(string user, string database) =>
        $"Host=127.0.0.1;Port={Port};Username={user};Database={database};Pooling=true;Maximum Pool Size=50;Timeout=30";

    /// <summary>Nothing to stop: the cluster is released when the test process exits.</summary>
    public void Dispose()
    {
    }
}
