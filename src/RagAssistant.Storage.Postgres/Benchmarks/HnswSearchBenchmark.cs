using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using Pgvector.Npgsql;
using RagAssistant.Core.Evaluation;

namespace RagAssistant.Storage.Postgres.Benchmarks;

/// <summary>
/// `rag bench search --postgres`: the given rows loaded by binary COPY into a scratch table shaped as <c>chunks</c>
/// (a <c>vector</c> column without a dimension beside <c>model</c>), the same partial HNSW index the store makes per
/// model (<c>kb_register_model</c>), then each query asked as the store asks it (<see cref="NearestQuery.Settings"/>
/// in one transaction, ORDER BY the index expression, LIMIT 10). The table is unlogged (no WAL for scratch rows) and
/// dropped afterwards, whatever happens.
/// </summary>
public static class HnswSearchBenchmark
{
    private const string Model = "bench";
    private const int K = 10;

    /// <summary>Loads and indexes the rows once, then measures each of <paramref name="efSearches"/> in turn (one result each).</summary>
    public static async Task<IReadOnlyList<HnswBenchFigures>> RunAsync(string connectionString, IEnumerable<float[]> rows, int vectors, int dimension,
        IReadOnlyList<float[]> queries, IReadOnlyList<IReadOnlySet<long>> truth, int repetitions, IReadOnlyList<int> efSearches, Action<string>? log,
        CancellationToken cancellationToken)
    {
        var table = $"rag_bench_hnsw_{Environment.ProcessId}_{DateTime.UtcNow:HHmmssfff}";
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync(cancellationToken);
            await ExecuteAsync(setup, "CREATE EXTENSION IF NOT EXISTS vector", cancellationToken);
        }
        // Built once the extension exists: UseVector maps the type by the OID it has then.
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        await using var data = builder.Build();
        await using var connection = await data.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, $"CREATE UNLOGGED TABLE {table} (id bigint PRIMARY KEY, model text NOT NULL, vector vector)", cancellationToken);
            log?.Invoke($"PostgreSQL: loading {vectors:N0} × {dimension} vectors…");
            var clock = Stopwatch.StartNew();
            await CopyAsync(connection, table, rows, cancellationToken);
            var loadSeconds = clock.Elapsed.TotalSeconds;

            log?.Invoke("PostgreSQL: building the HNSW index…");
            clock.Restart();
            await ExecuteAsync(connection, $"SET maintenance_work_mem = '{BuildMemoryMegabytes(vectors, dimension)}MB'", cancellationToken);
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                $"CREATE INDEX {table}_hnsw ON {table} USING hnsw ((vector::vector({dimension})) vector_cosine_ops) WHERE model = {NearestQuery.Literal(Model)}"), cancellationToken);
            var buildSeconds = clock.Elapsed.TotalSeconds;
            await ExecuteAsync(connection, $"RESET maintenance_work_mem; ANALYZE {table}", cancellationToken);

            var search = string.Create(CultureInfo.InvariantCulture, $"""
                SELECT id FROM {table} WHERE model = {NearestQuery.Literal(Model)}
                ORDER BY vector::vector({dimension}) <=> $1::vector({dimension}) LIMIT {K}
                """);
            var usesIndex = await UsesIndexAsync(connection, search, queries[0], cancellationToken);
            var results = new List<HnswBenchFigures>();
            foreach (var efSearch in efSearches)
            {
                // Warm-up (the index's pages into shared buffers), and the answers recall is measured on.
                var found = new List<long[]>(queries.Count);
                foreach (var query in queries) found.Add(await SearchAsync(connection, search, query, efSearch, cancellationToken));
                var recall = found.Select((ids, i) => ids.Count(truth[i].Contains) / (double)K).Average();

                var measured = new List<(double P50, double P95, double Qps)>();
                for (var r = 0; r < repetitions; r++)
                {
                    log?.Invoke($"PostgreSQL: ef_search {efSearch}, repetition {r + 1}/{repetitions}");
                    var latencies = new List<double>(queries.Count);
                    var total = Stopwatch.StartNew();
                    foreach (var query in queries)
                    {
                        var one = Stopwatch.StartNew();
                        await SearchAsync(connection, search, query, efSearch, cancellationToken);
                        latencies.Add(one.Elapsed.TotalMilliseconds);
                    }
                    measured.Add((Percentiles.Of(latencies, 50)!.Value, Percentiles.Of(latencies, 95)!.Value, queries.Count / total.Elapsed.TotalSeconds));
                }
                results.Add(new HnswBenchFigures(vectors, dimension, queries.Count, Math.Max(efSearch, K), Math.Round(loadSeconds, 1), Math.Round(buildSeconds, 1),
                    usesIndex, Median(measured.Select(m => m.P50)), Median(measured.Select(m => m.P95)), Math.Round(Median(measured.Select(m => m.Qps)), 1),
                    Math.Round(recall, 4)));
            }
            return results;
        }
        finally
        {
            // On a connection of its own: the measuring one may be broken by what ended the run.
            await using var cleanup = await data.OpenConnectionAsync(CancellationToken.None);
            await ExecuteAsync(cleanup, $"DROP TABLE IF EXISTS {table}", CancellationToken.None);
        }
    }

    /// <summary>
    /// The build holds the whole graph in maintenance_work_mem; past it, it goes on on disk, many times slower. A node is
    /// its vector (4 bytes a dimension) plus its neighbour lists (2 × m = 32 at the lowest layer) and headers, about 512
    /// bytes more; half again for slack: 1 GB at the least, about 2.9 GB for 1,000,000 × 384.
    /// </summary>
    private static long BuildMemoryMegabytes(int vectors, int dimension) =>
        Math.Max(1024, (long)vectors * (dimension * 4 + 512) * 3 / 2 / (1024 * 1024));

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<float[]> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} (id, model, vector) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var id = 0L;
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(id++, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(Model, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(new Vector(row), cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>One search as the store runs it: its own transaction with the per-search settings.</summary>
    private static async Task<long[]> SearchAsync(NpgsqlConnection connection, string sql, float[] query, int efSearch, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, NearestQuery.Settings(efSearch, K), cancellationToken);
        var ids = new List<long>(K);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = new Vector(query) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
        }
        await transaction.CommitAsync(cancellationToken);
        return [.. ids];
    }

    private static async Task<bool> UsesIndexAsync(NpgsqlConnection connection, string sql, float[] query, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(query) });
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) plan.Add(reader.GetString(0));
        return plan.Any(line => line.Contains("Index Scan using", StringComparison.Ordinal) && line.Contains("hnsw", StringComparison.Ordinal));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // No time limit: building the index of 100,000 rows takes minutes (cancellation still stops it).
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static double Median(IEnumerable<double> values) => Math.Round(Percentiles.Median(values.ToList())!.Value, 3);
}
