using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary><c>rag check</c>: each kind of damage named with its row and exit 1; <c>--repair</c> mends the derived indexes.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Db => _temp.File("kb.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Check_FindsAMissingFtsRow_AnFtsRowWithoutChunk_AndAMalformedVector_AndRepairMendsThem()
    {
        _temp.WriteText("a.md", "# Broaching\n\nThe broachkeyway station cuts the keyway in one pass.\n");
        _temp.WriteText("b.md", "# Honing\n\nHoning finishes the bore to Ra 0.4.\n");
        await Rag.IngestAsync(_temp.Path, Db, "a.md", "b.md");
        var unindexed = SqliteFile.Scalar(Db, "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.source = 'a.md' LIMIT 1");
        var malformed = SqliteFile.Scalar(Db, "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.source = 'b.md' LIMIT 1");
        SqliteFile.Execute(Db, $"DELETE FROM chunks_fts WHERE rowid = {unindexed}");
        SqliteFile.Execute(Db, "INSERT INTO chunks_fts (rowid, context, text) VALUES (987654, 'ghost', 'ghost chunk')");
        SqliteFile.Execute(Db, $"UPDATE chunks SET vector = x'01020304' WHERE id = {malformed}");

        var check = await RagProcess.RunAsync(["check", "--db", Db, "--json"], _temp.Path);

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("3 problems", check.Stderr);
        var problems = Rag.ParseSingleDocument(check).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => Is(p, "fts", unindexed) && p.GetProperty("message").GetString()!.Contains("no row in the keyword index"));
        Assert.Contains(problems, p => Is(p, "fts", 987654) && p.GetProperty("message").GetString()!.Contains("has no chunk"));
        Assert.Contains(problems, p => Is(p, "vector", malformed) && p.GetProperty("message").GetString()!.Contains("4 bytes"));
        Assert.All(problems, p => Assert.True(p.GetProperty("repairable").GetBoolean()));

        var repair = await Rag.JsonAsync(_temp.Path, null, "check", "--db", Db, "--repair");
        Assert.True(repair.GetProperty("ok").GetBoolean(), repair.ToString());
        Assert.Equal(3, repair.GetProperty("repaired").GetArrayLength());
        Assert.Contains(repair.GetProperty("repairs").EnumerateArray(), r => r.GetString()!.Contains("rag reembed"));

        var again = await Rag.JsonAsync(_temp.Path, null, "check", "--db", Db);
        Assert.True(again.GetProperty("ok").GetBoolean(), again.ToString());
        var found = await Rag.JsonAsync(_temp.Path, null, "search", "broachkeyway", "--db", Db);
        Assert.Contains(found.GetProperty("results").EnumerateArray(), r => r.GetProperty("chunkId").GetInt64() == unindexed);
    }

    [Fact]
    public async Task Check_FindsAKeywordIndexBuiltWithAnotherSegmentation_AndRepairRebuildsItForTodaysQuestions()
    {
        _temp.WriteText("claim.md", "# 索償須知\n\n請於事故發生後三十天內遞交汽車保險索償申請表。\n");
        await Rag.IngestAsync(_temp.Path, Db, "claim.md");
        Assert.NotEmpty(await KeywordHits("汽车保险"));
        // As a program before the segmentation was recorded left it: the text indexed without folding traditional
        // characters (a whole run of Han characters is one FTS5 token), and no record of how it was cut.
        SqliteFile.Execute(Db, "INSERT INTO chunks_fts (chunks_fts) VALUES ('delete-all')");
        SqliteFile.Execute(Db, "INSERT INTO chunks_fts (rowid, context, text) SELECT id, context, text FROM chunks");
        SqliteFile.Execute(Db, "DELETE FROM keyword_index");
        Assert.Empty(await KeywordHits("汽车保险"));

        var check = await RagProcess.RunAsync(["check", "--db", Db, "--json"], _temp.Path);

        Assert.True(check.ExitCode == 1, check.ToString());
        var problem = Assert.Single(Rag.ParseSingleDocument(check).GetProperty("problems").EnumerateArray());
        Assert.Equal("keyword_index", problem.GetProperty("table").GetString());
        Assert.Contains("before its segmentation was recorded", problem.GetProperty("message").GetString());
        Assert.True(problem.GetProperty("repairable").GetBoolean());

        var repair = await Rag.JsonAsync(_temp.Path, null, "check", "--db", Db, "--repair");
        Assert.True(repair.GetProperty("ok").GetBoolean(), repair.ToString());
        Assert.NotEmpty(await KeywordHits("汽车保险"));

        // A later program whose dictionaries cut differently finds the recorded segmentation is not its own.
        SqliteFile.Execute(Db, "UPDATE keyword_index SET segmentation = 'older-dictionary'");
        var stale = await RagProcess.RunAsync(["check", "--db", Db, "--json"], _temp.Path);
        Assert.True(stale.ExitCode == 1, stale.ToString());
        Assert.Contains("older-dictionary", Rag.ParseSingleDocument(stale).GetProperty("problems")[0].GetProperty("message").GetString());
    }

    private async Task<List<JsonElement>> KeywordHits(string query) =>
        [.. (await Rag.JsonAsync(_temp.Path, null, "search", query, "--db", Db, "--retriever", "keyword")).GetProperty("results").EnumerateArray()];

    [Fact]
    public async Task Check_OfAHealthyDatabase_ExitsZeroWithCounts()
    {
        _temp.WriteText("a.md", Rag.Markdown("gear hobbing"));
        await Rag.IngestAsync(_temp.Path, Db, "a.md");

        var result = await RagProcess.RunAsync(["check", "--db", Db], _temp.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 documents", result.Stdout);
        Assert.Contains("ok: no problems found", result.Stdout);
    }

    [Fact]
    public async Task Check_OfACorruptedDatabase_ExitsOneNamingTheDamage()
    {
        _temp.WriteText("a.md", Rag.Markdown("gear hobbing"));
        await Rag.IngestAsync(_temp.Path, Db, "a.md");
        await Rag.JsonAsync(_temp.Path, null, "backup", "damaged.db", "--db", Db);
        RestoreCommandTests.Corrupt(_temp.File("damaged.db"));

        var result = await RagProcess.RunAsync(["check", "--db", "damaged.db"], _temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(_temp.File("damaged.db"), result.Stdout + result.Stderr);
        Assert.True(result.Stdout.Contains("[integrity]", StringComparison.Ordinal) || result.Stderr.Contains("corrupt", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public async Task Check_OfAMissingDatabase_ExitsOneAndCreatesNoFile()
    {
        var result = await RagProcess.RunAsync(["check", "--db", Db], _temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"database file {Db} does not exist", result.Stderr);
        Assert.False(File.Exists(Db));
    }

    private static bool Is(JsonElement problem, string check, long id) =>
        problem.GetProperty("check").GetString() == check && problem.GetProperty("id").ValueKind == JsonValueKind.Number && problem.GetProperty("id").GetInt64() == id;
}
