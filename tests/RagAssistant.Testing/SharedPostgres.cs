using Npgsql;

namespace RagAssistant.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test process, started on first use and stopped when the process
/// exits, handing each test a fresh empty database: tests stay independent without paying initdb (about 2 s) each.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<PostgresCluster> Cluster = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    private static PostgresCluster Start()
    {
        var cluster = new PostgresCluster();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    /// <summary>Skips the calling test (SkippableFact) with the reason when no cluster can start here.</summary>
    public static void SkipUnlessAvailable() => Skip.If(PostgresCluster.Unavailable is not null, PostgresCluster.Unavailable);

    /// <summary>Creates an empty database on the shared cluster and returns its connection string.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        SkipUnlessAvailable();
        var server = Cluster.Value.ConnectionString;
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
