using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Access;

namespace RagAssistant.Accounts;

/// <summary>
/// Creates the account tables in the knowledge base's database (<see cref="AccountsDatabase"/>) when they are missing (EF Core generates them from the
/// model, so they always match what Identity expects), brings tables of an older version up to date
/// (<see cref="AccountsMigrations"/>) and adds the three roles. Runs once per process. A PostgreSQL database starts from
/// the current model, so it never runs those SQLite-era steps.
/// </summary>
public sealed class AccountsSchema(
    AccountsDatabase database, IDbContextFactory<AccountsDbContext> contexts, IOptions<AccountsOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>The account tables' version this program writes (<c>account_schema.version</c>); restore refuses a newer one.</summary>
    public static int Version => AccountsMigrations.All.Count;
    private bool _ready;

    public Task EnsureAsync(CancellationToken ct = default) => EnsureAsync(addRoles: true, ct);

    /// <summary>
    /// Creates the tables (and brings them up to date) without adding the roles: for <c>rag migrate</c>, which copies the
    /// source's roles with their ids (the users' role rows point at those ids), so roles made here would stand in the way.
    /// </summary>
    public Task EnsureTablesAsync(CancellationToken ct = default) => EnsureAsync(addRoles: false, ct);

    private async Task EnsureAsync(bool addRoles, CancellationToken ct)
    {
        if (_ready) return;
        await _lock.WaitAsync(ct);
        try
        {
            if (_ready) return;
            await database.PrepareAsync(ct);
            await using var context = await contexts.CreateDbContextAsync(ct);
            // Check and create in one transaction that processes take in turn (SQLite: a write transaction; PostgreSQL: an
            // advisory lock): a second process starting on the same new database (the web app and the rag command, two
            // app instances) waits for the first, then finds the tables.
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            if (database.SerializeSchemaSql is { } serialize) await ScalarAsync(context, serialize, ct);
            var exists = Convert.ToInt64(await ScalarAsync(context, database.CountUserTablesSql, ct), CultureInfo.InvariantCulture) > 0;
            if (!exists) await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
            await MigrateAsync(context, fresh: !exists, ct);
            foreach (var role in addRoles ? Roles.All : [])
            {
                var normalized = role.ToUpperInvariant();
                if (!await context.Roles.AnyAsync(r => r.NormalizedName == normalized, ct))
                    context.Roles.Add(new IdentityRole(role) { NormalizedName = normalized });
            }
            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            _ready = addRoles;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Runs the migrations the file lacks, inside the caller's transaction; tables just created from the model lack none.</summary>
    private async Task MigrateAsync(AccountsDbContext context, bool fresh, CancellationToken ct)
    {
        await ScalarAsync(context, "CREATE TABLE IF NOT EXISTS account_schema (version INTEGER NOT NULL)", ct);
        // No row: tables just created (current), or tables from before migrations existed (version 0).
        var row = await ScalarAsync(context, "SELECT version FROM account_schema", ct);
        var version = row is null ? (int?)null : Convert.ToInt32(row, CultureInfo.InvariantCulture);
        if (version is null)
        {
            version = fresh ? AccountsMigrations.All.Count : 0;
            await ScalarAsync(context, $"INSERT INTO account_schema (version) VALUES ({version})", ct);
        }
        if (version >= AccountsMigrations.All.Count) return;
        var stored = new DateTimeOffsetToBinaryConverter(); // as AccountsDbContext stores every time
        var keyExpiry = stored.ConvertToProvider(clock.GetUtcNow().AddDays(options.Value.ApiKeyDays));
        for (var i = version.Value; i < AccountsMigrations.All.Count; i++)
            await ScalarAsync(context, AccountsMigrations.All[i] + $"\nUPDATE account_schema SET version = {i + 1};", ct,
                ("$api_key_expiry", keyExpiry));
    }

    private static async Task<object?> ScalarAsync(
        AccountsDbContext context, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteScalarAsync(ct);
    }
}
