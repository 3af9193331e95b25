using Npgsql;

namespace RagAssistant.Cli.Migration;

/// <summary>
/// Plans one table's copy from the two schemas: every source column goes to the target column of the same name
/// (a source column with no place in the target stops the run: its data would be lost), target columns the source lacks
/// keep their defaults (chunks' term counts are computed), and the key is the target's primary key unless the spec names one.
/// </summary>
internal static class TablePlanner
{
    public static async Task<TablePlan> PlanAsync(MigrationTables.Spec spec, MigrationSource source, MigrationTarget target,
        NpgsqlConnection connection, int batchSize, CancellationToken ct)
    {
        var targetColumns = await target.ColumnsAsync(connection, spec.Name, ct);
        if (targetColumns.Count == 0)
            throw new CommandException($"--to {target.Name} has no table {spec.Name} after its migrations: is it another program's database?");
        var sourceColumns = source.Columns(spec.Name);
        var expressions = spec.SourceExpressions ?? new Dictionary<string, string>();
        var lost = sourceColumns.Where(s => targetColumns.All(t => t.Name != s)).ToList();
        if (lost.Count > 0)
            throw new CommandException($"--from {source.Path}: column {string.Join(", ", lost)} of table {spec.Name} has no place in the PostgreSQL schema; nothing of that table was copied");

        var columns = new List<PlannedColumn>();
        foreach (var (name, type, _) in targetColumns)
        {
            string? expression = expressions.TryGetValue(name, out var e) ? e : sourceColumns.Contains(name) ? MigrationSource.Quote(name) : null;
            if (expression is null) continue;
            if (PostgresValues.DbType(type) is null && !(spec.Name == "chunks" && name == "vector"))
                throw new CommandException($"--to {target.Name}: column {spec.Name}.{name} has type {type}, which rag migrate cannot write");
            columns.Add(new PlannedColumn(name, type, expression));
        }
        IReadOnlyList<string> keyNames = spec.KeyColumn is { } keyColumn ? [keyColumn] : await target.PrimaryKeyAsync(connection, spec.Name, ct);
        if (keyNames.Count == 0) throw new CommandException($"--to {target.Name}: table {spec.Name} has no primary key to copy it in order of");
        var plan = new TablePlan(spec.Name, columns, [], Math.Max(1, Math.Min(batchSize, spec.MaxBatch)));
        return plan with { Key = keyNames.Select(plan.IndexOf).ToList() };
    }
}
