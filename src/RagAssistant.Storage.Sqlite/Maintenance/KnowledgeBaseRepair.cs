using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Rebuilds what <see cref="KnowledgeBaseCheck"/> found broken among the derived data, in one write transaction (a
/// concurrent writer waits for it, or times out after 30 s and reports the database busy). Every change of a chunk or a
/// document bumps the write generation (schema triggers), so a running app reloads its in-memory index.
/// </summary>
internal static class KnowledgeBaseRepair
{
    public static List<string> Run(SqliteConnection connection, ITextSegmenter segmenter, KnowledgeBaseCheck.Inspection found, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        using var transaction = connection.BeginTransaction(deferred: false);
        if (found.GenerationMissing)
        {
            // A value no in-memory copy can have seen, so every copy reloads.
            KnowledgeBaseFile.Execute(connection, "INSERT OR REPLACE INTO write_generation (id, value) VALUES (1, $value)",
                ("$value", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            done.Add("recreated the write generation row");
        }
        if (found.BadVectors.Count > 0)
        {
            var ids = found.BadVectors.Order().ToList();
            KnowledgeBaseFile.Execute(connection,
                "UPDATE chunks SET vector = NULL, model = NULL, dimension = NULL WHERE id IN (SELECT value FROM json_each($ids))",
                ("$ids", JsonSerializer.Serialize(ids)));
            var shown = string.Join(", ", ids.Take(10)) + (ids.Count > 10 ? ", …" : "");
            done.Add($"cleared {ids.Count} malformed vectors (chunks {shown}); run 'rag reembed' to embed those chunks again");
        }
        if (found.RevisionsStale) done.Add(RemarkRevisions(connection));
        cancellationToken.ThrowIfCancellationRequested();
        if (found.FtsBroken) done.Add(RebuildFts(connection, segmenter, cancellationToken));
        transaction.Commit();
        return done;
    }

    /// <summary>Identity keys from identities, then the superseded marks of every identity group, by the store's own rule.</summary>
    private static string RemarkRevisions(SqliteConnection connection)
    {
        var documents = new List<(long Id, long Library, string Kind, string? Key)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, library_id, kind, identity FROM documents";
            using var r = command.ExecuteReader();
            while (r.Read())
                documents.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2), SqliteDocumentStore.IdentityKey(r.IsDBNull(3) ? null : r.GetString(3))));
        }
        foreach (var (id, _, _, key) in documents)
            KnowledgeBaseFile.Execute(connection, "UPDATE documents SET identity_key = $key WHERE id = $id AND identity_key IS NOT $key",
                ("$key", (object?)key ?? DBNull.Value), ("$id", id));
        var groups = documents.Where(d => d.Key is not null).Select(d => (d.Library, d.Kind, d.Key)).Distinct().ToList();
        foreach (var (library, kind, key) in groups) SqliteDocumentStore.RemarkSuperseded(connection, library, kind, key);
        return $"recomputed identity keys and superseded marks ({groups.Count} identity groups)";
    }

    /// <summary>
    /// Empties the contentless FTS5 table and indexes every chunk again exactly as ingestion does: rowid = chunk id,
    /// context and text each through the configured segmenter. An index too damaged to empty is dropped and created
    /// again from its own definition in sqlite_master.
    /// </summary>
    private static string RebuildFts(SqliteConnection connection, ITextSegmenter segmenter, CancellationToken cancellationToken)
    {
        try
        {
            KnowledgeBaseFile.Execute(connection, "INSERT INTO chunks_fts (chunks_fts) VALUES ('delete-all')");
        }
        catch (SqliteException)
        {
            var definition = (string)KnowledgeBaseFile.Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'chunks_fts'")!;
            KnowledgeBaseFile.Execute(connection, "DROP TABLE chunks_fts");
            KnowledgeBaseFile.Execute(connection, definition);
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO chunks_fts (rowid, context, text) VALUES ($id, $context, $text)";
        var pId = insert.Parameters.Add("$id", SqliteType.Integer);
        var pContext = insert.Parameters.Add("$context", SqliteType.Text);
        var pText = insert.Parameters.Add("$text", SqliteType.Text);
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, context, text FROM chunks ORDER BY id";
        using var r = read.ExecuteReader();
        var count = 0;
        while (r.Read())
        {
            if (++count % 1000 == 0) cancellationToken.ThrowIfCancellationRequested();
            pId.Value = r.GetInt64(0);
            pContext.Value = segmenter.Segment(r.GetString(1));
            pText.Value = segmenter.Segment(r.GetString(2));
            insert.ExecuteNonQuery();
        }
        KnowledgeBaseFile.Execute(connection, "INSERT OR REPLACE INTO keyword_index (id, segmentation) VALUES (1, $signature)", ("$signature", segmenter.Signature));
        return string.Create(CultureInfo.InvariantCulture, $"rebuilt the keyword index (chunks_fts) from {count} chunks with segmentation {segmenter.Signature}");
    }
}
