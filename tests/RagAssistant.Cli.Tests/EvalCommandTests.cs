using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary><c>rag eval</c> over several question files with a dev/test split (issue #20).</summary>
public sealed class EvalCommandTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>, IDisposable
{
    private const string DevQuestion =
        """{"id": "e-dev", "split": "dev", "question": "JD-2105-0318 第60工序精车的主轴转速是多少？", "lang": "zh", "gold": [{"source": "JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx", "contains": "精车Φ35k6轴颈"}], "answer_contains": ["950"]}""";
    private const string TestQuestion =
        """{"id": "e-test", "split": "test", "question": "What is the max spindle speed on the CK6150 with 1.5 MPa chuck pressure?", "lang": "en", "gold": [{"source": "CNC-Lathe-CK6150-Operating-Procedure.md", "contains": "| 1.5 | 1800 |"}], "answer_contains": ["1800"]}""";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string QuestionFile(string name, params string[] lines)
    {
        var path = _temp.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task SeveralFiles_AreScoredTogether_WithEachSplitAndTheirGap()
    {
        var report = await Rag.JsonAsync(CorpusFixture.Root, null, "eval", QuestionFile("a.jsonl", DevQuestion), QuestionFile("b.jsonl", TestQuestion), "--db", corpus.Db);

        Assert.Equal(2, report.GetProperty("questions").GetInt32());
        var splits = report.GetProperty("bySplit");
        Assert.Equal(1, splits.GetProperty("dev").GetProperty("questions").GetInt32());
        Assert.Equal(1, splits.GetProperty("test").GetProperty("questions").GetInt32());
        var gap = report.GetProperty("splitGap");
        foreach (var key in new[] { "hit@5", "mrr@10", "answer_contains", "citation_precision", "abstention", "false_abstention" })
            Assert.True(gap.TryGetProperty(key, out _), $"splitGap lacks {key}: {gap}");
        Assert.Equal(
            splits.GetProperty("dev").GetProperty("hit@5").GetDouble() - splits.GetProperty("test").GetProperty("hit@5").GetDouble(),
            gap.GetProperty("hit@5").GetDouble(), 4);
    }

    [Fact]
    public async Task SplitOption_ScoresOnlyThatSplit()
    {
        var report = await Rag.JsonAsync(CorpusFixture.Root, null, "eval", QuestionFile("c.jsonl", DevQuestion, TestQuestion), "--split", "test", "--no-answers", "--db", corpus.Db);

        Assert.Equal(1, report.GetProperty("questions").GetInt32());
        Assert.False(report.GetProperty("bySplit").TryGetProperty("dev", out _));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("splitGap").ValueKind);
    }

    [Fact]
    public async Task AnIdInTwoFiles_IsRefusedNamingBothFiles()
    {
        var first = QuestionFile("first.jsonl", DevQuestion);
        var second = QuestionFile("second.jsonl", DevQuestion);

        var result = await RagProcess.RunAsync(["eval", first, second, "--db", corpus.Db, "--json"], CorpusFixture.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("e-dev", result.Stderr);
        Assert.Contains("first.jsonl", result.Stderr);
        Assert.Contains("second.jsonl", result.Stderr);
    }
}
