using Npgsql;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Postgres.Tests;

/// <summary>
/// Dense search in the database (<c>Rag:Retrieval:DenseIndex</c> = <c>database</c>): the exact top k on a small set,
/// with cosine scores; every filter in SQL, still k rows when the filter drops most of what the index finds first;
/// and the statement planned on the model's HNSW index.
/// </summary>
public sealed class PostgresNearestChunksTests : IAsyncDisposable
{
    private const string Model = "m";
    private const int Dimension = 16;
    private readonly List<PostgresDatabase> _databases = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
    }

    [SkippableFact]
    public async Task Nearest_IsTheExactTopK_WithCosineScores()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var random = new Random(7);
        // pgvector's default ef_search, the store's too.
        var (store, nearest) = Open(connectionString, efSearch: 40);
        var stored = new Dictionary<long, float[]>();
        for (var d = 0; d < 3; d++)
        {
            var vectors = Enumerable.Range(0, 100).Select(_ => Gaussian(random)).ToArray();
            var saved = await store.SaveAsync(Doc($"d{d}.md", sha: $"s{d}"), Drafts(vectors));
            var chunks = await store.GetChunksAsync(saved.Id);
            for (var i = 0; i < chunks.Count; i++) stored[chunks[i].Id] = vectors[chunks[i].Ordinal];
        }

        for (var q = 0; q < 10; q++)
        {
            var query = Gaussian(random);
            var exact = stored.Select(s => (Id: s.Key, Score: Cosine(s.Value, query))).OrderByDescending(s => s.Score).Take(10).ToList();

            var found = await nearest.NearestAsync(Model, query, 10, SearchFilter.None);

            Assert.Equal(exact.Select(e => e.Id), found.Select(f => f.ChunkId));
            for (var i = 0; i < found.Count; i++) Assert.Equal(exact[i].Score, found[i].Score, 1e-5);
        }
    }

    public static TheoryData<string, string[]> Filters => FilterSamples.Theory;

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public async Task EachFilter_IsHonoured_AndStillGivesEveryMatch_ThroughTheIndex(string filter, string[] expected)
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var (store, _) = Open(connectionString);
        var random = new Random(11);
        // The five filtered documents lie far from the query; 300 unrestricted chunks lie nearer and fill the index's first
        // ef_search candidates, so only the iterative scan reaches the five.
        var query = Gaussian(random);
        var far = query.Select(x => -x).ToArray();
        var sources = new Dictionary<long, string>();
        foreach (var (doc, text) in FilterSamples.Documents)
        {
            var saved = await store.SaveAsync(doc, [new ChunkDraft(0, text, "ctx", "line 1", null, 3) { Vector = new ChunkVector(Model, Near(far, random)) }]);
            sources[Assert.Single(await store.GetChunksAsync(saved.Id)).Id] = doc.Source;
        }
        await store.SaveAsync(Doc("noise.md", library: "noise", sha: "6", identity: "N-1", mark: "Z", kind: DocumentKind.Manual),
            Drafts(Enumerable.Range(0, 300).Select(_ => Near(query, random)).ToArray()));
        await ForceIndexAsync(connectionString);
        var (_, nearest) = Open(connectionString);

        var found = await nearest.NearestAsync(Model, query, 5, FilterSamples.Named(filter, within: ["plant", "lab", "default"]));

        Assert.Equal(expected, found.Select(h => sources[h.ChunkId]).Order(StringComparer.Ordinal));
        Assert.Equal(found.OrderByDescending(h => h.Score).Select(h => h.ChunkId), found.Select(h => h.ChunkId));
    }

    [SkippableFact]
    public async Task TheSearch_IsPlannedOnTheModelsHnswIndex()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var (store, _) = Open(connectionString);
        var random = new Random(3);
        await store.SaveAsync(Doc("a.md"), Drafts(Enumerable.Range(0, 50).Select(_ => Gaussian(random)).ToArray()));
        var database = _databases[^1];

        await using var connection = await database.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var command = NearestQuery.Build(connection, null, Model, Dimension, Gaussian(random), 10,
            new SearchFilter(Libraries: ["default"], Kinds: [DocumentKind.Other], CurrentOnly: true, Language: "en"));
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains("Index Scan using chunks_hnsw_", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task AModelWithoutVectors_FindsNothing()
    {
        var (_, nearest) = Open(await SharedPostgres.NewDatabaseAsync());

        Assert.Empty(await nearest.NearestAsync("unknown", new float[Dimension], 10, SearchFilter.None));
    }

    [SkippableFact]
    public async Task Vectors_ComeBackUnitLength()
    {
        var (store, nearest) = Open(await SharedPostgres.NewDatabaseAsync());
        var saved = await store.SaveAsync(Doc("a.md"), [new ChunkDraft(0, "x", "c", "l", null, 1) { Vector = new ChunkVector(Model, new float[] { 3f, 4f }) }]);
        var id = Assert.Single(await store.GetChunksAsync(saved.Id)).Id;

        var vectors = await nearest.VectorsAsync(Model, [id, 999_999]);

        Assert.Equal([0.6f, 0.8f], Assert.Single(vectors).Value);
    }

    /// <summary>New connections to the database plan without sequential scans, as a large table would be planned.</summary>
    private static async Task ForceIndexAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER DATABASE {name} SET enable_seqscan = off; ANALYZE", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <remarks>A small <paramref name="efSearch"/> by default: filters must be met by the iterative scan, not by a wide first pass.</remarks>
    private (PostgresDocumentStore Store, PostgresNearestChunks Nearest) Open(string connectionString, int efSearch = 10)
    {
        var database = new PostgresDatabase(connectionString);
        _databases.Add(database);
        return (new PostgresDocumentStore(database, new IdentitySegmenter()), new PostgresNearestChunks(database, efSearch));
    }

    private static ChunkDraft[] Drafts(float[][] vectors) =>
        vectors.Select((v, i) => new ChunkDraft(i, $"chunk {i}", "ctx", $"line {i + 1}", null, 2) { Vector = new ChunkVector(Model, v) }).ToArray();

    private static float[] Gaussian(Random random)
    {
        var v = Enumerable.Range(0, Dimension).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    /// <summary>A vector close to <paramref name="center"/>: nearer to it than to its opposite.</summary>
    private static float[] Near(float[] center, Random random) =>
        center.Zip(Gaussian(random), (c, n) => c + 0.2f * n).ToArray();

    private static double Cosine(float[] a, float[] b) =>
        a.Zip(b, (x, y) => (double)x * y).Sum() / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(x => (double)x * x));
}
