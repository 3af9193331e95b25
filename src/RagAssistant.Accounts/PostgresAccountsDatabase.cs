using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RagAssistant.Storage.Postgres;

namespace RagAssistant.Accounts;

/// <summary>
/// The account tables in the PostgreSQL knowledge base's database (same connection string), so every app instance on
/// that database knows the same users, grants and keys, and one instance's audit lines are everyone's.
/// </summary>
public sealed class PostgresAccountsDatabase(PostgresDatabase database, IOptions<PostgresStorageOptions> options) : AccountsDatabase
{
    // Any fixed number, the same for every instance; not the knowledge base's migration lock (0x5241475F4B42).
    private const long SchemaLockKey = 0x5241475F4143; // "RAG_AC"

    public override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(options.Value.ConnectionString);

    // Also the first clear error (naming the database) when the server cannot be reached or refuses us.
    public override Task PrepareAsync(CancellationToken ct) => database.EnsureMigratedAsync(ct);

    public override string CountUserTablesSql =>
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'AspNetUsers'";

    // Held until the schema transaction ends: an instance starting beside another waits, then finds the tables made.
    public override string? SerializeSchemaSql => $"SELECT pg_advisory_xact_lock({SchemaLockKey})";

    // A database server has no folder of ours beside it, and a file on one instance's disk would be lost to the others.
    public override string? PasswordFolder => null;
}
