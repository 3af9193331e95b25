namespace RagAssistant.Cli.Migration;

/// <summary>One column copied: its name in the target, its PostgreSQL type (<c>udt_name</c>) and what the source selects for it.</summary>
internal sealed record PlannedColumn(string Name, string PostgresType, string SourceExpression);

/// <summary>
/// How one table is copied: its columns, the key it is copied and resumed in the order of (the target's primary key, or
/// a stand-in such as a conversation's <c>seq</c> filled from SQLite's rowid), and the most rows one batch may hold.
/// </summary>
internal sealed record TablePlan(string Name, IReadOnlyList<PlannedColumn> Columns, IReadOnlyList<int> Key, int MaxBatch)
{
    /// <summary>The position of column <paramref name="name"/> in <see cref="Columns"/> (and in every row read).</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        throw new InvalidOperationException($"table {Name} has no column {name} in its plan");
    }
}
