using Npgsql;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Runs a store's work on a pooled connection and turns driver failures into <see cref="Core.Storage.KnowledgeBaseException"/>s
/// that name the database (<see cref="PostgresDatabase.Translate"/>); the stores' own errors (an unknown conversation,
/// a bad rating) pass through unchanged.
/// </summary>
internal static class PostgresCalls
{
    public static async Task<T> RunAsync<T>(this PostgresDatabase database, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return await work(connection);
        }
        catch (NpgsqlException ex)
        {
            throw database.Translate(ex);
        }
    }
}
