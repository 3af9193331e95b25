using Npgsql;
using RagAssistant.Storage.Postgres;

namespace RagAssistant.Cli.Migration;

/// <summary>Where one table's copy stands: rows in the target and in the source.</summary>
internal sealed record TableProgress(string Table, long Copied, long Total);

/// <summary>
/// Copies one table in key order, in batches, each batch one transaction with one binary COPY: an interrupted run leaves
/// whole batches behind, and the next run starts after the greatest key the target holds, so nothing is copied twice
/// or skipped. Chunks go through <see cref="PostgresChunkImport"/>, which also writes their keyword index.
/// </summary>
internal sealed class TableCopier(MigrationSource source, NpgsqlConnection connection, PostgresChunkImport chunks)
{
    /// <summary>Copies what the target lacks and returns how many rows that was.</summary>
    public async Task<long> CopyAsync(TablePlan plan, long total, Action<TableProgress> progress, CancellationToken ct)
    {
        var after = await MigrationTarget.LastKeyAsync(connection, plan, ct);
        var present = after is null ? 0 : await MigrationTarget.CountAsync(connection, plan.Name, ct);
        long copied = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var rows = source.ReadBatch(plan, after, plan.MaxBatch);
            if (rows.Count == 0) break;
            await using (var transaction = await connection.BeginTransactionAsync(ct))
            {
                // The store's write lock, as every write takes it: an app on the target queues behind the batch.
                await PostgresChunkImport.LockForWriteAsync(connection, transaction, ct);
                if (plan.Name == "chunks") await chunks.WriteAsync(connection, rows.Select(r => ChunkOf(plan, r)).ToList(), ct);
                else await CopyRowsAsync(plan, rows, ct);
                await transaction.CommitAsync(ct);
            }
            after = plan.Key.Select(k => rows[^1][k]).ToArray();
            copied += rows.Count;
            progress(new TableProgress(plan.Name, present + copied, total));
        }
        return copied;
    }

    private async Task CopyRowsAsync(TablePlan plan, List<object?[]> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", plan.Columns.Select(c => MigrationSource.Quote(c.Name)));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {MigrationSource.Quote(plan.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var types = plan.Columns.Select(c => PostgresValues.DbType(c.PostgresType)!.Value).ToArray();
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                var value = PostgresValues.Convert(row[i], plan.Columns[i].PostgresType);
                if (value is null) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(value, types[i], ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private static ImportedChunk ChunkOf(TablePlan plan, object?[] row)
    {
        object? Get(string name) => row[plan.IndexOf(name)];
        int? Int(string name) => Get(name) is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new ImportedChunk(
            (long)Get("id")!, (long)Get("document_id")!, Int("ordinal")!.Value, (string)Get("text")!, (string)Get("context")!,
            (string)Get("locator")!, Int("page"), Int("token_count")!.Value,
            Get("vector") is byte[] blob ? VectorOf(blob) : null, Get("model") as string, Int("dimension"),
            Get("boxes") as string ?? "[]", Get("language") as string ?? "en");
    }

    /// <summary>SQLite keeps a vector as float32 little-endian bytes.</summary>
    private static float[] VectorOf(byte[] blob)
    {
        var vector = new float[blob.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(blob.AsSpan(i * sizeof(float)));
        return vector;
    }
}
