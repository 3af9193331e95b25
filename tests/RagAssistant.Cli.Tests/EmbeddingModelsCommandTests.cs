using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// The built-in pair as a user meets it: the ingest summary names each model and what it read, a knowledge base made by
/// the English model alone is reported as lacking Chinese vectors until <c>rag reembed</c> moves it.
/// </summary>
public class EmbeddingModelsCommandTests
{
    private static readonly Dictionary<string, string> EnglishOnly = new() { ["Rag__Embeddings__Model"] = "builtin:all-MiniLM-L6-v2" };

    [Fact]
    public async Task AKnowledgeBaseOfTheEnglishModelAlone_LacksChineseVectors_UntilReembedMovesThem()
    {
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        temp.WriteText("english.md", "# Spindle\n\nSpindle speed 950 r/min for finish turning.");
        temp.WriteText("chinese.md", "# 主轴\n\n精车主轴转速 950 r/min，进给量 0.1 mm/r。");

        var old = await RagProcess.RunAsync(["ingest", "english.md", "chinese.md", "--db", db], temp.Path, EnglishOnly);
        Assert.True(old.ExitCode == 0, old.ToString());
        Assert.Contains("embeddings: builtin:all-MiniLM-L6-v2 (384 dimensions, on cpu) for all text", old.Stdout, StringComparison.Ordinal);
        Assert.Contains("English-centred", old.Stdout, StringComparison.Ordinal);

        temp.WriteText("more.md", "# Coolant\n\nCoolant concentration 5 to 8 percent.");
        var pair = await RagProcess.RunAsync(["ingest", "more.md", "--db", db], temp.Path);
        Assert.True(pair.ExitCode == 0, pair.ToString());
        Assert.Contains("embeddings: builtin:all-MiniLM-L6-v2 (384 dimensions, on cpu) for English text", pair.Stdout, StringComparison.Ordinal);
        Assert.Contains("embeddings: builtin:bge-small-zh-v1.5 (512 dimensions, not loaded in this run) for Chinese and mixed text; 0 chunks", pair.Stdout, StringComparison.Ordinal);
        Assert.Contains("chunks lack a vector from the model that reads them", pair.Stdout, StringComparison.Ordinal);

        var reembed = await Rag.JsonAsync(temp.Path, null, "reembed", "--db", db);
        Assert.True(reembed.GetProperty("reembedded").GetInt32() > 0, reembed.ToString());
        Assert.Equal("builtin:all-MiniLM-L6-v2 + builtin:bge-small-zh-v1.5", reembed.GetProperty("model").GetString());
        Assert.Equal(0, (await Rag.JsonAsync(temp.Path, null, "reembed", "--db", db)).GetProperty("reembedded").GetInt32());

        var after = await RagProcess.RunAsync(["ingest", "more.md", "--db", db], temp.Path);
        Assert.DoesNotContain("lack a vector", after.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"for Chinese and mixed text; [1-9]\d* chunks embedded with it", after.Stdout);
    }
}
