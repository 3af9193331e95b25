using Npgsql;
using NpgsqlTypes;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;

namespace RagAssistant.Storage.Postgres;

/// <summary>A person's correction of a document's title, identity, revision and kind.</summary>
public sealed partial class PostgresDocumentStore
{
    /// <summary>
    /// One transaction, as on SQLite: the document row; the chunks whose context line begins with the old title
    /// (<see cref="ContextLines.Retitle"/>) and their keyword rows; the superseded marks of the identity group the
    /// document leaves and of the one it joins. The vectors keep the text they were embedded from until re-indexing.
    /// </summary>
    public async Task<StoredDocument?> UpdateMetadataAsync(long id, DocumentMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join("; ", problems.Select(p => p.Message)), nameof(metadata));
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            // Word segmentation takes time: done before the write lock is taken, and again inside only if the title
            // changed in between.
            var before = await ReadEditableAsync(connection, null, id, cancellationToken);
            var retitled = before is null || before.Title == metadata.Title ? [] : await RetitledAsync(connection, null, id, before.Title, metadata.Title, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Sql.LockForWriteAsync(connection, transaction, cancellationToken);
            if (await ReadEditableAsync(connection, transaction, id, cancellationToken) is not { } old) return null;
            if (old.Title != before?.Title)
                retitled = old.Title == metadata.Title ? [] : await RetitledAsync(connection, transaction, id, old.Title, metadata.Title, cancellationToken);

            var key = IdentityKeys.Of(metadata.Identity);
            await using (var update = Sql.Command(connection, transaction, """
                UPDATE documents SET title = @title, kind = @kind, identity = @identity, identity_key = @key,
                    revision = @revision, revision_year = @year, superseded = false, updated_at = @now
                WHERE id = @id
                """, ("id", id), ("title", metadata.Title), ("kind", metadata.Kind), ("now", DateTimeOffset.UtcNow)))
            {
                update.Parameters.Add(new NpgsqlParameter("identity", NpgsqlDbType.Text) { Value = (object?)metadata.Identity ?? DBNull.Value });
                update.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = (object?)key ?? DBNull.Value });
                update.Parameters.Add(new NpgsqlParameter("revision", NpgsqlDbType.Text) { Value = (object?)metadata.Revision ?? DBNull.Value });
                update.Parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer)
                {
                    Value = (object?)RevisionMarks.YearAfterEdit(old.Revision, old.Year, metadata.Revision) ?? DBNull.Value,
                });
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            foreach (var chunk in retitled)
            {
                await Sql.ExecuteAsync(connection, transaction, "UPDATE chunks SET context = @context, term_count = @terms WHERE id = @id", cancellationToken,
                    ("context", chunk.Context), ("terms", chunk.Terms.TermCount), ("id", chunk.Id));
                await Sql.ExecuteAsync(connection, transaction, "DELETE FROM chunk_terms WHERE chunk_id = @id", cancellationToken, ("id", chunk.Id));
            }
            await ChunkTermRows.CopyAsync(connection, retitled.Select(c => (c.Id, c.Terms)).ToList(), cancellationToken);

            await RevisionGroup.RemarkAsync(connection, transaction, old.LibraryId, metadata.Kind, key, cancellationToken);
            if ((old.Kind, old.Key) != (metadata.Kind, key))
                await RevisionGroup.RemarkAsync(connection, transaction, old.LibraryId, old.Kind, old.Key, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
        return await GetAsync(id, cancellationToken);
    }

    private sealed record EditableRow(long LibraryId, string Title, string Kind, string? Key, string? Revision, int? Year);

    private static async Task<EditableRow?> ReadEditableAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction,
            "SELECT library_id, title, kind, identity_key, revision, revision_year FROM documents WHERE id = @id", ("id", id));
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new EditableRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetInt32(5));
    }

    private sealed record RetitledChunk(long Id, string Context, ChunkTermRows Terms);

    /// <summary>The chunks whose context line begins with the old title, with the new title in its place and their new keyword rows.</summary>
    private async Task<List<RetitledChunk>> RetitledAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, string oldTitle, string newTitle, CancellationToken cancellationToken)
    {
        var changed = new List<(long Id, string Context, string Text)>();
        await using (var select = Sql.Command(connection, transaction, "SELECT id, context, text FROM chunks WHERE document_id = @id", ("id", id)))
        await using (var r = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
                if (ContextLines.Retitle(r.GetString(1), oldTitle, newTitle) is { } context) changed.Add((r.GetInt64(0), context, r.GetString(2)));
        }
        // Chunks of one document share few context lines: segment each once.
        var segmented = new Dictionary<string, string>(StringComparer.Ordinal);
        return changed.Select(c =>
        {
            if (!segmented.TryGetValue(c.Context, out var words)) segmented[c.Context] = words = segmenter.Segment(c.Context);
            return new RetitledChunk(c.Id, c.Context, ChunkTermRows.Of(words, segmenter.Segment(c.Text)));
        }).ToList();
    }
}
