using Npgsql;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Storage.Rows;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// The <c>turn_citations</c> rows of turns: full copies of each citation in the answer's order (their ordinal), mapped
/// by <see cref="CitationRow"/> as in the SQLite store.
/// </summary>
internal static class PostgresTurnCitations
{
    // $1 turn, $2 ordinal, then CitationRow's columns; the boxes come as JSON text, cast to the jsonb column.
    private static readonly int BoxesParameter = 3 + Array.IndexOf(CitationRow.Columns.Split(", "), "boxes");

    private static readonly string InsertSql =
        $"INSERT INTO turn_citations (turn_id, ordinal, {CitationRow.Columns}) VALUES (" +
        string.Join(", ", Enumerable.Range(1, CitationRow.Count + 2).Select(i => i == BoxesParameter ? $"${i}::jsonb" : $"${i}")) + ")";

    /// <summary>Writes the turn's citations in one round trip, inside the caller's transaction.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, long turnId, IReadOnlyList<Citation> citations, CancellationToken cancellationToken)
    {
        if (citations.Count == 0) return;
        await using var batch = new NpgsqlBatch(connection);
        for (var i = 0; i < citations.Count; i++)
        {
            var command = new NpgsqlBatchCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter { Value = turnId });
            command.Parameters.Add(new NpgsqlParameter { Value = i });
            foreach (var value in CitationRow.Values(citations[i])) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The citations of the turns that <paramref name="condition"/> (over <c>t</c>, the turns, with parameter $1) picks, by turn id, in stored order.</summary>
    public static async Task<Dictionary<long, List<Citation>>> ReadAsync(NpgsqlConnection connection, string condition, object parameter, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommands.Command(connection, $"""
            SELECT c.turn_id, {CitationRow.ColumnsOf("c")}
            FROM turn_citations c JOIN conversation_turns t ON t.id = c.turn_id
            WHERE {condition} ORDER BY c.turn_id, c.ordinal
            """, parameter);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var byTurn = new Dictionary<long, List<Citation>>();
        while (await r.ReadAsync(cancellationToken))
        {
            var turnId = r.GetInt64(0);
            if (!byTurn.TryGetValue(turnId, out var list)) byTurn[turnId] = list = [];
            list.Add(CitationRow.Read(r, 1));
        }
        return byTurn;
    }
}
