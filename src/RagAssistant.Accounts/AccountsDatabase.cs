using Microsoft.EntityFrameworkCore;

namespace RagAssistant.Accounts;

/// <summary>
/// Where the account tables live, beside the knowledge base they guard: its SQLite file
/// (<see cref="SqliteAccountsDatabase"/>) or its PostgreSQL database (<see cref="PostgresAccountsDatabase"/>), chosen by
/// <c>Rag:Storage:Provider</c>. What differs between the two is only this: how EF Core connects, how the schema
/// creation finds the tables and keeps instances starting together apart, and where a generated first password goes.
/// </summary>
public abstract class AccountsDatabase
{
    /// <summary>Points EF Core at this database.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>Runs the knowledge base's own migrations first (they create and check the file or the database).</summary>
    public abstract Task PrepareAsync(CancellationToken ct);

    /// <summary>A scalar query counting Identity's user table (0: the account tables are still to be created).</summary>
    public abstract string CountUserTablesSql { get; }

    /// <summary>
    /// A statement run first in the schema transaction so that two processes creating the tables together take turns;
    /// null where beginning the transaction already does (SQLite's write transaction).
    /// </summary>
    public abstract string? SerializeSchemaSql { get; }

    /// <summary>The folder a generated first administrator password is written to; null where there is none (a database server).</summary>
    public abstract string? PasswordFolder { get; }
}
