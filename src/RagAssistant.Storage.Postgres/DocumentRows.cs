using Npgsql;
using RagAssistant.Core.Documents;

namespace RagAssistant.Storage.Postgres;

/// <summary>Reads documents with their library name, chunk count and whether their original is kept.</summary>
internal static class DocumentRows
{
    private const string Select = """
        SELECT d.id, l.name, d.source, d.file_name, d.title, d.kind, d.identity, d.revision, d.effective_date,
            d.revision_year, d.superseded, d.sha256, d.size, d.pages, d.content_type, d.status, d.error, d.warnings::text,
            d.created_at, d.updated_at, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)::int,
            EXISTS (SELECT 1 FROM document_files f WHERE f.document_id = d.id)
        FROM documents d JOIN libraries l ON l.id = d.library_id
        """;

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
            while (await r.ReadAsync(cancellationToken))
            {
                documents.Add(new StoredDocument
                {
                    Id = r.GetInt64(0),
                    Library = r.GetString(1),
                    Source = r.GetString(2),
                    FileName = r.GetString(3),
                    Title = r.GetString(4),
                    Kind = r.GetString(5),
                    Identity = r.IsDBNull(6) ? null : r.GetString(6),
                    Revision = r.IsDBNull(7) ? null : r.GetString(7),
                    EffectiveDate = r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
                    RevisionYear = r.IsDBNull(9) ? null : r.GetInt32(9),
                    Superseded = r.GetBoolean(10),
                    Sha256 = r.GetString(11),
                    Size = r.GetInt64(12),
                    Pages = r.IsDBNull(13) ? null : r.GetInt32(13),
                    ContentType = r.GetString(14),
                    Status = r.GetString(15),
                    Error = r.IsDBNull(16) ? null : r.GetString(16),
                    Warnings = IngestNotesJson.Read(r.GetString(17)),
                    CreatedAt = r.GetFieldValue<DateTimeOffset>(18),
                    UpdatedAt = r.GetFieldValue<DateTimeOffset>(19),
                    Chunks = r.GetInt32(20),
                    HasOriginal = r.GetBoolean(21),
                });
            }
            return documents;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }
}
