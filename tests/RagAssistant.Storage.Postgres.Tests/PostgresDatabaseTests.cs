using Npgsql;
using RagAssistant.Core.Storage;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Postgres.Tests;

public sealed class PostgresDatabaseTests
{
    [SkippableFact]
    public async Task FirstOpen_RunsEveryMigration_AndInstallsPgvector()
    {
        await using var database = new PostgresDatabase(await SharedPostgres.NewDatabaseAsync());

        await using var connection = await database.OpenAsync();

        Assert.Equal(PostgresDatabase.SchemaVersion, await ScalarAsync<int>(connection, "SELECT max(version) FROM schema_version"));
        Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_extension WHERE extname = 'vector'"));
    }

    [SkippableFact]
    public async Task InstancesStartingTogether_MigrateOnce()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(connectionString)).ToList();

        await Task.WhenAll(instances.Select(i => i.EnsureMigratedAsync()));

        await using var connection = await instances[0].OpenAsync();
        Assert.Equal((long)PostgresDatabase.SchemaVersion, await ScalarAsync<long>(connection, "SELECT count(*) FROM schema_version"));
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    [SkippableFact]
    public async Task NewerSchema_IsRefused_NamingTheDatabase()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        await using (var first = new PostgresDatabase(connectionString))
        await using (var connection = await first.OpenAsync())
        await using (var command = new NpgsqlCommand($"INSERT INTO schema_version (version) VALUES ({PostgresDatabase.SchemaVersion + 1})", connection))
            await command.ExecuteNonQueryAsync();

        await using var later = new PostgresDatabase(connectionString);
        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => later.EnsureMigratedAsync());

        Assert.Contains("newer than this program", error.Message);
        Assert.Contains(new NpgsqlConnectionStringBuilder(connectionString).Database!, error.Message);
    }

    [SkippableFact]
    public async Task MissingDatabase_IsAClearError_WithoutThePassword()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await SharedPostgres.NewDatabaseAsync())
        {
            Database = "no_such_kb",
            Password = "s3cret-pw",
        }.ConnectionString;
        await using var database = new PostgresDatabase(connectionString);

        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => database.EnsureMigratedAsync());

        Assert.Contains("no_such_kb", error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
    }

    [Fact]
    public void ConnectionStringThatIsNotOne_IsAClearError()
    {
        var error = Assert.Throws<KnowledgeBaseException>(() => new PostgresDatabase("Host=x;NoSuchKeyword=1"));

        Assert.Contains("Rag:Storage:ConnectionString", error.Message);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
