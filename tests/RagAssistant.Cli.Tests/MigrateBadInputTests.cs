using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RagAssistant.Core.Storage;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// <c>rag migrate</c> refuses bad input with one line naming the flag or file and the reason (exit 1; a missing flag is
/// bad usage, exit 2), and writes nothing to a target it refuses. <c>Rag:Storage:Provider</c> plays no part.
/// </summary>
public sealed class MigrateBadInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A knowledge-base file of the current schema holding one document of its own.</summary>
    private async Task<string> KnowledgeBaseAsync(string name)
    {
        var db = _temp.File(name);
        var services = MigrationStores.Sqlite(db);
        await services.GetRequiredService<IDocumentStore>().SaveAsync(StoreSamples.Doc($"{name}.md", sha: name), StoreSamples.Embedded("m3", "alpha beta", "gamma"));
        await MigrationStores.CloseAsync(services);
        return db;
    }

    private Task<RagResult> MigrateAsync(string from, string to, IReadOnlyDictionary<string, string>? env = null) =>
        RagProcess.RunAsync(["migrate", "--from", from, "--to", to], _temp.Path, env);

    private static string OneLine(RagResult result)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        return Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("rag: ", StringComparison.Ordinal));
    }

    private static async Task<bool> HasTableAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task MissingFile_NamesFromAndTheFile()
    {
        var line = OneLine(await MigrateAsync(_temp.File("nope.db"), "Host=localhost;Database=x"));
        Assert.Contains("--from", line);
        Assert.Contains("nope.db: no such file", line);
    }

    [Fact]
    public async Task NotSqlite_IsRefused()
    {
        var file = _temp.WriteText("notes.db", "just some text, long enough to fill a header");
        var line = OneLine(await MigrateAsync(file, "Host=localhost;Database=x"));
        Assert.Contains("notes.db is not a SQLite database", line);
    }

    [Fact]
    public async Task SqliteButNotKnowledgeBase_IsRefused()
    {
        var file = _temp.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE inventory (id INTEGER PRIMARY KEY, part TEXT)";
            command.ExecuteNonQuery();
        }
        var line = OneLine(await MigrateAsync(file, "Host=localhost;Database=x"));
        Assert.Contains("not a RagAssistant knowledge base", line);
    }

    [Fact]
    public async Task OlderSchema_SaysToOpenItWithThisVersionFirst()
    {
        var file = await KnowledgeBaseAsync("old.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SqliteDatabase.SchemaVersion - 1}";
            command.ExecuteNonQuery();
        }
        var line = OneLine(await MigrateAsync(file, "Host=localhost;Database=x"));
        Assert.Contains($"older than this program's {SqliteDatabase.SchemaVersion}", line);
        Assert.Contains("rag docs list --db", line);
    }

    [Fact]
    public async Task BadConnectionString_NamesTo()
    {
        var file = await KnowledgeBaseAsync("kb.db");
        var line = OneLine(await MigrateAsync(file, "this is not a connection string"));
        Assert.Contains("--to is not a PostgreSQL connection string", line);
    }

    [Fact]
    public async Task UnreachableServer_NamesToAndTheServer()
    {
        var file = await KnowledgeBaseAsync("kb.db");
        var line = OneLine(await MigrateAsync(file, "Host=127.0.0.1;Port=1;Database=kb;Username=rag;Password=secret;Timeout=5"));
        Assert.Contains("--to: cannot reach PostgreSQL database kb on 127.0.0.1:1", line);
        Assert.DoesNotContain("secret", line);
    }

    [Fact]
    public async Task MissingTo_IsBadUsage()
    {
        var file = await KnowledgeBaseAsync("kb.db");
        var result = await RagProcess.RunAsync(["migrate", "--from", file], _temp.Path);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--to", result.Stderr);
    }

    [SkippableFact]
    public async Task TargetMigratedFromAnotherFile_IsRefusedAndLeftAlone()
    {
        var target = await SharedPostgres.NewDatabaseAsync();
        var first = await KnowledgeBaseAsync("first.db");
        var second = await KnowledgeBaseAsync("second.db");
        Assert.Equal(0, (await MigrateAsync(first, target)).ExitCode);

        var line = OneLine(await MigrateAsync(second, target));

        Assert.Contains("--to", line);
        Assert.Contains("first.db", line);
        var services = MigrationStores.Postgres(target);
        var documents = await services.GetRequiredService<IDocumentStore>().ListAsync();
        await MigrationStores.CloseAsync(services);
        Assert.Equal("first.db.md", Assert.Single(documents).Source);
    }

    [SkippableFact]
    public async Task TargetHoldingItsOwnKnowledgeBase_IsRefusedAndNothingWritten()
    {
        var target = await SharedPostgres.NewDatabaseAsync();
        var services = MigrationStores.Postgres(target);
        await services.GetRequiredService<IDocumentStore>().SaveAsync(StoreSamples.Doc("own.md"), StoreSamples.Chunks("its own text"));
        await MigrationStores.CloseAsync(services);
        var file = await KnowledgeBaseAsync("kb.db");

        var line = OneLine(await MigrateAsync(file, target));

        Assert.Contains("already holds a knowledge base", line);
        Assert.False(await HasTableAsync(target, "migrated_from"));
        Assert.False(await HasTableAsync(target, "\"AspNetUsers\""));
    }

    [SkippableFact]
    public async Task CountsThatDiffer_FailLoudly_WithTheTable()
    {
        var target = await SharedPostgres.NewDatabaseAsync();
        var file = await KnowledgeBaseAsync("kb.db");
        var services = MigrationStores.Sqlite(file);
        var documents = services.GetRequiredService<IDocumentStore>();
        var extra = await documents.SaveAsync(StoreSamples.Doc("later.md", sha: "later"), StoreSamples.Chunks("delta"));
        await MigrationStores.CloseAsync(services);
        Assert.Equal(0, (await MigrateAsync(file, target)).ExitCode);
        // Deleted from the file after it was copied: the database keeps a document the file no longer has.
        services = MigrationStores.Sqlite(file);
        await services.GetRequiredService<IDocumentStore>().DeleteAsync(extra.Id);
        await MigrationStores.CloseAsync(services);

        var result = await RagProcess.RunAsync(["migrate", "--from", file, "--to", target, "--json"], _temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = Rag.ParseSingleDocument(result);
        Assert.False(report.GetProperty("countsMatch").GetBoolean());
        var documentsRow = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "documents");
        Assert.Equal((1, 2), (documentsRow.GetProperty("source").GetInt64(), documentsRow.GetProperty("target").GetInt64()));
        Assert.Contains("rag: row counts differ after the copy (documents: 1 in the file, 2 in the database", result.Stderr);
    }

    [SkippableFact]
    public async Task StorageProviderSetting_PlaysNoPart()
    {
        var target = await SharedPostgres.NewDatabaseAsync();
        var configured = await SharedPostgres.NewDatabaseAsync();
        var file = await KnowledgeBaseAsync("kb.db");
        var env = new Dictionary<string, string>
        {
            ["Rag__Storage__Provider"] = "postgres",
            ["Rag__Storage__ConnectionString"] = configured,
        };

        var result = await MigrateAsync(file, target, env);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(await HasTableAsync(target, "migrated_from"));
        Assert.False(await HasTableAsync(configured, "schema_version"));
    }
}
