using System.Globalization;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Storage.Rows;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Turns rated 👎 (conversation_turns.rating = −1) and the administrators' marks on them (migration 12's
/// <c>feedback_marks</c>). Writes are retried when the database is busy (<see cref="BusyRetry"/>).
/// </summary>
public sealed class SqliteFeedbackStore(SqliteDatabase database) : IFeedbackStore
{
    public Task<IReadOnlyList<NegativeFeedback>> ListNegativeAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        // One snapshot: the turns, their citations and marks agree even while someone rates or marks meanwhile.
        using var snapshot = connection.BeginTransaction(deferred: true);
        var marks = ReadMarks(connection, "WHERE turn_id IN (SELECT id FROM conversation_turns WHERE rating = -1)").ToDictionary(m => m.TurnId);
        var rows = new List<(long Id, string Conversation, string? Owner, string Question, string Answer, string Mode, string? Comment, string At)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT t.id, t.conversation_id, c.owner, t.question, t.answer, t.mode, t.comment, t.created_at
                FROM conversation_turns t JOIN conversations c ON c.id = t.conversation_id
                WHERE t.rating = -1
                ORDER BY t.created_at DESC, t.id DESC
                LIMIT $limit
                """;
            command.Parameters.AddWithValue("$limit", limit);
            using var r = command.ExecuteReader();
            while (r.Read())
                rows.Add((r.GetInt64(0), r.GetString(1), SqliteConversationStore.NullableString(r, 2), r.GetString(3), r.GetString(4),
                    r.GetString(5), SqliteConversationStore.NullableString(r, 6), r.GetString(7)));
        }
        var citations = new Dictionary<string, Dictionary<long, List<Citation>>>();
        var list = new List<NegativeFeedback>(rows.Count);
        foreach (var row in rows)
        {
            if (!citations.TryGetValue(row.Conversation, out var byTurn)) citations[row.Conversation] = byTurn = TurnCitationRows.Read(connection, row.Conversation);
            var answer = new AnswerResult
            {
                Answer = row.Answer, Mode = row.Mode, ConversationId = row.Conversation,
                Citations = byTurn.TryGetValue(row.Id, out var cited) ? cited : [],
            };
            list.Add(new NegativeFeedback(row.Id, row.Conversation, row.Owner, row.Question, answer, row.Comment, ParseTime(row.At),
                marks.GetValueOrDefault(row.Id)));
        }
        return Task.FromResult<IReadOnlyList<NegativeFeedback>>(list);
    }

    /// <summary>Inserts or replaces the turn's mark, only while the turn exists (a mark of a deleted turn is refused).</summary>
    public Task<bool> SetMarkAsync(FeedbackMark mark, CancellationToken cancellationToken = default) =>
        BusyRetry.RunAsync(() => SetMark(mark, cancellationToken), cancellationToken);

    private Task<bool> SetMark(FeedbackMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR REPLACE INTO feedback_marks (turn_id, question, history, chunk_id, document_id, library, source, locator,
                    passage, expected, split, marked_by, marked_at)
                SELECT $turn, $question, $history, $chunk, $document, $library, $source, $locator, $passage, $expected, $split, $by, $at
                WHERE EXISTS (SELECT 1 FROM conversation_turns WHERE id = $turn)
                """;
            var p = command.Parameters;
            p.AddWithValue("$turn", mark.TurnId);
            p.AddWithValue("$question", mark.Question);
            p.AddWithValue("$history", StoredJson.Write(mark.History));
            p.AddWithValue("$chunk", mark.ChunkId);
            p.AddWithValue("$document", mark.DocumentId);
            p.AddWithValue("$library", mark.Library);
            p.AddWithValue("$source", mark.Source);
            p.AddWithValue("$locator", mark.Locator);
            p.AddWithValue("$passage", mark.Passage);
            p.AddWithValue("$expected", StoredJson.Write(mark.Expected));
            p.AddWithValue("$split", mark.Split);
            p.AddWithValue("$by", mark.MarkedBy);
            p.AddWithValue("$at", mark.MarkedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            return Task.FromResult(command.ExecuteNonQuery() > 0);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    public Task<bool> DeleteMarkAsync(long turnId, CancellationToken cancellationToken = default) =>
        BusyRetry.RunAsync(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = database.Open();
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM feedback_marks WHERE turn_id = $turn";
                command.Parameters.AddWithValue("$turn", turnId);
                return Task.FromResult(command.ExecuteNonQuery() > 0);
            }
            catch (SqliteException ex)
            {
                throw database.Translate(ex);
            }
        }, cancellationToken);

    public Task<IReadOnlyList<FeedbackMark>> ListMarksAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<FeedbackMark>>(ReadMarks(connection, ""));
    }

    private static List<FeedbackMark> ReadMarks(SqliteConnection connection, string where)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT turn_id, question, history, chunk_id, document_id, library, source, locator, passage, expected, split, marked_by, marked_at
            FROM feedback_marks {where} ORDER BY marked_at, turn_id
            """;
        using var r = command.ExecuteReader();
        var marks = new List<FeedbackMark>();
        while (r.Read())
        {
            marks.Add(new FeedbackMark(r.GetInt64(0), r.GetString(1), StoredJson.ReadStrings(r.GetString(2)), r.GetInt64(3), r.GetInt64(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), StoredJson.ReadStrings(r.GetString(9)), r.GetString(10), r.GetString(11), ParseTime(r.GetString(12))));
        }
        return marks;
    }

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
