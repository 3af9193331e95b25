using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Text;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>A small knowledge base (two English documents, one Chinese, one copy of an English text) built once through the CLI.</summary>
public sealed class SmallKnowledgeBaseFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new();

    public string Db => Temp.File("kb.db");

    public string Questions => Temp.File("questions.jsonl");

    public async Task InitializeAsync()
    {
        var docs = Directory.CreateDirectory(Temp.File("docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "torque-en.md"), "# Bolt torque\n\nTighten the M8 bolts of the bracket to 25 N·m torque with a calibrated wrench.\n");
        File.WriteAllText(Path.Combine(docs, "torque-en-copy.md"), "# Bolt torque (line 2)\n\nTighten the M8 bolts of the bracket to 25 N·m torque with a calibrated wrench.\n");
        File.WriteAllText(Path.Combine(docs, "spindle-en.md"), "# Spindle warm-up\n\nRun the spindle at 500 rpm for ten minutes before the first part; check torque on the chuck.\n");
        File.WriteAllText(Path.Combine(docs, "torque-zh.md"), "# 螺栓扭矩\n\n支架 M8 螺栓拧紧扭矩 25 N·m（torque），使用校准过的扭力扳手。\n");
        File.WriteAllText(Questions, """
            {"id": "q1", "question": "M8 bolt torque", "lang": "en", "kind": "value", "gold": [], "answer_contains": []}
            {"id": "q2", "question": "螺栓拧紧扭矩是多少", "lang": "zh", "kind": "value", "gold": [], "answer_contains": []}
            """);
        await Rag.IngestAsync(RepositoryPaths.Root, Db, docs);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Temp.Dispose();
        return Task.CompletedTask;
    }
}

public class SearchCommandTests(SmallKnowledgeBaseFixture kb) : IClassFixture<SmallKnowledgeBaseFixture>
{
    private async Task<IReadOnlyList<JsonElement>> Search(params string[] args) =>
        (await Rag.JsonAsync(RepositoryPaths.Root, null, ["search", "torque 扭矩", "--db", kb.Db, .. args]))
            .GetProperty("results").EnumerateArray().ToList();

    private static string Text(JsonElement result) => result.GetProperty("text").GetString()!;

    [Fact]
    public async Task Language_en_ReturnsOnlyChunksWithoutCjk()
    {
        var results = await Search("--language", "en");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.False(CjkText.ContainsCjk(Text(r)), Text(r)));
    }

    [Fact]
    public async Task Language_zh_ReturnsOnlyChunksWithCjk()
    {
        var results = await Search("--language", "zh");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(CjkText.ContainsCjk(Text(r)), Text(r)));
    }

    [Fact]
    public async Task Language_Unknown_IsAUsageErrorNamingTheOption()
    {
        var result = await RagProcess.RunAsync(["search", "torque", "--db", kb.Db, "--language", "de", "--json"], RepositoryPaths.Root);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--language", result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
    }

    [Fact]
    public async Task Mmr_KeepsTheSameCandidates_AndNumbersRanksInOrder()
    {
        var plain = await Search("--language", "en", "--top", "3");
        var mmr = await Search("--language", "en", "--top", "3", "--mmr");
        Assert.Equal(plain.Count, mmr.Count);
        Assert.Equal(Enumerable.Range(1, mmr.Count), mmr.Select(r => r.GetProperty("rank").GetInt32()));
        // The copy of the top chunk does not stay second when another relevant chunk exists.
        Assert.NotEqual(Text(mmr[0]), Text(mmr[1]));
    }

    [Fact]
    public async Task BenchSearch_WithDb_ReportsAHybridRowAgainstKeyword()
    {
        var report = await Rag.JsonAsync(RepositoryPaths.Root, null,
            "bench", "search", "--db", kb.Db, "--questions", kb.Questions, "--queries", "2", "--repetitions", "5");
        var row = Assert.Single(report.GetProperty("results").EnumerateArray());
        Assert.Equal("hybrid", row.GetProperty("case").GetString());
        Assert.Equal("keyword", row.GetProperty("baseline").GetString());
        Assert.Equal(2, row.GetProperty("queries").GetInt32());
        Assert.True(row.GetProperty("chunks").GetInt32() >= 3);
        foreach (var key in new[] { "p50Ms", "p95Ms", "baselineP50Ms", "baselineP95Ms", "queriesPerSec", "baselineQueriesPerSec", "ratio" })
            Assert.True(row.GetProperty(key).GetDouble() > 0, key);
        Assert.False(string.IsNullOrEmpty(row.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task BenchSearch_GaussianRows_SayTheirCase()
    {
        var report = await Rag.JsonAsync(RepositoryPaths.Root, null, "bench", "search", "--sizes", "2000", "--queries", "5");
        var row = Assert.Single(report.GetProperty("results").EnumerateArray());
        Assert.Equal("dense", row.GetProperty("case").GetString());
        Assert.Equal(2000, row.GetProperty("vectors").GetInt32());
    }
}
