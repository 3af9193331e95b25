using Microsoft.EntityFrameworkCore;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Accounts;

/// <summary>The account tables in the knowledge-base file itself: one file holds a plant's knowledge base and who may read it.</summary>
public sealed class SqliteAccountsDatabase(SqliteDatabase database) : AccountsDatabase
{
    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite($"Data Source={database.DatabasePath};Default Timeout=30");

    public override Task PrepareAsync(CancellationToken ct)
    {
        // The knowledge base's own migrations: they create the file, check it and switch it to WAL.
        using (database.Open()) { }
        return Task.CompletedTask;
    }

    public override string CountUserTablesSql => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";

    // Microsoft.Data.Sqlite begins IMMEDIATE: the second process waits for the first's transaction, then finds the tables.
    public override string? SerializeSchemaSql => null;

    public override string? PasswordFolder => Path.GetDirectoryName(database.DatabasePath);
}
