using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Documents, chunks and original files in the PostgreSQL knowledge base, with the SQLite store's semantics: one
/// transaction per document write, taken under the write lock (<see cref="Sql.LockForWriteAsync"/>). Originals are kept
/// unless <see cref="PostgresStorageOptions.KeepOriginals"/> is off (no options: kept).
/// </summary>
public sealed partial class PostgresDocumentStore(PostgresDatabase database, ITextSegmenter segmenter, IOptions<PostgresStorageOptions>? options = null)
    : IDocumentStore
{
    private readonly bool _keepOriginals = options?.Value.KeepOriginals ?? true;
    private readonly VectorModels _models = new(database);

    public async Task OpenAsync(CancellationToken cancellationToken = default) =>
        await (await database.OpenAsync(cancellationToken)).DisposeAsync();

    public Task<StoredDocument?> FindBySourceAsync(string library, string source, CancellationToken cancellationToken = default) =>
        DocumentRows.FirstAsync(database, "l.name = @library AND d.source = @source ORDER BY d.id", cancellationToken, ("library", library), ("source", source));

    public Task<StoredDocument?> FindByContentAsync(string library, string sha256, CancellationToken cancellationToken = default) =>
        DocumentRows.FirstAsync(database, "l.name = @library AND d.sha256 = @sha ORDER BY d.id", cancellationToken, ("library", library), ("sha", sha256));

    public Task<StoredDocument?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        DocumentRows.FirstAsync(database, "d.id = @id", cancellationToken, ("id", id));

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string? library = null, CancellationToken cancellationToken = default) =>
        library is null
            ? DocumentRows.ListAsync(database, "TRUE ORDER BY d.id", cancellationToken)
            : DocumentRows.ListAsync(database, "l.name = @library ORDER BY d.id", cancellationToken, ("library", library));

    public async Task<IReadOnlyList<StoredChunk>> GetChunksAsync(long documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT id, document_id, ordinal, text, context, locator, page, token_count, model, boxes::text, dimension
            FROM chunks WHERE document_id = @id ORDER BY ordinal
            """, ("id", documentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chunks = new List<StoredChunk>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new StoredChunk(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8))
            {
                Boxes = StoreRows.Boxes(reader.GetString(9)),
                Dimension = reader.IsDBNull(10) ? null : reader.GetInt32(10),
            });
        }
        return chunks;
    }

    public async Task<IReadOnlyList<PageInfo>> GetPagesAsync(long documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "SELECT page, status, characters, error, rotation FROM pages WHERE document_id = @id ORDER BY page", ("id", documentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pages = new List<PageInfo>();
        while (await reader.ReadAsync(cancellationToken))
            pages.Add(new PageInfo(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            {
                Rotation = reader.GetInt32(4),
            });
        return pages;
    }

    public async Task<StoredDocument> SaveAsync(DocumentInfo document, IReadOnlyList<ChunkDraft> chunks, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Everything that takes time (word segmentation, JSON) is done before the write lock is taken, as on SQLite.
        var prepared = chunks.Select(Prepare).ToList();
        await _models.EnsureAsync(chunks.Where(c => c.Vector is not null).Select(c => (c.Vector!.Model, c.Vector.Dimension)), cancellationToken);
        long documentId;
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Sql.LockForWriteAsync(connection, transaction, cancellationToken);
            var libraryId = await EnsureLibraryAsync(connection, transaction, document.Library, cancellationToken);
            var previous = await FindIdentityGroupAsync(connection, transaction, libraryId, document.Source, cancellationToken);
            documentId = previous?.Id is { } existingId
                ? await UpdateDocumentAsync(connection, transaction, existingId, document, cancellationToken)
                : await InsertDocumentAsync(connection, transaction, libraryId, document, cancellationToken);
            if (previous is not null)
                await Sql.ExecuteAsync(connection, transaction, "DELETE FROM chunks WHERE document_id = @id", cancellationToken, ("id", documentId));
            await InsertChunksAsync(connection, transaction, documentId, prepared, cancellationToken);
            await ReplacePagesAsync(connection, transaction, documentId, document.PageDetails, cancellationToken);
            await ReplaceOriginalAsync(connection, transaction, documentId, _keepOriginals ? document.Content : null, cancellationToken);

            var key = IdentityKeys.Of(document.Revision.Identity);
            await RevisionGroup.RemarkAsync(connection, transaction, libraryId, document.Kind, key, cancellationToken);
            if (previous is not null && (previous.Kind, previous.Key) != (document.Kind, key))
                await RevisionGroup.RemarkAsync(connection, transaction, libraryId, previous.Kind, previous.Key, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
        return (await GetAsync(documentId, cancellationToken))!;
    }

    public async Task<byte[]?> OpenOriginalAsync(long documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync(connection, null, "SELECT content FROM document_files WHERE document_id = @id", cancellationToken, ("id", documentId)) as byte[];
    }

    public async Task<bool> AttachOriginalAsync(long documentId, byte[] content, CancellationToken cancellationToken = default)
    {
        if (!_keepOriginals) return false;
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Sql.LockForWriteAsync(connection, transaction, cancellationToken);
            if (await Sql.ScalarAsync(connection, transaction, "SELECT sha256 FROM documents WHERE id = @id", cancellationToken, ("id", documentId)) is not string sha
                || sha != Convert.ToHexStringLower(SHA256.HashData(content)))
                return false;
            await ReplaceOriginalAsync(connection, transaction, documentId, content, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Sql.LockForWriteAsync(connection, transaction, cancellationToken);
            var group = await ReadGroupAsync(connection, transaction, "id = @id", cancellationToken, ("id", id));
            if (group is null) return false;
            // Chunks, their keyword rows, pages and the original go with the document (ON DELETE CASCADE).
            await Sql.ExecuteAsync(connection, transaction, "DELETE FROM documents WHERE id = @id", cancellationToken, ("id", id));
            await RevisionGroup.RemarkAsync(connection, transaction, group.LibraryId, group.Kind, group.Key, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }

    private sealed record IdentityGroup(long Id, long LibraryId, string Kind, string? Key);

    private static Task<IdentityGroup?> FindIdentityGroupAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long libraryId, string source, CancellationToken cancellationToken) =>
        ReadGroupAsync(connection, transaction, "library_id = @library AND source = @source", cancellationToken, ("library", libraryId), ("source", source));

    private static async Task<IdentityGroup?> ReadGroupAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string where,
        CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Sql.Command(connection, transaction, $"SELECT id, library_id, kind, identity_key FROM documents WHERE {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IdentityGroup(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }

    private static async Task<long> EnsureLibraryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, "INSERT INTO libraries (name, created_at) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING",
            cancellationToken, ("name", name), ("now", DateTimeOffset.UtcNow));
        return (long)(await Sql.ScalarAsync(connection, transaction, "SELECT id FROM libraries WHERE name = @name", cancellationToken, ("name", name)))!;
    }

    private static async Task<long> InsertDocumentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long libraryId, DocumentInfo d, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO documents (library_id, source, file_name, title, kind, identity, identity_key, revision,
                effective_date, revision_year, sha256, size, pages, content_type, status, warnings, created_at, updated_at)
            VALUES (@library, @source, @file, @title, @kind, @identity, @key, @revision,
                @date, @year, @sha, @size, @pages, @type, @status, @warnings, @now, @now)
            RETURNING id
            """, ("library", libraryId), ("source", d.Source));
        AddDocumentValues(command, d);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> UpdateDocumentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, DocumentInfo d, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            UPDATE documents SET file_name = @file, title = @title, kind = @kind, identity = @identity,
                identity_key = @key, revision = @revision, effective_date = @date, revision_year = @year,
                sha256 = @sha, size = @size, pages = @pages, content_type = @type, status = @status,
                error = NULL, warnings = @warnings, updated_at = @now
            WHERE id = @id
            """, ("id", id));
        AddDocumentValues(command, d);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    private static void AddDocumentValues(NpgsqlCommand command, DocumentInfo d)
    {
        var p = command.Parameters;
        p.Add(new NpgsqlParameter("file", d.FileName));
        p.Add(new NpgsqlParameter("title", d.Title));
        p.Add(new NpgsqlParameter("kind", d.Kind));
        p.Add(new NpgsqlParameter("identity", NpgsqlDbType.Text) { Value = (object?)d.Revision.Identity ?? DBNull.Value });
        p.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = (object?)IdentityKeys.Of(d.Revision.Identity) ?? DBNull.Value });
        p.Add(new NpgsqlParameter("revision", NpgsqlDbType.Text) { Value = (object?)d.Revision.Display ?? DBNull.Value });
        p.Add(new NpgsqlParameter("date", NpgsqlDbType.Date) { Value = (object?)d.Revision.EffectiveDate ?? DBNull.Value });
        p.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = (object?)d.Revision.Year ?? DBNull.Value });
        p.Add(new NpgsqlParameter("sha", d.Sha256));
        p.Add(new NpgsqlParameter("size", d.Size));
        p.Add(new NpgsqlParameter("pages", NpgsqlDbType.Integer) { Value = (object?)d.Pages ?? DBNull.Value });
        p.Add(new NpgsqlParameter("type", d.ContentType));
        p.Add(new NpgsqlParameter("status", d.Status));
        p.Add(new NpgsqlParameter("warnings", NpgsqlDbType.Jsonb) { Value = IngestNotesJson.Write(d.Warnings) });
        p.Add(new NpgsqlParameter("now", DateTimeOffset.UtcNow));
    }

    /// <summary>A chunk's row values and its keyword-index rows, made outside the transaction.</summary>
    private sealed record PreparedChunk(ChunkDraft Chunk, string Boxes, string Language, ChunkTermRows Terms);

    private PreparedChunk Prepare(ChunkDraft chunk) => new(
        chunk,
        BoxesJson.Write(chunk.Boxes),
        ChunkLanguage.Of(chunk.Text),
        ChunkTermRows.Of(segmenter.Segment(chunk.Context), segmenter.Segment(chunk.Text)));

    private static async Task InsertChunksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId,
        IReadOnlyList<PreparedChunk> chunks, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0) return;
        // One round trip for all the inserts; each returns its id for the keyword rows.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var prepared in chunks)
        {
            var chunk = prepared.Chunk;
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO chunks (document_id, ordinal, text, context, locator, page, token_count, boxes, vector, model, dimension, language, term_count)
                VALUES (@doc, @ordinal, @text, @context, @locator, @page, @tokens, @boxes, @vector, @model, @dimension, @language, @terms) RETURNING id
                """);
            var p = insert.Parameters;
            p.Add(new NpgsqlParameter("doc", documentId));
            p.Add(new NpgsqlParameter("ordinal", chunk.Ordinal));
            p.Add(new NpgsqlParameter("text", chunk.Text));
            p.Add(new NpgsqlParameter("context", chunk.Context));
            p.Add(new NpgsqlParameter("locator", chunk.Locator));
            p.Add(new NpgsqlParameter("page", NpgsqlDbType.Integer) { Value = (object?)chunk.Page ?? DBNull.Value });
            p.Add(new NpgsqlParameter("tokens", chunk.TokenCount));
            p.Add(new NpgsqlParameter("boxes", NpgsqlDbType.Jsonb) { Value = prepared.Boxes });
            p.Add(new NpgsqlParameter { ParameterName = "vector", DataTypeName = "vector", Value = chunk.Vector is { } v ? new Vector(v.Values) : DBNull.Value });
            p.Add(new NpgsqlParameter("model", NpgsqlDbType.Text) { Value = (object?)chunk.Vector?.Model ?? DBNull.Value });
            p.Add(new NpgsqlParameter("dimension", NpgsqlDbType.Integer) { Value = (object?)chunk.Vector?.Dimension ?? DBNull.Value });
            p.Add(new NpgsqlParameter("language", prepared.Language));
            p.Add(new NpgsqlParameter("terms", prepared.Terms.TermCount));
            batch.BatchCommands.Add(insert);
        }
        var ids = new List<long>(chunks.Count);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        await ChunkTermRows.CopyAsync(connection, ids.Select((id, i) => (id, chunks[i].Terms)).ToList(), cancellationToken);
    }

    private static async Task ReplacePagesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId, IReadOnlyList<PageInfo> pages, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, "DELETE FROM pages WHERE document_id = @id", cancellationToken, ("id", documentId));
        foreach (var page in pages)
            await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO pages (document_id, page, status, characters, error, rotation) VALUES (@doc, @page, @status, @chars, @error, @rotation)",
                cancellationToken, ("doc", documentId), ("page", page.Number), ("status", page.Status), ("chars", page.Characters),
                ("error", page.Error), ("rotation", page.Rotation));
    }

    /// <summary>The document's original: the new bytes, or none (a replaced document never keeps its old file).</summary>
    private static async Task ReplaceOriginalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId, byte[]? content, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, "DELETE FROM document_files WHERE document_id = @id", cancellationToken, ("id", documentId));
        if (content is null) return;
        await Sql.ExecuteAsync(connection, transaction, "INSERT INTO document_files (document_id, content) VALUES (@id, @content)",
            cancellationToken, ("id", documentId), ("content", content));
    }
}
