using Npgsql;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres;

/// <summary>Reads documents with their library name, chunk count and whether their original is kept.</summary>
internal static class DocumentRows
{
    // jsonb is read as text: the same JSON text the SQLite store reads.
    private const string Select = $"SELECT {StoreRows.DocumentColumns} FROM documents d JOIN libraries l ON l.id = d.library_id";

    public static async Task<StoredDocument?> FirstAsync(PostgresDatabase database, string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        (await ListAsync(database, where + " LIMIT 1", cancellationToken, parameters)).FirstOrDefault();

    public static async Task<IReadOnlyList<StoredDocument>> ListAsync(PostgresDatabase database, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = Sql.Command(connection, null, $"{Select} WHERE {where}", parameters);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var documents = new List<StoredDocument>();
            while (await r.ReadAsync(cancellationToken)) documents.Add(StoreRows.Document(r));
            return documents;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }
}
