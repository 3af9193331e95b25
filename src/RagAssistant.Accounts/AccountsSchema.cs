using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RagAssistant.Core.Access;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Accounts;

/// <summary>
/// Creates the account tables in the knowledge-base file when they are missing (EF Core generates them from the
/// model, so they always match what Identity expects) and the three roles. Runs once per process.
/// </summary>
public sealed class AccountsSchema(SqliteDatabase database, IDbContextFactory<AccountsDbContext> contexts)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _ready;

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        if (_ready) return;
        await _lock.WaitAsync(ct);
        try
        {
            if (_ready) return;
            // The knowledge base's own migrations first: they create the file, check it and switch it to WAL.
            using (database.Open()) { }
            await using var context = await contexts.CreateDbContextAsync(ct);
            // Check and create in one write transaction (Microsoft.Data.Sqlite begins IMMEDIATE): a second process starting
            // on the same new file (the web app and the rag command) waits for the first, then finds the tables.
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            bool exists;
            await using (var command = context.Database.GetDbConnection().CreateCommand())
            {
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
                exists = Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
            }
            if (!exists) await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
            foreach (var role in Roles.All)
            {
                var normalized = role.ToUpperInvariant();
                if (!await context.Roles.AnyAsync(r => r.NormalizedName == normalized, ct))
                    context.Roles.Add(new IdentityRole(role) { NormalizedName = normalized });
            }
            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            _ready = true;
        }
        finally
        {
            _lock.Release();
        }
    }
}
