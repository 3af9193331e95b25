using Npgsql;
using NpgsqlTypes;
using Pgvector;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Writes chunks that keep their ids (<c>rag migrate</c> from a SQLite file) the way <see cref="PostgresDocumentStore"/>
/// saves new ones: each chunk's keyword rows made by the same segmenter and <see cref="ChunkTermRows"/>, in the caller's
/// transaction, and their models registered by the same function (<see cref="VectorModels"/>: dimension and HNSW index).
/// </summary>
public sealed class PostgresChunkImport(PostgresDatabase database, ITextSegmenter segmenter)
{
    private readonly VectorModels _models = new(database);

    /// <summary>
    /// Registers each model and dimension in its own short transaction (an index is made there, which must not happen
    /// inside a write that holds the write lock); throws for a wrong dimension.
    /// </summary>
    public Task RegisterModelsAsync(IEnumerable<(string Model, int Dimension)> models, CancellationToken cancellationToken) =>
        _models.EnsureAsync(models, cancellationToken);

    /// <summary>
    /// Takes the knowledge base's write lock for the rest of the connection's transaction, as every store write does
    /// (<c>kb_counters</c> first, so writers queue in one order).
    /// </summary>
    public static Task LockForWriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Sql.LockForWriteAsync(connection, transaction, cancellationToken);

    /// <summary>Writes <paramref name="chunks"/> with one binary COPY and their keyword rows with another, in the connection's transaction.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<ImportedChunk> chunks, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0) return;
        // Segmenting is the slow part; done before the first row goes out.
        var terms = chunks.Select(c => ChunkTermRows.Of(segmenter.Segment(c.Context), segmenter.Segment(c.Text))).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY chunks (id, document_id, ordinal, text, context, locator, page, token_count, vector, model, dimension, boxes, language, term_count)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                var c = chunks[i];
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(c.DocumentId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(c.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(c.Text, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(c.Context, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(c.Locator, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, c.Page, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(c.TokenCount, NpgsqlDbType.Integer, cancellationToken);
                if (c.Vector is { } vector) await copy.WriteAsync(new Vector(vector), "vector", cancellationToken);
                else await copy.WriteNullAsync(cancellationToken);
                await WriteNullableAsync(copy, c.Model, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, c.Dimension, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(c.BoxesJson, NpgsqlDbType.Jsonb, cancellationToken);
                await copy.WriteAsync(c.Language, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(terms[i].TermCount, NpgsqlDbType.Integer, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await ChunkTermRows.CopyAsync(connection, chunks.Select((c, i) => (c.Id, terms[i])).ToList(), cancellationToken);
    }

    /// <summary>
    /// Raises the keyword totals BM25 reads (<c>kb_counters</c>: N and the token total) to a source's, which count the
    /// rows of deleted chunks too (FTS5 never takes them back, nor does this store): with them the copied chunks rank
    /// and score exactly as they did in the source. Never lowers a total.
    /// </summary>
    public static Task RaiseKeywordTotalsAsync(NpgsqlConnection connection, long rows, long terms, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, null,
            "UPDATE kb_counters SET keyword_rows = greatest(keyword_rows, @rows), keyword_terms = greatest(keyword_terms, @terms) WHERE id = 1",
            cancellationToken, ("rows", rows), ("terms", terms));

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, int? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is { } v) await copy.WriteAsync(v, type, cancellationToken);
        else await copy.WriteNullAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is not null) await copy.WriteAsync(value, type, cancellationToken);
        else await copy.WriteNullAsync(cancellationToken);
    }
}
