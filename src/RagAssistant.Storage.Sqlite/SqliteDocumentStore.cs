using System.Globalization;
using System.Text.Json;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Documents, chunks and original files in the SQLite knowledge base; one transaction per document write.
/// Originals are kept unless <see cref="SqliteStorageOptions.KeepOriginals"/> is off (no options: kept).
/// </summary>
public sealed partial class SqliteDocumentStore(SqliteDatabase database, ITextSegmenter segmenter, IOptions<SqliteStorageOptions>? options = null)
    : IDocumentStore
{
    private readonly bool _keepOriginals = options?.Value.KeepOriginals ?? true;

    private const string DocumentColumns = StoreRows.DocumentColumns;

    private static readonly JsonSerializerOptions BoxJson = new(JsonSerializerDefaults.Web);

    public Task OpenAsync(CancellationToken cancellationToken = default)
    {
        database.Open().Dispose();
        return Task.CompletedTask;
    }

    public Task<StoredDocument?> FindBySourceAsync(string library, string source, CancellationToken cancellationToken = default) =>
        Task.FromResult(QuerySingle(
            "l.name = $library AND d.source = $source",
            ("$library", library), ("$source", source)));

    public Task<StoredDocument?> FindByContentAsync(string library, string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(QuerySingle(
            "l.name = $library AND d.sha256 = $sha ORDER BY d.id",
            ("$library", library), ("$sha", sha256)));

    public Task<StoredDocument?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(QuerySingle("d.id = $id", ("$id", id)));

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string? library = null, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {DocumentColumns} FROM documents d JOIN libraries l ON l.id = d.library_id
            WHERE $library IS NULL OR l.name = $library ORDER BY d.id
            """;
        command.Parameters.AddWithValue("$library", (object?)library ?? DBNull.Value);
        return Task.FromResult<IReadOnlyList<StoredDocument>>(ReadDocuments(command));
    }

    public Task<IReadOnlyList<StoredChunk>> GetChunksAsync(long documentId, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, document_id, ordinal, text, context, locator, page, token_count, model, boxes, dimension
            FROM chunks WHERE document_id = $id ORDER BY ordinal
            """;
        command.Parameters.AddWithValue("$id", documentId);
        using var reader = command.ExecuteReader();
        var chunks = new List<StoredChunk>();
        while (reader.Read())
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
        return Task.FromResult<IReadOnlyList<StoredChunk>>(chunks);
    }

    public Task<IReadOnlyList<PageInfo>> GetPagesAsync(long documentId, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT page, status, characters, error, rotation FROM pages WHERE document_id = $id ORDER BY page";
        command.Parameters.AddWithValue("$id", documentId);
        using var reader = command.ExecuteReader();
        var pages = new List<PageInfo>();
        while (reader.Read())
            pages.Add(new PageInfo(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            {
                Rotation = reader.GetInt32(4),
            });
        return Task.FromResult<IReadOnlyList<PageInfo>>(pages);
    }

    public Task<StoredDocument> SaveAsync(DocumentInfo document, IReadOnlyList<ChunkDraft> chunks, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Everything that takes time (word segmentation, vector blobs, JSON) is done before the write lock is taken:
        // sign-ins, API-key use and conversation turns wait for the transaction, so it holds only the inserts.
        var prepared = chunks.Select(Prepare).ToList();
        using var connection = database.Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var libraryId = EnsureLibrary(connection, document.Library);
            var previous = FindIdentityGroup(connection, libraryId, document.Source);
            var documentId = previous?.Id is { } existingId
                ? UpdateDocument(connection, existingId, document)
                : InsertDocument(connection, libraryId, document);
            if (previous is not null) DeleteChunks(connection, documentId);
            RecordSegmentation(connection, segmenter.Signature);
            InsertChunks(connection, documentId, prepared);
            ReplacePages(connection, documentId, document.PageDetails);
            ReplaceOriginal(connection, documentId, _keepOriginals ? document.Content : null);

            RemarkSuperseded(connection, libraryId, document.Kind, IdentityKey(document.Revision.Identity));
            if (previous is not null && (previous.Kind, previous.Key) != (document.Kind, IdentityKey(document.Revision.Identity)))
                RemarkSuperseded(connection, libraryId, previous.Kind, previous.Key);

            TestFaults.HangBeforeCommitIfRequested(document.Source);
            transaction.Commit();
            return Task.FromResult(QuerySingle("d.id = $id", ("$id", documentId))!);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    public Task<byte[]?> OpenOriginalAsync(long documentId, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM document_files WHERE document_id = $id";
        command.Parameters.AddWithValue("$id", documentId);
        return Task.FromResult(command.ExecuteScalar() as byte[]);
    }

    public Task<bool> AttachOriginalAsync(long documentId, byte[] content, CancellationToken cancellationToken = default)
    {
        if (!_keepOriginals) return Task.FromResult(false);
        using var connection = database.Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var find = connection.CreateCommand();
            find.CommandText = "SELECT sha256 FROM documents WHERE id = $id";
            find.Parameters.AddWithValue("$id", documentId);
            if (find.ExecuteScalar() is not string sha || sha != Convert.ToHexStringLower(SHA256.HashData(content)))
                return Task.FromResult(false);
            ReplaceOriginal(connection, documentId, content);
            transaction.Commit();
            return Task.FromResult(true);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var find = connection.CreateCommand();
            find.CommandText = "SELECT library_id, kind, identity_key FROM documents WHERE id = $id";
            find.Parameters.AddWithValue("$id", id);
            using var reader = find.ExecuteReader();
            if (!reader.Read()) return Task.FromResult(false);
            var (libraryId, kind, key) = (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            reader.Close();

            DeleteChunks(connection, id);
            Execute(connection, "DELETE FROM documents WHERE id = $id", ("$id", id));
            RemarkSuperseded(connection, libraryId, kind, key);
            transaction.Commit();
            return Task.FromResult(true);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    /// <summary>Normalised identity used to group revisions (<see cref="IdentityKeys"/>).</summary>
    internal static string? IdentityKey(string? identity) => IdentityKeys.Of(identity);

    private sealed record IdentityGroup(long Id, string Kind, string? Key);

    private static IdentityGroup? FindIdentityGroup(SqliteConnection connection, long libraryId, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, identity_key FROM documents WHERE library_id = $library AND source = $source";
        command.Parameters.AddWithValue("$library", libraryId);
        command.Parameters.AddWithValue("$source", source);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new IdentityGroup(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)) : null;
    }

    private static long EnsureLibrary(SqliteConnection connection, string name)
    {
        Execute(connection, "INSERT OR IGNORE INTO libraries (name, created_at) VALUES ($name, $now)", ("$name", name), ("$now", Now()));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM libraries WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()!;
    }

    private static long InsertDocument(SqliteConnection connection, long libraryId, DocumentInfo d)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO documents (library_id, source, file_name, title, kind, identity, identity_key, revision,
                effective_date, revision_year, sha256, size, pages, content_type, status, warnings, created_at, updated_at)
            VALUES ($library, $source, $file, $title, $kind, $identity, $key, $revision,
                $date, $year, $sha, $size, $pages, $type, $status, $warnings, $now, $now)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$library", libraryId);
        command.Parameters.AddWithValue("$source", d.Source);
        AddDocumentValues(command, d);
        return (long)command.ExecuteScalar()!;
    }

    private static long UpdateDocument(SqliteConnection connection, long id, DocumentInfo d)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE documents SET file_name = $file, title = $title, kind = $kind, identity = $identity,
                identity_key = $key, revision = $revision, effective_date = $date, revision_year = $year,
                sha256 = $sha, size = $size, pages = $pages, content_type = $type, status = $status,
                error = NULL, warnings = $warnings, updated_at = $now
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        AddDocumentValues(command, d);
        command.ExecuteNonQuery();
        return id;
    }

    private static void AddDocumentValues(SqliteCommand command, DocumentInfo d)
    {
        var p = command.Parameters;
        p.AddWithValue("$file", d.FileName);
        p.AddWithValue("$title", d.Title);
        p.AddWithValue("$kind", d.Kind);
        p.AddWithValue("$identity", (object?)d.Revision.Identity ?? DBNull.Value);
        p.AddWithValue("$key", (object?)IdentityKey(d.Revision.Identity) ?? DBNull.Value);
        p.AddWithValue("$revision", (object?)d.Revision.Display ?? DBNull.Value);
        p.AddWithValue("$date", (object?)d.Revision.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
        p.AddWithValue("$year", (object?)d.Revision.Year ?? DBNull.Value);
        p.AddWithValue("$sha", d.Sha256);
        p.AddWithValue("$size", d.Size);
        p.AddWithValue("$pages", (object?)d.Pages ?? DBNull.Value);
        p.AddWithValue("$type", d.ContentType);
        p.AddWithValue("$status", d.Status);
        p.AddWithValue("$warnings", IngestNotesJson.Write(d.Warnings));
        p.AddWithValue("$now", Now());
    }

    /// <summary>A chunk's row values and its keyword-index text, made outside the transaction.</summary>
    private sealed record PreparedChunk(ChunkDraft Chunk, string Boxes, byte[]? Vector, string Language, string SegmentedContext, string SegmentedText);

    private PreparedChunk Prepare(ChunkDraft chunk) => new(
        chunk,
        JsonSerializer.Serialize(chunk.Boxes, BoxJson),
        chunk.Vector is { } v ? VectorBlob.ToBytes(v.Values.Span) : null,
        ChunkLanguage.Of(chunk.Text),
        segmenter.Segment(chunk.Context),
        segmenter.Segment(chunk.Text));

    /// <summary>
    /// Chunks written into a knowledge base that holds none record the segmentation its keyword index is now built with;
    /// later writes keep it, so one indexed by an older program stays marked with the older one (or none) until rebuilt.
    /// </summary>
    private static void RecordSegmentation(SqliteConnection connection, string signature) =>
        Execute(connection, "INSERT OR REPLACE INTO keyword_index (id, segmentation) SELECT 1, $signature WHERE NOT EXISTS (SELECT 1 FROM chunks)",
            ("$signature", signature));

    private static void InsertChunks(SqliteConnection connection, long documentId, IReadOnlyList<PreparedChunk> chunks)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO chunks (document_id, ordinal, text, context, locator, page, token_count, boxes, vector, model, dimension, language)
            VALUES ($doc, $ordinal, $text, $context, $locator, $page, $tokens, $boxes, $vector, $model, $dimension, $language) RETURNING id
            """;
        var pDoc = insert.Parameters.Add("$doc", SqliteType.Integer);
        var pOrdinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
        var pText = insert.Parameters.Add("$text", SqliteType.Text);
        var pContext = insert.Parameters.Add("$context", SqliteType.Text);
        var pLocator = insert.Parameters.Add("$locator", SqliteType.Text);
        var pPage = insert.Parameters.Add("$page", SqliteType.Integer);
        var pTokens = insert.Parameters.Add("$tokens", SqliteType.Integer);
        var pBoxes = insert.Parameters.Add("$boxes", SqliteType.Text);
        var pVector = insert.Parameters.Add("$vector", SqliteType.Blob);
        var pModel = insert.Parameters.Add("$model", SqliteType.Text);
        var pDimension = insert.Parameters.Add("$dimension", SqliteType.Integer);
        var pLanguage = insert.Parameters.Add("$language", SqliteType.Text);

        using var fts = connection.CreateCommand();
        fts.CommandText = "INSERT INTO chunks_fts (rowid, context, text) VALUES ($id, $context, $text)";
        var fId = fts.Parameters.Add("$id", SqliteType.Integer);
        var fContext = fts.Parameters.Add("$context", SqliteType.Text);
        var fText = fts.Parameters.Add("$text", SqliteType.Text);

        foreach (var prepared in chunks)
        {
            var chunk = prepared.Chunk;
            pDoc.Value = documentId;
            pOrdinal.Value = chunk.Ordinal;
            pText.Value = chunk.Text;
            pContext.Value = chunk.Context;
            pLocator.Value = chunk.Locator;
            pPage.Value = (object?)chunk.Page ?? DBNull.Value;
            pTokens.Value = chunk.TokenCount;
            pBoxes.Value = prepared.Boxes;
            pVector.Value = (object?)prepared.Vector ?? DBNull.Value;
            pModel.Value = (object?)chunk.Vector?.Model ?? DBNull.Value;
            pDimension.Value = (object?)chunk.Vector?.Dimension ?? DBNull.Value;
            pLanguage.Value = prepared.Language;
            fId.Value = (long)insert.ExecuteScalar()!;
            fContext.Value = prepared.SegmentedContext;
            fText.Value = prepared.SegmentedText;
            fts.ExecuteNonQuery();
        }
    }

    private static void ReplacePages(SqliteConnection connection, long documentId, IReadOnlyList<PageInfo> pages)
    {
        Execute(connection, "DELETE FROM pages WHERE document_id = $id", ("$id", documentId));
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO pages (document_id, page, status, characters, error, rotation) VALUES ($doc, $page, $status, $chars, $error, $rotation)";
        var pDoc = insert.Parameters.Add("$doc", SqliteType.Integer);
        var pPage = insert.Parameters.Add("$page", SqliteType.Integer);
        var pStatus = insert.Parameters.Add("$status", SqliteType.Text);
        var pChars = insert.Parameters.Add("$chars", SqliteType.Integer);
        var pError = insert.Parameters.Add("$error", SqliteType.Text);
        var pRotation = insert.Parameters.Add("$rotation", SqliteType.Integer);
        foreach (var page in pages)
        {
            pDoc.Value = documentId;
            pPage.Value = page.Number;
            pStatus.Value = page.Status;
            pChars.Value = page.Characters;
            pError.Value = (object?)page.Error ?? DBNull.Value;
            pRotation.Value = page.Rotation;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The document's original: the new bytes, or none (a replaced document never keeps its old file).</summary>
    private static void ReplaceOriginal(SqliteConnection connection, long documentId, byte[]? content)
    {
        Execute(connection, "DELETE FROM document_files WHERE document_id = $id", ("$id", documentId));
        if (content is null) return;
        Execute(connection, "INSERT INTO document_files (document_id, content) VALUES ($id, $content)", ("$id", documentId), ("$content", content));
    }

    private static void DeleteChunks(SqliteConnection connection, long documentId)
    {
        Execute(connection, "DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE document_id = $id)", ("$id", documentId));
        Execute(connection, "DELETE FROM chunks WHERE document_id = $id", ("$id", documentId));
    }

    /// <summary>
    /// Marks every revision of one identity superseded except the newest by <see cref="RevisionComparer"/>;
    /// copies of the newest (same identity and revision in another file) all stay current.
    /// </summary>
    internal static void RemarkSuperseded(SqliteConnection connection, long libraryId, string kind, string? identityKey)
    {
        if (identityKey is null) return;
        var revisions = new List<(long Id, DocumentRevision Revision)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, revision, effective_date, revision_year, identity FROM documents
                WHERE library_id = $library AND kind = $kind AND identity_key = $key
                """;
            command.Parameters.AddWithValue("$library", libraryId);
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$key", identityKey);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                revisions.Add((reader.GetInt64(0), ReadRevision(reader, 4, 1, 2, 3)));
        }
        if (revisions.Count == 0) return;

        foreach (var (id, superseded) in SupersededMarks(revisions))
            Execute(connection, "UPDATE documents SET superseded = $s WHERE id = $id", ("$s", superseded ? 1 : 0), ("$id", id));
    }

    /// <summary>Each revision of one identity and whether it is superseded (<see cref="RevisionMarks.Superseded"/>).</summary>
    internal static Dictionary<long, bool> SupersededMarks(IReadOnlyList<(long Id, DocumentRevision Revision)> revisions) =>
        RevisionMarks.Superseded(revisions);

    /// <summary>A stored revision (<see cref="RevisionMarks.Read"/>).</summary>
    internal static DocumentRevision ReadRevision(SqliteDataReader reader, int identity, int mark, int date, int year) =>
        RevisionMarks.Read(
            reader.IsDBNull(identity) ? null : reader.GetString(identity),
            reader.IsDBNull(mark) ? null : reader.GetString(mark),
            reader.IsDBNull(date) ? null : DateOnly.Parse(reader.GetString(date), CultureInfo.InvariantCulture),
            reader.IsDBNull(year) ? null : reader.GetInt32(year));

    private StoredDocument? QuerySingle(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DocumentColumns} FROM documents d JOIN libraries l ON l.id = d.library_id WHERE {where} LIMIT 1";
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return ReadDocuments(command).FirstOrDefault();
    }

    private static List<StoredDocument> ReadDocuments(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var documents = new List<StoredDocument>();
        while (r.Read()) documents.Add(StoreRows.Document(r));
        return documents;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
