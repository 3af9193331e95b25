using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// The <c>turn_citations</c> rows of a turn: full copies of each citation (text, boxes, title, library), kept in the
/// answer's order by their ordinal.
/// </summary>
internal static class TurnCitationRows
{
    public static void Insert(SqliteConnection connection, long turnId, IReadOnlyList<Citation> citations)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO turn_citations (turn_id, ordinal, n, chunk_id, document_id, library, source, title, identity,
                revision, superseded, page, locator, text, boxes, score)
            VALUES ($turn, $ordinal, $n, $chunk, $document, $library, $source, $title, $identity,
                $revision, $superseded, $page, $locator, $text, $boxes, $score)
            """;
        var p = insert.Parameters;
        p.AddWithValue("$turn", turnId);
        var pOrdinal = p.Add("$ordinal", SqliteType.Integer);
        var pN = p.Add("$n", SqliteType.Integer);
        var pChunk = p.Add("$chunk", SqliteType.Integer);
        var pDocument = p.Add("$document", SqliteType.Integer);
        var pLibrary = p.Add("$library", SqliteType.Text);
        var pSource = p.Add("$source", SqliteType.Text);
        var pTitle = p.Add("$title", SqliteType.Text);
        var pIdentity = p.Add("$identity", SqliteType.Text);
        var pRevision = p.Add("$revision", SqliteType.Text);
        var pSuperseded = p.Add("$superseded", SqliteType.Integer);
        var pPage = p.Add("$page", SqliteType.Integer);
        var pLocator = p.Add("$locator", SqliteType.Text);
        var pText = p.Add("$text", SqliteType.Text);
        var pBoxes = p.Add("$boxes", SqliteType.Text);
        var pScore = p.Add("$score", SqliteType.Real);
        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            pOrdinal.Value = i;
            pN.Value = c.N;
            pChunk.Value = c.ChunkId;
            pDocument.Value = c.DocumentId;
            pLibrary.Value = (object?)c.Library ?? DBNull.Value;
            pSource.Value = c.Source;
            pTitle.Value = c.Title;
            pIdentity.Value = (object?)c.Identity ?? DBNull.Value;
            pRevision.Value = (object?)c.Revision ?? DBNull.Value;
            pSuperseded.Value = c.Superseded ? 1 : 0;
            pPage.Value = (object?)c.Page ?? DBNull.Value;
            pLocator.Value = c.Locator;
            pText.Value = c.Text;
            pBoxes.Value = JsonSerializer.Serialize(c.Boxes, StorageJsonContext.Default.IReadOnlyListPageBox);
            pScore.Value = c.Score;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The citations of every turn of one conversation, by turn id, each list in its stored order.</summary>
    public static Dictionary<long, List<Citation>> Read(SqliteConnection connection, string conversationId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.turn_id, c.n, c.chunk_id, c.document_id, c.library, c.source, c.title, c.identity, c.revision,
                   c.superseded, c.page, c.locator, c.text, c.boxes, c.score
            FROM turn_citations c JOIN conversation_turns t ON t.id = c.turn_id
            WHERE t.conversation_id = $id ORDER BY c.turn_id, c.ordinal
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        using var r = command.ExecuteReader();
        var byTurn = new Dictionary<long, List<Citation>>();
        while (r.Read())
        {
            var turnId = r.GetInt64(0);
            if (!byTurn.TryGetValue(turnId, out var list)) byTurn[turnId] = list = [];
            list.Add(new Citation
            {
                N = r.GetInt32(1),
                ChunkId = r.GetInt64(2),
                DocumentId = r.GetInt64(3),
                Library = SqliteConversationStore.NullableString(r, 4),
                Source = r.GetString(5),
                Title = r.GetString(6),
                Identity = SqliteConversationStore.NullableString(r, 7),
                Revision = SqliteConversationStore.NullableString(r, 8),
                Superseded = r.GetInt64(9) != 0,
                Page = r.IsDBNull(10) ? null : r.GetInt32(10),
                Locator = r.GetString(11),
                Text = r.GetString(12),
                Boxes = JsonSerializer.Deserialize(r.GetString(13), StorageJsonContext.Default.IReadOnlyListPageBox) ?? [],
                Score = r.GetDouble(14),
            });
        }
        return byTurn;
    }
}
