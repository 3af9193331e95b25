using Npgsql;
using NpgsqlTypes;
using Pgvector;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Postgres.Tests;

/// <summary>
/// The stack a PostgreSQL knowledge base stands on, checked from .NET against a real cluster: pgvector's cosine
/// distance through an HNSW index with Npgsql's binary COPY, and full text with the 'simple' configuration over words
/// segmented beforehand (joined by spaces), which keeps Chinese words whole.
/// </summary>
public sealed class PgvectorStackTests : IClassFixture<PgvectorStackTests.Cluster>
{
    private readonly Cluster _cluster;

    public PgvectorStackTests(Cluster cluster) => _cluster = cluster;

    /// <summary>One cluster for the class; none is started where PostgreSQL or pgvector is missing (the tests skip).</summary>
    public sealed class Cluster : IDisposable
    {
        private readonly Lazy<PostgresCluster> _cluster = new(() => new PostgresCluster());

        public string ConnectionString => _cluster.Value.ConnectionString;

        public void Dispose()
        {
            if (_cluster.IsValueCreated) _cluster.Value.Dispose();
        }
    }

    [PostgresFact]
    public async Task NearestVectors_ComeBackByCosine_ThroughAnHnswIndex()
    {
        await using var data = await OpenAsync();
        await ExecuteAsync(data, """
            CREATE EXTENSION IF NOT EXISTS vector;
            CREATE TABLE chunks_stack (id bigint PRIMARY KEY, embedding vector(3) NOT NULL);
            CREATE INDEX ON chunks_stack USING hnsw (embedding vector_cosine_ops);
            """);
        await using (var connection = await data.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync("COPY chunks_stack (id, embedding) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, vector) in new[] { (1L, new[] { 1f, 0, 0 }), (2L, new[] { 0.9f, 0.1f, 0 }), (3L, new[] { 0f, 0, 1 }) })
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(new Vector(vector));
            }
            await copy.CompleteAsync();
        }

        await using var command = data.CreateCommand("SELECT id FROM chunks_stack ORDER BY embedding <=> $1 LIMIT 2");
        command.Parameters.AddWithValue(new Vector(new[] { 1f, 0.05f, 0 }));
        var nearest = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) nearest.Add(reader.GetInt64(0));

        Assert.Equal([1L, 2L], nearest);
    }

    [PostgresFact]
    public async Task SegmentedChineseWords_AreMatchedWhole_ByTheSimpleConfiguration()
    {
        await using var data = await OpenAsync();

        Assert.True(await ScalarAsync<bool>(data, "SELECT to_tsvector('simple', '主轴 转速 950 r/min') @@ to_tsquery('simple', '转速 & 950')"));
        // Unsegmented, the run is one token: words must be segmented before they reach PostgreSQL.
        Assert.False(await ScalarAsync<bool>(data, "SELECT to_tsvector('simple', '主轴转速 950') @@ to_tsquery('simple', '转速')"));
    }

    private async Task<NpgsqlDataSource> OpenAsync()
    {
        var builder = new NpgsqlDataSourceBuilder(_cluster.ConnectionString);
        builder.UseVector();
        var data = builder.Build();
        await ExecuteAsync(data, "CREATE EXTENSION IF NOT EXISTS vector");
        // UseVector maps the type by its OID, which exists only once the extension does: reopen so the mapping loads.
        await data.DisposeAsync();
        builder = new NpgsqlDataSourceBuilder(_cluster.ConnectionString);
        builder.UseVector();
        return builder.Build();
    }

    private static async Task ExecuteAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
