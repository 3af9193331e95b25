using Npgsql;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Storage.Rows;
using static RagAssistant.Storage.Postgres.PostgresCommands;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Turns rated 👎 (conversation_turns.rating = −1) and the administrators' marks on them (<c>feedback_marks</c> of
/// migration 2), as the SQLite store keeps them.
/// </summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database) : IFeedbackStore
{
    private const string MarkColumns = "turn_id, question, history, chunk_id, document_id, library, source, locator, passage, expected, split, marked_by, marked_at";

    public Task<IReadOnlyList<NegativeFeedback>> ListNegativeAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.RunAsync(async connection =>
        {
            // One snapshot: the turns, their citations and marks agree even while someone rates or marks meanwhile.
            await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            var rows = new List<(long Id, string Conversation, string? Owner, string Question, string Answer, string Mode, string? Comment, DateTimeOffset At)>();
            await using (var command = Command(connection, """
                SELECT t.id, t.conversation_id, c.owner, t.question, t.answer, t.mode, t.comment, t.created_at
                FROM conversation_turns t JOIN conversations c ON c.id = t.conversation_id
                WHERE t.rating = -1
                ORDER BY t.created_at DESC, t.id DESC
                LIMIT $1
                """, limit))
            await using (var r = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await r.ReadAsync(cancellationToken))
                    rows.Add((r.GetInt64(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetString(4), r.GetString(5),
                        NullableString(r, 6), Time(r, 7)));
            }
            var ids = rows.Select(row => row.Id).ToArray();
            var citations = await PostgresTurnCitations.ReadAsync(connection, "t.id = ANY($1)", ids, cancellationToken);
            var marks = (await ReadMarksAsync(connection, "WHERE turn_id = ANY($1)", [ids], cancellationToken)).ToDictionary(m => m.TurnId);
            return (IReadOnlyList<NegativeFeedback>)rows.Select(row => new NegativeFeedback(row.Id, row.Conversation, row.Owner, row.Question,
                new AnswerResult
                {
                    Answer = row.Answer, Mode = row.Mode, ConversationId = row.Conversation,
                    Citations = citations.TryGetValue(row.Id, out var cited) ? cited : [],
                },
                row.Comment, row.At, marks.GetValueOrDefault(row.Id))).ToList();
        }, cancellationToken);
    }

    /// <summary>Inserts or replaces the turn's mark, only while the turn exists (a mark of a deleted turn is refused).</summary>
    public Task<bool> SetMarkAsync(FeedbackMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return database.RunAsync(async connection => await ExecuteAsync(connection, cancellationToken, $"""
            INSERT INTO feedback_marks ({MarkColumns})
            SELECT $1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13
            WHERE EXISTS (SELECT 1 FROM conversation_turns WHERE id = $1)
            ON CONFLICT (turn_id) DO UPDATE SET question = excluded.question, history = excluded.history, chunk_id = excluded.chunk_id,
                document_id = excluded.document_id, library = excluded.library, source = excluded.source, locator = excluded.locator,
                passage = excluded.passage, expected = excluded.expected, split = excluded.split, marked_by = excluded.marked_by,
                marked_at = excluded.marked_at
            """, mark.TurnId, mark.Question, StoredJson.Write(mark.History), mark.ChunkId, mark.DocumentId, mark.Library, mark.Source,
            mark.Locator, mark.Passage, StoredJson.Write(mark.Expected), mark.Split, mark.MarkedBy, Utc(mark.MarkedAt)) > 0, cancellationToken);
    }

    public Task<bool> DeleteMarkAsync(long turnId, CancellationToken cancellationToken = default) =>
        database.RunAsync(async connection =>
            await ExecuteAsync(connection, cancellationToken, "DELETE FROM feedback_marks WHERE turn_id = $1", turnId) > 0, cancellationToken);

    public Task<IReadOnlyList<FeedbackMark>> ListMarksAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(async connection => (IReadOnlyList<FeedbackMark>)await ReadMarksAsync(connection, "", [], cancellationToken), cancellationToken);

    private static async Task<List<FeedbackMark>> ReadMarksAsync(NpgsqlConnection connection, string where, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {MarkColumns} FROM feedback_marks {where} ORDER BY marked_at, turn_id", values);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var marks = new List<FeedbackMark>();
        while (await r.ReadAsync(cancellationToken))
        {
            marks.Add(new FeedbackMark(r.GetInt64(0), r.GetString(1), StoredJson.ReadStrings(r.GetString(2)), r.GetInt64(3), r.GetInt64(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), StoredJson.ReadStrings(r.GetString(9)), r.GetString(10), r.GetString(11), Time(r, 12)));
        }
        return marks;
    }
}
