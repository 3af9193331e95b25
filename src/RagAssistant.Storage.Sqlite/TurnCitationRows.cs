using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Storage.Rows;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// The <c>turn_citations</c> rows of a turn: full copies of each citation (text, boxes, title, library), kept in the
/// answer's order by their ordinal; the columns and their mapping are <see cref="CitationRow"/>'s, shared with the
/// PostgreSQL store.
/// </summary>
internal static class TurnCitationRows
{
    public static void Insert(SqliteConnection connection, long turnId, IReadOnlyList<Citation> citations)
    {
        using var insert = connection.CreateCommand();
        var values = string.Join(", ", Enumerable.Range(0, CitationRow.Count).Select(i => $"$c{i}"));
        insert.CommandText = $"INSERT INTO turn_citations (turn_id, ordinal, {CitationRow.Columns}) VALUES ($turn, $ordinal, {values})";
        insert.Parameters.AddWithValue("$turn", turnId);
        var ordinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
        var columns = Enumerable.Range(0, CitationRow.Count).Select(i => insert.Parameters.Add(new SqliteParameter { ParameterName = $"$c{i}" })).ToList();
        for (var i = 0; i < citations.Count; i++)
        {
            ordinal.Value = i;
            var row = CitationRow.Values(citations[i]);
            for (var c = 0; c < row.Length; c++) columns[c].Value = row[c] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The citations of every turn of one conversation, by turn id, each list in its stored order.</summary>
    public static Dictionary<long, List<Citation>> Read(SqliteConnection connection, string conversationId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.turn_id, {CitationRow.ColumnsOf("c")}
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
            list.Add(CitationRow.Read(r, 1));
        }
        return byTurn;
    }
}
