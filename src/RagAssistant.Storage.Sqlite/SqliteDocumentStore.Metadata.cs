using System.Globalization;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;

namespace RagAssistant.Storage.Sqlite;

/// <summary>A person's correction of a document's title, identity, revision and kind.</summary>
public sealed partial class SqliteDocumentStore
{
    /// <summary>
    /// One transaction: the document row; the chunks whose context line begins with the old title (the chunker writes
    /// "title &gt; heading path") and their keyword-index context, so keyword search and citations read the new title;
    /// the superseded marks of the identity group the document leaves and of the one it joins (a group is library + kind
    /// + identity key, as on save). The vectors keep the text they were embedded from until the document is re-indexed.
    /// </summary>
    public Task<StoredDocument?> UpdateMetadataAsync(long id, DocumentMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join("; ", problems.Select(p => p.Message)), nameof(metadata));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        try
        {
            // Word segmentation takes time: done before the write lock is taken (as on save), and again inside only if
            // the title changed in between.
            var before = ReadEditable(connection, id);
            var retitled = before is null || before.Title == metadata.Title ? [] : Retitled(connection, id, before.Title, metadata.Title);
            using var transaction = connection.BeginTransaction(deferred: false);
            if (ReadEditable(connection, id) is not { } old) return Task.FromResult<StoredDocument?>(null);
            if (old.Title != before?.Title) retitled = old.Title == metadata.Title ? [] : Retitled(connection, id, old.Title, metadata.Title);

            var key = IdentityKey(metadata.Identity);
            Execute(connection, """
                UPDATE documents SET title = $title, kind = $kind, identity = $identity, identity_key = $key,
                    revision = $revision, revision_year = $year, superseded = 0, updated_at = $now
                WHERE id = $id
                """,
                ("$id", id), ("$title", metadata.Title), ("$kind", metadata.Kind), ("$identity", (object?)metadata.Identity ?? DBNull.Value),
                ("$key", (object?)key ?? DBNull.Value), ("$revision", (object?)metadata.Revision ?? DBNull.Value),
                ("$year", (object?)RevisionYear(old, metadata.Revision) ?? DBNull.Value), ("$now", Now()));
            foreach (var chunk in retitled)
            {
                Execute(connection, "UPDATE chunks SET context = $context WHERE id = $id", ("$context", chunk.Context), ("$id", chunk.Id));
                // A contentless-delete FTS5 table updates whole rows only.
                Execute(connection, "UPDATE chunks_fts SET context = $context, text = $text WHERE rowid = $id",
                    ("$context", chunk.SegmentedContext), ("$text", chunk.SegmentedText), ("$id", chunk.Id));
            }

            RemarkSuperseded(connection, old.LibraryId, metadata.Kind, key);
            if ((old.Kind, old.Key) != (metadata.Kind, key)) RemarkSuperseded(connection, old.LibraryId, old.Kind, old.Key);
            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
        return Task.FromResult(QuerySingle("d.id = $id", ("$id", id)));
    }

    private sealed record EditableRow(long LibraryId, string Title, string Kind, string? Key, string? Revision, int? Year);

    private static EditableRow? ReadEditable(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT library_id, title, kind, identity_key, revision, revision_year FROM documents WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var r = command.ExecuteReader();
        if (!r.Read()) return null;
        return new EditableRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetInt32(5));
    }

    /// <summary>The year that orders revisions after the edit (<see cref="RevisionMarks.YearAfterEdit"/>).</summary>
    private static int? RevisionYear(EditableRow old, string? revision) => RevisionMarks.YearAfterEdit(old.Revision, old.Year, revision);

    private sealed record RetitledChunk(long Id, string Context, string SegmentedContext, string SegmentedText);

    /// <summary>The chunks whose context line begins with the old title, with the new title in its place, segmented for the keyword index.</summary>
    private List<RetitledChunk> Retitled(SqliteConnection connection, long id, string oldTitle, string newTitle)
    {
        var changed = new List<(long Id, string Context, string Text)>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT id, context, text FROM chunks WHERE document_id = $id";
            select.Parameters.AddWithValue("$id", id);
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                if (ContextLines.Retitle(r.GetString(1), oldTitle, newTitle) is { } context) changed.Add((r.GetInt64(0), context, r.GetString(2)));
            }
        }
        // Chunks of one document share few context lines: segment each once.
        var segmented = new Dictionary<string, string>(StringComparer.Ordinal);
        return changed.Select(c =>
        {
            if (!segmented.TryGetValue(c.Context, out var words)) segmented[c.Context] = words = segmenter.Segment(c.Context);
            return new RetitledChunk(c.Id, c.Context, words, segmenter.Segment(c.Text));
        }).ToList();
    }
}
