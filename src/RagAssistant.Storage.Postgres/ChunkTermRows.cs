using Npgsql;
using NpgsqlTypes;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// A chunk's rows of the keyword index (<c>chunk_terms</c>): each word of its segmented context and text with its
/// positions. The text's positions start one after the context's end, so no phrase spans the two columns (FTS5 indexes
/// them as two columns).
/// </summary>
internal sealed record ChunkTermRows(IReadOnlyDictionary<string, List<int>> Positions, int TermCount)
{
    public static ChunkTermRows Of(string segmentedContext, string segmentedText)
    {
        var context = KeywordTokens.Of(segmentedContext);
        var text = KeywordTokens.Of(segmentedText);
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Add(string token, int position)
        {
            if (!positions.TryGetValue(token, out var list)) positions[token] = list = [];
            list.Add(position);
        }
        for (var i = 0; i < context.Count; i++) Add(context[i], i);
        for (var i = 0; i < text.Count; i++) Add(text[i], context.Count + 1 + i);
        return new ChunkTermRows(positions, context.Count + text.Count);
    }

    /// <summary>
    /// Writes the rows of several chunks with one binary COPY, in the connection's transaction, and counts them into the
    /// totals BM25 reads (<c>kb_counters.keyword_rows</c> and <c>keyword_terms</c>: N and N·avgdl). The totals only grow,
    /// as FTS5's do in the SQLite store: a contentless-delete FTS5 table never takes a deleted row out of the row count
    /// and token total that bm25() reads (measured: 3 rows deleted of 19 leave N = 19), and rewriting a row (a retitle)
    /// counts it again. Keeping the same totals keeps the two stores' rankings equal.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<(long ChunkId, ChunkTermRows Rows)> chunks, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync("COPY chunk_terms (term, chunk_id, positions) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (chunkId, rows) in chunks)
        {
            foreach (var (term, positions) in rows.Positions)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(term, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(chunkId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(positions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
            }
        }
        await copy.CompleteAsync(cancellationToken);
        await copy.CloseAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "UPDATE kb_counters SET keyword_rows = keyword_rows + @rows, keyword_terms = keyword_terms + @terms WHERE id = 1",
            cancellationToken, ("rows", (long)chunks.Count), ("terms", chunks.Sum(c => (long)c.Rows.TermCount)));
    }
}
