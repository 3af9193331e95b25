using Npgsql;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Postgres.Tests;

/// <summary>
/// What is PostgreSQL's own in the knowledge base: one HNSW index per model, a model's one dimension, the change log's
/// bound and reload marker, keyword syntax it does not run, and failures that name the database.
/// </summary>
public sealed class PostgresKnowledgeBaseTests : IAsyncDisposable
{
    private PostgresDatabase? _database;

    private async Task<(PostgresDatabase Database, PostgresDocumentStore Store, PostgresChunkSearch Search)> OpenAsync()
    {
        _database = new PostgresDatabase(await SharedPostgres.NewDatabaseAsync());
        return (_database, new PostgresDocumentStore(_database, new IdentitySegmenter()), new PostgresChunkSearch(_database));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [SkippableFact]
    public async Task EachModel_GetsItsOwnHnswIndex_WhateverItsName()
    {
        var (database, store, _) = await OpenAsync();
        const string awkward = "it's \"quoted\"; DROP TABLE chunks; --";

        await store.SaveAsync(Doc("a.md"), Embedded("builtin:all-MiniLM-L6-v2", "x"));
        await store.SaveAsync(Doc("b.md", sha: "2"), Embedded(awkward, "y"));

        await using var connection = await database.OpenAsync();
        var indexes = await RowsAsync(connection, "SELECT indexdef FROM pg_indexes WHERE tablename = 'chunks' AND indexdef LIKE '%hnsw%' ORDER BY indexdef");
        Assert.Equal(2, indexes.Count);
        Assert.All(indexes, i => Assert.Contains("(vector)::vector(3)", i));
        Assert.Contains(indexes, i => i.Contains("'it''s \"quoted\"; DROP TABLE chunks; --'", StringComparison.Ordinal));
        Assert.Equal(2L, await ScalarAsync<long>(connection, "SELECT count(*) FROM chunks"));
    }

    [SkippableFact]
    public async Task NearestChunksOfAModel_UseItsIndex()
    {
        var (database, store, _) = await OpenAsync();
        await store.SaveAsync(Doc("a.md"), Embedded("m", "x", "y", "z"));

        await using var connection = await database.OpenAsync();
        await ExecuteAsync(connection, "SET enable_seqscan = off");
        var plan = string.Join("\n", await RowsAsync(connection,
            "EXPLAIN SELECT id FROM chunks WHERE model = 'm' ORDER BY vector::vector(3) <=> '[1,0,0]' LIMIT 2"));
        Assert.Contains("chunks_hnsw_", plan);
    }

    [SkippableFact]
    public async Task AVectorOfAnotherDimension_IsRefused_NamingTheDatabaseAndModel_AndNothingIsWritten()
    {
        var (database, store, _) = await OpenAsync();
        await store.SaveAsync(Doc("a.md"), Embedded("m", "x"));
        ChunkDraft[] wrong = [new ChunkDraft(0, "y", "c", "l", null, 1) { Vector = new ChunkVector("m", new float[] { 1, 0 }) }];

        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => store.SaveAsync(Doc("b.md", sha: "2"), wrong));
        Assert.Contains(database.Name, error.Message);
        Assert.Contains("'m' have 3 dimensions", error.Message);
        Assert.Null(await store.FindBySourceAsync(Libraries.Default, "b.md"));

        var vectors = new PostgresChunkVectorStore(database);
        var chunk = (await store.GetChunksAsync((await store.FindBySourceAsync(Libraries.Default, "a.md"))!.Id)).Single().Id;
        var again = await Assert.ThrowsAsync<KnowledgeBaseException>(() => vectors.WriteVectorsAsync([(chunk, new ChunkVector("m", new float[] { 1 }))]));
        Assert.Contains("has 1", again.Message);
        Assert.Equal(3, (await vectors.GetVectorAsync(chunk))!.Dimension);
    }

    [SkippableFact]
    public async Task KeywordRows_GoWithTheirChunks_OnReplaceAndDelete()
    {
        var (database, store, _) = await OpenAsync();
        await store.SaveAsync(Doc("a.md"), Chunks("alpha beta", "gamma"));
        var replaced = await store.SaveAsync(Doc("a.md", sha: "2"), Chunks("delta"));
        await using var connection = await database.OpenAsync();
        Assert.Equal(["ctx", "delta"], await RowsAsync(connection, "SELECT term FROM chunk_terms ORDER BY term"));

        Assert.True(await store.DeleteAsync(replaced.Id));

        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM chunk_terms"));
    }

    [SkippableFact]
    public async Task AnUnreachableServer_IsAKnowledgeBaseError_NamingIt()
    {
        SharedPostgres.SkipUnlessAvailable();
        // Port 1 on this machine: nothing listens there.
        await using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=kb_nowhere;Username=rag;Timeout=3");
        var store = new PostgresDocumentStore(database, new IdentitySegmenter());

        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => store.SaveAsync(Doc("a.md"), Chunks("x")));
        Assert.Contains("kb_nowhere", error.Message);
        Assert.Contains("127.0.0.1:1", error.Message);
        await Assert.ThrowsAsync<KnowledgeBaseException>(() => new PostgresChunkSearch(database).KeywordSearchAsync("\"x\"", SearchFilter.None, 5));
    }

    [SkippableTheory]
    [InlineData("\"a\" AND \"b\"")]
    [InlineData("context:a")]
    [InlineData("\"a\" OR")]
    [InlineData("\"unterminated")]
    [InlineData("(a OR b)")]
    public async Task KeywordSyntaxBeyondOredPhrases_IsABadQuery(string match)
    {
        var (_, _, search) = await OpenAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => search.KeywordSearchAsync(match, SearchFilter.None, 5));
        Assert.Contains("invalid keyword query", error.Message);
    }

    [SkippableFact]
    public async Task TheLog_IsPrunedToItsBound_AndAReaderBehindItIsToldToReload()
    {
        var (database, store, search) = await OpenAsync();
        var start = await search.ReadVectorsAsync("m", _ => { });
        await using (var connection = await database.OpenAsync())
        {
            // 120,000-odd changes written in bulk, ending one before a multiple of 1,024, then one logged change that prunes.
            var last = (start + 120_000) / 1024 * 1024;
            await ExecuteAsync(connection, $"""
                INSERT INTO index_changes (seq, chunk_id) SELECT i, 1000000 + i FROM generate_series({start + 1}, {last - 1}) i;
                UPDATE kb_counters SET last_change = {last - 1};
                SELECT kb_log_change(2000000, NULL);
                """);
        }

        await using (var connection = await database.OpenAsync())
            Assert.InRange(await ScalarAsync<long>(connection, "SELECT count(*) FROM index_changes"), 100_000, 100_000 + 1024);
        var behind = await search.ReadIndexChangesAsync("m", start, 100);
        Assert.True(behind.ReloadAll);
        Assert.Contains("pruned", behind.Reason);
        var position = await search.ReadVectorsAsync("m", _ => { });
        Assert.False((await search.ReadIndexChangesAsync("m", position - 10, 100)).ReloadAll);
        await store.SaveAsync(Doc("a.md"), Embedded("m", "x"));
        Assert.Single((await search.ReadIndexChangesAsync("m", position, 100)).Upserts);
    }

    [SkippableFact]
    public async Task AReloadMarker_OrALogBehindTheReader_AsksForAFullReload()
    {
        var (database, _, search) = await OpenAsync();
        var start = await search.ReadVectorsAsync("m", _ => { });
        await using (var connection = await database.OpenAsync())
            await ExecuteAsync(connection, "SELECT kb_log_change(NULL, NULL)");

        var marker = await search.ReadIndexChangesAsync("m", start, 100);
        var restored = await search.ReadIndexChangesAsync("m", marker.Seq + 50, 100);

        Assert.True(marker.ReloadAll);
        Assert.True(restored.ReloadAll);
        Assert.Contains("restored", restored.Reason);
    }

    [SkippableFact]
    public async Task ARolledBackWrite_TakesItsChangeNumberBack()
    {
        var (database, store, search) = await OpenAsync();
        var start = await search.ReadVectorsAsync("m", _ => { });
        ChunkDraft[] broken = [.. Embedded("m", "x"), new ChunkDraft(0, "clash", "c", "l", null, 1)];

        await Assert.ThrowsAsync<KnowledgeBaseException>(() => store.SaveAsync(Doc("a.md"), broken));
        await store.SaveAsync(Doc("b.md"), Embedded("m", "y"));

        // Numbered without a gap: the reader that was at `start` reads the one change, with nothing pruned or skipped.
        var changes = await search.ReadIndexChangesAsync("m", start, 100);
        Assert.Equal(start + 1, changes.Seq);
        Assert.Single(changes.Upserts);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
