using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// The real <c>rag</c> on PostgreSQL (<c>Rag__Storage__Provider=postgres</c> with a connection string, #27): ingest,
/// docs, search, ask and eval work there; the SQLite-file commands and <c>--db</c> stop with one clear line.
/// </summary>
public sealed class PostgresCliTests
{
    private const string Procedure = "corpus/docs/CNC-Lathe-CK6150-Operating-Procedure.md";
    private const string Standard = "corpus/docs/Q-JD-105-2026_热处理通用技术条件.md";

    private static async Task<Dictionary<string, string>> PostgresEnvironmentAsync() => new()
    {
        ["Rag__Storage__Provider"] = "postgres",
        ["Rag__Storage__ConnectionString"] = await SharedPostgres.NewDatabaseAsync(),
    };

    [SkippableFact]
    public async Task Ingest_ThenAskAndDocs_ReadFromPostgres()
    {
        var env = await PostgresEnvironmentAsync();

        var ingest = await Rag.JsonAsync(CorpusFixture.Root, env, "ingest", Procedure, Standard);
        Assert.Equal("ingested", Rag.FileResult(ingest, Procedure).Status());
        Assert.Equal("ingested", Rag.FileResult(ingest, Standard).Status());

        var list = await Rag.JsonAsync(CorpusFixture.Root, env, "docs", "list");
        Assert.Equal(2, Rag.Documents(list).Count);
        Assert.True(Rag.Document(list, Procedure).Chunks() > 0);
        Assert.True(Rag.Document(list, Standard).Chunks() > 0);

        var results = (await Rag.JsonAsync(CorpusFixture.Root, env, "search", "EX1006 turret"))
            .GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Equal(Procedure, results[0].GetProperty("source").GetString());

        var answer = await Rag.JsonAsync(CorpusFixture.Root, env, "ask", "CK6150 shows EX1006 - what does it mean and what do I do?");
        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        Assert.Contains("TURRET NOT CLAMPED", answer.GetProperty("answer").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Equal(Procedure, c.GetProperty("source").GetString()));
        Assert.Equal(JsonValueKind.String, answer.GetProperty("conversationId").ValueKind);

        using var temp = new TempDirectory();
        var questions = temp.WriteText("q.jsonl",
            """{"id": "pg-1", "question": "What is the max spindle speed on the CK6150 with 1.5 MPa chuck pressure?", "lang": "en", "gold": [{"source": "CNC-Lathe-CK6150-Operating-Procedure.md", "contains": "| 1.5 | 1800 |"}], "answer_contains": ["1800"]}""" + "\n");
        var eval = await Rag.JsonAsync(CorpusFixture.Root, env, "eval", questions);
        Assert.Equal(1, eval.GetProperty("questions").GetInt32());
        Assert.Equal(1.0, eval.GetProperty("hit@5").GetDouble());
    }

    [SkippableFact]
    public async Task DenseIndexDatabase_AnswersSearchFromTheHnswIndex()
    {
        var env = await PostgresEnvironmentAsync();
        await Rag.JsonAsync(CorpusFixture.Root, env, "ingest", Procedure, Standard);
        env["Rag__Retrieval__DenseIndex"] = "database";

        var results = (await Rag.JsonAsync(CorpusFixture.Root, env, "search", "EX1006 turret", "--retriever", "dense"))
            .GetProperty("results").EnumerateArray().ToList();

        Assert.Contains(results, r => r.GetProperty("source").GetString() == Procedure);
        Assert.InRange(results[0].GetProperty("denseScore").GetDouble(), 0, 1);
    }

    [SkippableFact]
    public async Task BenchSearch_WithPostgres_MeasuresTheHnswIndexBesideTheInMemoryRow_AndDropsItsTable()
    {
        var server = await SharedPostgres.NewDatabaseAsync();

        var report = await Rag.JsonAsync(CorpusFixture.Root, null, "bench", "search", "--sizes", "2000", "--queries", "5", "--postgres", server, "--ef-search", "40,1000");

        var rows = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["dense", "dense-database", "dense-database"], rows.Select(r => r.GetProperty("case").GetString()));
        var database = rows[1];
        // 2,000 rows: fewer, and the planner rightly sorts them all rather than walk the index.
        Assert.Equal(2000, database.GetProperty("vectors").GetInt32());
        Assert.Equal("pgvector-hnsw", database.GetProperty("path").GetString());
        Assert.Equal("exact", database.GetProperty("baselinePath").GetString());
        Assert.True(database.GetProperty("usesIndex").GetBoolean());
        foreach (var key in new[] { "p50Ms", "p95Ms", "queriesPerSec", "baselineQueriesPerSec", "ratio", "recallAt10" })
            Assert.True(database.GetProperty(key).GetDouble() > 0, key);
        // ef_search of half the set visits nearly every row: (nearly) the exact answers.
        Assert.True(rows[2].GetProperty("recallAt10").GetDouble() >= 0.98);
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var tables = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'rag_bench%'", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }

    [SkippableTheory]
    [InlineData("backup", "pg_dump")]
    [InlineData("restore", "pg_restore")]
    [InlineData("check", "amcheck")]
    public async Task SqliteFileCommand_OnPostgres_StopsWithOneClearLine(string command, string tool)
    {
        var env = await PostgresEnvironmentAsync();
        using var temp = new TempDirectory();
        string[] args = command == "check" ? [command] : [command, "kb-copy.db"];

        var result = await RagProcess.RunAsync(args, temp.Path, env);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"rag: rag {command} is for the SQLite knowledge-base file", line);
        Assert.Contains("Rag:Storage:Provider is 'postgres'", line);
        Assert.Contains(tool, line);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path)); // no SQLite file made on the side
    }

    [SkippableFact]
    public async Task DbOption_WithPostgres_NamesBothSettings()
    {
        var env = await PostgresEnvironmentAsync();
        using var temp = new TempDirectory();

        var result = await RagProcess.RunAsync(["docs", "list", "--db", "kb.db", "--json"], temp.Path, env);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("--db", line);
        Assert.Contains("Rag:Storage:Provider is 'postgres'", line);
        Assert.False(File.Exists(temp.File("kb.db")));
    }
}
