using System.Data.Common;
using RagAssistant.Core.Answers;

namespace RagAssistant.Core.Storage.Rows;

/// <summary>
/// A <c>conversation_turns</c> row as both stores read it back: the columns in one order and the turn they make with its
/// citations (read apart, <see cref="CitationRow"/>). The drivers convert the stored time (text in SQLite, timestamptz in
/// PostgreSQL) to <see cref="DateTimeOffset"/>.
/// </summary>
public static class ConversationTurnRow
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "id, question, query, answer, mode, removed_citations, unsupported_numbers, retrieve_ms, generate_ms, rating, comment, created_at";

    /// <summary>The turn of the reader's row, in conversation <paramref name="conversationId"/>, with its citations from <paramref name="citations"/> (by turn id).</summary>
    public static ConversationTurn Read(DbDataReader r, string conversationId, IReadOnlyDictionary<long, List<Citation>> citations)
    {
        var turnId = r.GetInt64(0);
        var answer = new AnswerResult
        {
            Answer = r.GetString(3),
            Mode = r.GetString(4),
            ConversationId = conversationId,
            Citations = citations.TryGetValue(turnId, out var cited) ? cited : [],
            Checks = new AnswerChecks(r.GetInt32(5), StoredJson.ReadStrings(r.GetString(6))),
            Timings = new AnswerTimings(r.GetDouble(7), r.GetDouble(8)),
        };
        return new ConversationTurn(turnId, r.GetString(1), r.GetString(2), answer, r.GetFieldValue<DateTimeOffset>(11),
            r.IsDBNull(9) ? null : r.GetInt32(9), r.IsDBNull(10) ? null : r.GetString(10));
    }
}
