using Microsoft.Data.Sqlite;
using Npgsql;
using RagAssistant.Storage.Postgres;

namespace RagAssistant.Cli.Migration;

/// <summary>
/// <c>rag migrate</c>'s steps: check both ends before writing anything, prepare the target's schema, copy every table
/// (<see cref="MigrationTables"/>) with <see cref="TableCopier"/>, then register every vector model copied (its HNSW index),
/// set the identity sequences past the copied ids, carry FTS5's keyword totals over (deleted chunks included, so BM25
/// scores stay the same), and count each table on both sides.
/// </summary>
internal sealed class KnowledgeBaseMigrator(MigrationSource source, MigrationTarget target, PostgresDatabase database, PostgresChunkImport chunks)
{
    /// <summary>Rows per batch (one transaction each); tests make it small to interrupt a copy midway.</summary>
    public const int DefaultBatchSize = 1000;

    public async Task<MigrationReport> RunAsync(Action<TableProgress> progress, CancellationToken ct, int batchSize = DefaultBatchSize)
    {
        var sourceId = source.Identity();
        var previous = await target.CheckAsync(source.Path, sourceId, ct);
        try
        {
            return await CopyAsync(previous, sourceId, progress, batchSize, ct);
        }
        // A connection lost or a file unreadable midway: the batches committed so far stay, and the next run continues.
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw new CommandException($"{target.Failure(ex).Message}; what was copied is kept: run the same command again to continue");
        }
        catch (SqliteException ex)
        {
            throw new CommandException($"--from {source.Path} could not be read: {ex.Message}; what was copied is kept: run the same command again to continue");
        }
    }

    private async Task<MigrationReport> CopyAsync(MigratedFrom? previous, string sourceId, Action<TableProgress> progress, int batchSize, CancellationToken ct)
    {
        var specs = MigrationTables.KnowledgeBase.Concat(source.HasAccounts ? MigrationTables.Accounts : []).ToList();
        await target.PrepareAsync(source.Path, sourceId, source.HasAccounts, firstRun: previous is null, ct);
        await using var connection = await database.OpenAsync(ct);
        var copier = new TableCopier(source, connection, chunks);
        var plans = new List<(TablePlan Plan, long Total, long Copied)>();
        foreach (var spec in specs)
        {
            var plan = await TablePlanner.PlanAsync(spec, source, target, connection, batchSize, ct);
            var total = source.Count(spec.Name);
            var copied = await copier.CopyAsync(plan, total, progress, ct);
            plans.Add((plan, total, copied));
        }

        // After the chunks, unlike the store (which registers a model before its first vectors): building an HNSW index
        // over rows already there is much faster than growing it row by row through a bulk copy, and nothing else
        // writes to the target meanwhile. The same function records each dimension and makes each index.
        await chunks.RegisterModelsAsync(source.VectorModels(), ct);

        foreach (var (plan, _, _) in plans)
        foreach (var column in (await target.ColumnsAsync(connection, plan.Name, ct)).Where(c => c.Identity))
        {
            // SQLite's AUTOINCREMENT counter belongs to the rowid, the copied id column; a seq made from rowids has none.
            var sourceSequence = plan.Columns.FirstOrDefault(c => c.Name == column.Name)?.SourceExpression == MigrationSource.Quote(column.Name)
                ? source.Sequence(plan.Name) : 0;
            await MigrationTarget.SetSequenceAsync(connection, plan.Name, column.Name, sourceSequence, ct);
        }

        if (source.KeywordTotals() is { } totals)
            await PostgresChunkImport.RaiseKeywordTotalsAsync(connection, totals.Rows, totals.Terms, ct);

        var counts = new List<TableCount>();
        foreach (var (plan, total, copied) in plans)
            counts.Add(new TableCount(plan.Name, total, await MigrationTarget.CountAsync(connection, plan.Name, ct), copied));
        var report = new MigrationReport(source.Path, target.Name, counts.Sum(c => c.Copied), previous?.FinishedAt is not null && counts.All(c => c.Copied == 0), counts);
        if (report.Mismatches.Count == 0) await MigrationTarget.MarkFinishedAsync(connection, ct);
        return report;
    }
}
