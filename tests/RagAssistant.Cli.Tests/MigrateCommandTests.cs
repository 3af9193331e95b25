using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Jobs;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Retrieval;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// <c>rag migrate --from FILE.db --to CONNECTION</c> (#27): a SQLite knowledge base with documents, vectors, accounts,
/// a conversation and feedback, copied by the real command into a fresh PostgreSQL database and read back through the
/// PostgreSQL stores: the same rows, the same keyword ranking and scores, the same vectors, the same passwords and keys.
/// </summary>
public sealed class MigrateCommandTests
{
    private const string Procedure = "corpus/docs/CNC-Lathe-CK6150-Operating-Procedure.md";
    private const string Standard = "corpus/docs/Q-JD-105-2026_热处理通用技术条件.md";
    private const string Card = "corpus/docs/JD-2105-0205_盖板_工艺卡.xlsx";
    private const string TorqueSpec = "corpus/docs/Q-JD-402-2026_紧固件拧紧扭矩规范.pdf";
    private const string Password = "correct-horse-battery";

    private static readonly string[] Queries = ["EX1006 turret", "渗碳 淬火 硬度", "chuck pressure spindle speed", "拧紧扭矩 M12", "盖板"];

    private sealed record Source(string ApiKey, string ConversationId, long TurnId, long CitedChunkId, string CitedText);

    private static async Task<Source> FillSourceAsync(string db)
    {
        var services = MigrationStores.Sqlite(db);
        try
        {
            await MigrationStores.IngestAsync(services, Procedure, Standard, Card, TorqueSpec);
            await services.GetRequiredService<UserAccounts>().AddAsync("wang", Roles.Editor, Password, "local");
            var key = await services.GetRequiredService<ApiKeys>().CreateAsync("wang", "mes", "local");
            await services.GetRequiredService<LibraryAccess>().GrantAsync(Libraries.Default, GrantSubject.User, "wang", GrantAccess.Read, "local");

            var documents = services.GetRequiredService<IDocumentStore>();
            var standard = (await documents.ListAsync()).Single(d => d.Source.EndsWith("热处理通用技术条件.md", StringComparison.Ordinal));
            var chunk = (await documents.GetChunksAsync(standard.Id))[1];
            var conversations = services.GetRequiredService<IConversationStore>();
            var conversation = await conversations.CreateAsync("渗碳层深度", "wang");
            var turn = await conversations.AddTurnAsync(conversation, "渗碳层深度是多少?", "渗碳层深度", ConversationSamples.Answer("见 [1]",
                new Citation { N = 1, ChunkId = chunk.Id, DocumentId = standard.Id, Source = standard.Source, Title = standard.Title, Locator = chunk.Locator, Text = chunk.Text, Library = Libraries.Default }));
            await conversations.SetFeedbackAsync(turn, -1, "wrong depth");
            await services.GetRequiredService<IFeedbackStore>().SetMarkAsync(new FeedbackMark(
                turn, "渗碳层深度是多少?", [], chunk.Id, standard.Id, Libraries.Default, standard.Source, chunk.Locator, chunk.Text[..10], ["0.8"], "dev", "admin", DateTimeOffset.UtcNow));
            var jobs = services.GetRequiredService<IIngestJobStore>();
            var queuedAt = DateTimeOffset.UtcNow;
            await jobs.AddAsync(new IngestJob(Guid.NewGuid(), "queued.md", Libraries.Default, 5, queuedAt) { User = "wang" }, new QueuedFile("# hi\n"u8.ToArray()));
            var done = new IngestJob(Guid.NewGuid(), "done.md", Libraries.Default, 7, queuedAt);
            await jobs.AddAsync(done, new QueuedFile("# done\n"u8.ToArray()));
            await jobs.SaveAsync(done with { State = IngestJobState.Done, Outcome = "ingested", DocumentId = standard.Id, Chunks = 3, FinishedAt = queuedAt.AddSeconds(2) });
            return new Source(key.Key, conversation, turn, chunk.Id, chunk.Text);
        }
        finally
        {
            await MigrationStores.CloseAsync(services);
        }
    }

    [SkippableFact]
    public async Task Migrate_CopiesDocumentsVectorsAccountsAndConversations()
    {
        var target = await SharedPostgres.NewDatabaseAsync();
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        var source = await FillSourceAsync(db);

        var run = await RagProcess.RunAsync(["migrate", "--from", db, "--to", target, "--json"], temp.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = Rag.ParseSingleDocument(run);
        Assert.True(report.GetProperty("countsMatch").GetBoolean());
        Assert.False(report.GetProperty("alreadyDone").GetBoolean());
        Assert.Contains("rag migrate: chunks", run.Stderr);
        var tables = report.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!, t => t.GetProperty("target").GetInt64());
        Assert.Equal(4, tables["documents"]);
        Assert.Equal(1, tables["AspNetUsers"]);
        Assert.Equal(1, tables["turn_citations"]);

        var sqlite = MigrationStores.Sqlite(db);
        var postgres = MigrationStores.Postgres(target);
        try
        {
            await AssertSameDocumentsAsync(sqlite.GetRequiredService<IDocumentStore>(), postgres.GetRequiredService<IDocumentStore>());
            await AssertSameSearchAsync(sqlite, postgres);
            await AssertSameVectorsAsync(sqlite.GetRequiredService<IChunkSearch>(), postgres.GetRequiredService<IChunkSearch>());
            Assert.Equal($"{HashEmbeddingGenerator.DefaultModelId} 64 1", await QueryAsync(target,
                "SELECT string_agg(model || ' ' || dimension || ' ' || (SELECT count(*) FROM pg_indexes WHERE indexname = 'chunks_hnsw_' || md5(model)), ',') FROM vector_models"));

            await postgres.GetRequiredService<AccountsSchema>().EnsureAsync();
            using (var scope = postgres.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
                var wang = await users.FindByNameAsync("wang");
                Assert.NotNull(wang);
                Assert.True(await users.CheckPasswordAsync(wang, Password));
                Assert.False(await users.CheckPasswordAsync(wang, "not-the-password"));
                Assert.Contains(Roles.Editor, await users.GetRolesAsync(wang));
            }
            Assert.Equal("wang", (await postgres.GetRequiredService<ApiKeys>().VerifyAsync(source.ApiKey))?.UserName);
            var grants = (await postgres.GetRequiredService<LibraryAccess>().ListAsync()).SelectMany(l => l.Grants).ToList();
            Assert.Contains(grants, g => g.Subject == "wang" && g.Access == GrantAccess.Read);

            var conversation = await postgres.GetRequiredService<IConversationStore>().GetAsync(source.ConversationId);
            var turn = Assert.Single(conversation!.Turns);
            Assert.Equal((source.TurnId, -1, "wrong depth"), (turn.Id, turn.Rating, turn.Comment));
            var citation = Assert.Single(turn.Answer.Citations);
            Assert.Equal(source.CitedChunkId, citation.ChunkId);
            var cited = (await postgres.GetRequiredService<IDocumentStore>().GetChunksAsync(citation.DocumentId)).Single(c => c.Id == citation.ChunkId);
            Assert.Equal(source.CitedText, cited.Text);
            Assert.Equal(source.TurnId, Assert.Single(await postgres.GetRequiredService<IFeedbackStore>().ListMarksAsync()).TurnId);

            var expectedJobs = await sqlite.GetRequiredService<IIngestJobStore>().ListAsync();
            var copiedJobs = await postgres.GetRequiredService<IIngestJobStore>().ListAsync();
            Assert.Equal(2, expectedJobs.Count);
            Assert.Equal(expectedJobs.Select(j => (j.Id, j.FileName, j.State, j.Outcome, j.DocumentId, j.Chunks, j.User, j.QueuedAt.ToUnixTimeMilliseconds(), j.FinishedAt?.ToUnixTimeMilliseconds())),
                copiedJobs.Select(j => (j.Id, j.FileName, j.State, j.Outcome, j.DocumentId, j.Chunks, j.User, j.QueuedAt.ToUnixTimeMilliseconds(), j.FinishedAt?.ToUnixTimeMilliseconds())));
            var queued = expectedJobs.Single(j => j.State == IngestJobState.Queued);
            Assert.Equal((await sqlite.GetRequiredService<IIngestJobStore>().ReadFileAsync(queued.Id))!.Content,
                (await postgres.GetRequiredService<IIngestJobStore>().ReadFileAsync(queued.Id))!.Content);

            // The identity sequences were moved past the copied ids: a document stored now gets fresh ids.
            var before = await postgres.GetRequiredService<IDocumentStore>().ListAsync();
            var maxChunk = (await Task.WhenAll(before.Select(d => postgres.GetRequiredService<IDocumentStore>().GetChunksAsync(d.Id)))).SelectMany(c => c).Max(c => c.Id);
            await MigrationStores.IngestAsync(postgres, "corpus/docs/作业指导书_扭矩紧固_WI-AS-021.txt");
            var added = (await postgres.GetRequiredService<IDocumentStore>().ListAsync()).Single(d => before.All(b => b.Id != d.Id));
            Assert.True(added.Id > before.Max(d => d.Id));
            Assert.All(await postgres.GetRequiredService<IDocumentStore>().GetChunksAsync(added.Id), c => Assert.True(c.Id > maxChunk));
        }
        finally
        {
            await MigrationStores.CloseAsync(sqlite);
            await MigrationStores.CloseAsync(postgres);
        }
    }

    [SkippableFact]
    public async Task Migrate_AfterDeletions_KeepsTheKeywordScores()
    {
        var target = await SharedPostgres.NewDatabaseAsync();
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        var services = MigrationStores.Sqlite(db);
        await MigrationStores.IngestAsync(services, Procedure, Standard, Card);
        // FTS5 keeps counting a deleted chunk's row and tokens in the totals bm25() reads; the copy must count them too.
        var documents = services.GetRequiredService<IDocumentStore>();
        await documents.DeleteAsync((await documents.ListAsync()).Single(d => d.Source.EndsWith(".xlsx", StringComparison.Ordinal)).Id);
        await MigrationStores.CloseAsync(services);

        var run = await RagProcess.RunAsync(["migrate", "--from", db, "--to", target], temp.Path);
        Assert.True(run.ExitCode == 0, run.ToString());

        var sqlite = MigrationStores.Sqlite(db);
        var postgres = MigrationStores.Postgres(target);
        try
        {
            await AssertSameSearchAsync(sqlite, postgres);
        }
        finally
        {
            await MigrationStores.CloseAsync(sqlite);
            await MigrationStores.CloseAsync(postgres);
        }
    }

    private static async Task<string?> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task AssertSameDocumentsAsync(IDocumentStore expected, IDocumentStore actual)
    {
        var documents = await expected.ListAsync();
        var copied = await actual.ListAsync();
        Assert.Equal(documents.Select(d => (d.Id, d.Library, d.Source, d.Title, d.Kind, d.Sha256, d.Size, d.Pages, d.Superseded, d.Status)),
            copied.Select(d => (d.Id, d.Library, d.Source, d.Title, d.Kind, d.Sha256, d.Size, d.Pages, d.Superseded, d.Status)));
        Assert.Equal(documents.Select(d => (d.Revision, d.CreatedAt.ToUnixTimeMilliseconds())), copied.Select(d => (d.Revision, d.CreatedAt.ToUnixTimeMilliseconds())));
        foreach (var document in documents)
        {
            var chunks = await expected.GetChunksAsync(document.Id);
            var copiedChunks = await actual.GetChunksAsync(document.Id);
            Assert.Equal(chunks.Select(c => (c.Id, c.Ordinal, c.Text, c.Context, c.Locator, c.Page, c.TokenCount, c.Model, c.Dimension, c.Boxes.Count)),
                copiedChunks.Select(c => (c.Id, c.Ordinal, c.Text, c.Context, c.Locator, c.Page, c.TokenCount, c.Model, c.Dimension, c.Boxes.Count)));
            Assert.Equal(chunks.SelectMany(c => c.Boxes), copiedChunks.SelectMany(c => c.Boxes));
            Assert.Equal(await expected.GetPagesAsync(document.Id), await actual.GetPagesAsync(document.Id));
            Assert.Equal(await expected.OpenOriginalAsync(document.Id), await actual.OpenOriginalAsync(document.Id));
        }
        Assert.Contains(documents, d => d.Pages > 0);
        Assert.Contains(documents, d => d.Source.Contains("热处理", StringComparison.Ordinal));
    }

    private static async Task AssertSameSearchAsync(IServiceProvider sqlite, IServiceProvider postgres)
    {
        var compared = 0;
        foreach (var mode in new[] { RetrieverMode.Keyword, RetrieverMode.Hybrid })
        foreach (var query in Queries)
        {
            var expected = (await sqlite.GetRequiredService<HybridRetriever>().SearchAsync(query, new SearchOptions(10, mode))).Results;
            if (expected.Count == 0) continue; // a query of a document the test deleted
            compared++;
            var actual = (await postgres.GetRequiredService<HybridRetriever>().SearchAsync(query, new SearchOptions(10, mode))).Results;
            Assert.Equal(expected.Select(r => r.Chunk.ChunkId), actual.Select(r => r.Chunk.ChunkId));
            for (var i = 0; i < expected.Count; i++)
                Assert.True(Math.Abs(expected[i].Score - actual[i].Score) <= 1e-9 * Math.Max(1, Math.Abs(expected[i].Score)),
                    $"{query} ({mode}): rank {i + 1} scores {expected[i].Score:R} on SQLite, {actual[i].Score:R} on PostgreSQL");
            for (var i = 0; i < expected.Count; i++)
                Assert.True(Math.Abs((expected[i].KeywordScore ?? 0) - (actual[i].KeywordScore ?? 0)) <= 1e-9 * Math.Max(1, Math.Abs(expected[i].KeywordScore ?? 0)),
                    $"{query} ({mode}): rank {i + 1} BM25 {expected[i].KeywordScore:R} on SQLite, {actual[i].KeywordScore:R} on PostgreSQL");
        }
        Assert.True(compared >= 6, $"only {compared} searches found anything to compare");
    }

    private static async Task AssertSameVectorsAsync(IChunkSearch expected, IChunkSearch actual)
    {
        var vectors = await expected.ReadVectorsAsync(HashEmbeddingGenerator.DefaultModelId);
        var copied = await actual.ReadVectorsAsync(HashEmbeddingGenerator.DefaultModelId);
        Assert.NotEmpty(vectors);
        Assert.Equal(vectors.Select(v => v.ChunkId), copied.Select(v => v.ChunkId));
        for (var i = 0; i < vectors.Count; i++) Assert.Equal(vectors[i].Vector, copied[i].Vector);
    }
}
