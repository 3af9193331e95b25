using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary><c>rag ask</c> on the sample corpus, offline (no LLM configured: extractive answers), and <c>rag eval</c> scoring answers.</summary>
public sealed class AskCommandTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private Task<JsonElement> AskAsync(params string[] args) =>
        Rag.JsonAsync(CorpusFixture.Root, null, ["ask", .. args, "--db", corpus.Db]);

    [Fact]
    public async Task Ask_QuotesTheProcessCardRow_InTheContractShape()
    {
        var answer = await AskAsync("JD-2105-0318 第60工序精车的主轴转速是多少？");

        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        var text = answer.GetProperty("answer").GetString()!;
        Assert.Contains("950 r/min", text);
        Assert.Contains("第60工序", text);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("conversationId").GetString()));
        var citation = answer.GetProperty("citations")[0];
        foreach (var key in new[] { "n", "chunkId", "documentId", "source", "title", "identity", "revision", "superseded", "page", "locator", "text", "boxes", "score" })
            Assert.True(citation.TryGetProperty(key, out _), $"citation lacks {key}: {citation}");
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Contains("0318", citation.GetProperty("source").GetString());
        Assert.Contains("950", citation.GetProperty("text").GetString());
        var checks = answer.GetProperty("checks");
        Assert.Equal(0, checks.GetProperty("removedCitations").GetInt32());
        Assert.Equal(JsonValueKind.Array, checks.GetProperty("unsupportedNumbers").ValueKind);
        var timings = answer.GetProperty("timingsMs");
        Assert.True(timings.GetProperty("retrieve").GetDouble() >= 0);
        Assert.True(timings.GetProperty("generate").GetDouble() >= 0);
    }

    [Fact]
    public async Task Ask_PdfCitation_CarriesPageAndBoxes()
    {
        var answer = await AskAsync("The CK6150 shows alarm 2001 - what is the cause?");

        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        Assert.Contains("1.2 MPa", answer.GetProperty("answer").GetString());
        var citation = answer.GetProperty("citations")[0];
        Assert.EndsWith(".pdf", citation.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Number, citation.GetProperty("page").ValueKind);
        Assert.True(citation.GetProperty("boxes").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Ask_WhichPage_EachQuoteShowsThePageItStandsOn_AndThePageIsNoUnsupportedNumber()
    {
        var answer = await AskAsync("On which page of the VMC850 maintenance manual does the alarm list start?");

        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        var citation = answer.GetProperty("citations")[0];
        var page = citation.GetProperty("page").GetInt32();
        Assert.Contains($"- (p. {page}) ", answer.GetProperty("answer").GetString());
        Assert.Equal(0, answer.GetProperty("checks").GetProperty("unsupportedNumbers").GetArrayLength());
    }

    [Fact]
    public async Task Ask_AlarmCode_CitesOnlyTheManualThatExplainsIt()
    {
        // The maintenance log also names CK6150 and EX1006, but the manual's alarm row answers for both: the manual is
        // about the CK6150, so the log adds nothing asked for and is not a second citation.
        var answer = await AskAsync("CK6150 shows EX1006 - what does it mean and what do I do?");

        Assert.Contains("TURRET NOT CLAMPED", answer.GetProperty("answer").GetString());
        Assert.All(answer.GetProperty("citations").EnumerateArray(),
            c => Assert.EndsWith("CNC-Lathe-CK6150-Operating-Procedure.md", c.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Ask_ContinuesAConversation_WithAFollowUp()
    {
        var first = await AskAsync("JD-2105 支架总成 M8 螺栓拧多大扭矩？");
        var id = first.GetProperty("conversationId").GetString()!;

        var second = await AskAsync("那M10的呢？", "--conversation", id);

        Assert.Equal(id, second.GetProperty("conversationId").GetString());
        Assert.Contains("48±3", second.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_OperationTheCardLacks_Abstains()
    {
        var answer = await AskAsync("JD-2105-0318 第75工序是做什么的，用什么设备？");

        Assert.Equal("abstain", answer.GetProperty("mode").GetString());
        Assert.StartsWith("资料中未找到答案", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_WithoutJson_StreamsTheAnswerThenItsSources()
    {
        var result = await RagProcess.RunAsync(["ask", "装配线的定扭扳手多久校准一次？", "--db", corpus.Db], CorpusFixture.Root);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("6 个月", result.Stdout);
        Assert.Contains("[extractive] conversation ", result.Stdout);
        Assert.Contains("[1] ", result.Stdout);
    }

    [Theory]
    [InlineData(1, "conversation nope not found", "ask", "M8 扭矩？", "--conversation", "nope")]
    [InlineData(1, "the question is empty", "ask", "  ")]
    [InlineData(2, "--provider gpt: not one of", "ask", "M8 扭矩？", "--provider", "gpt")]
    [InlineData(1, "missing.gguf", "ask", "M8 扭矩？", "--provider", "llama", "--model", "missing.gguf")]
    public async Task Ask_BadUsageOrConfiguration_FailsWithAClearMessage(int exitCode, string message, params string[] args)
    {
        var result = await RagProcess.RunAsync([.. args, "--db", corpus.Db], CorpusFixture.Root);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(message, result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Ask_UnreachableLlm_FallsBackToQuotes_AndSaysSo()
    {
        var env = new Dictionary<string, string>
        {
            ["Rag__Llm__Provider"] = "openai",
            ["Rag__Llm__Endpoint"] = "http://127.0.0.1:9/v1",
            ["Rag__Llm__Model"] = "qwen2.5",
            ["Rag__Llm__MaxRetries"] = "0",
        };
        var answer = await Rag.JsonAsync(CorpusFixture.Root, env, "ask", "JD-2105-0318 第60工序精车的主轴转速是多少？", "--db", corpus.Db);

        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        // The answer (stored with the conversation) names the kind of failure; the endpoint is for the log (#19).
        Assert.Contains("refused the connection", answer.GetProperty("answer").GetString());
        Assert.DoesNotContain("127.0.0.1:9", answer.GetProperty("answer").GetString());
        Assert.Contains("950", answer.GetProperty("answer").GetString());
    }

    /// <summary>
    /// A regression floor, not the targets (answer_contains ≥ 0.80, citation_precision ≥ 0.90 are not reached yet;
    /// see the closing note): the figures measured when the extractive answerer landed must not slip.
    /// </summary>
    /// <remarks>
    /// Scored on the original 95 questions (t001–t095) the floor was measured on; corpus/eval has grown since (issue #20),
    /// and the floor of the whole set's test split is <see cref="EvalFloorTests"/>.
    /// </remarks>
    [Fact]
    public async Task Eval_ScoresExtractiveAnswers_AndHoldsTheMeasuredFloor()
    {
        using var temp = new TempDirectory();
        var original = temp.File("original-95.jsonl");
        File.WriteAllLines(original, File.ReadLines(Path.Combine(CorpusFixture.Root, "corpus", "eval", "questions.jsonl"))
            .Where(l => l.StartsWith("{\"id\": \"t", StringComparison.Ordinal)));
        var report = await Rag.JsonAsync(CorpusFixture.Root, null, "eval", original, "--db", corpus.Db);

        Assert.Equal(95, report.GetProperty("questions").GetInt32());

        Assert.True(report.GetProperty("answer_contains").GetDouble() >= 0.78, report.ToString());
        Assert.True(report.GetProperty("citation_precision").GetDouble() >= 0.62, report.ToString());
        Assert.True(report.GetProperty("abstention").GetDouble() >= 0.90, report.ToString());
        Assert.True(report.GetProperty("false_abstention").GetDouble() <= 0.10, report.ToString());
        Assert.True(report.GetProperty("answerChars_median").GetDouble() <= 600, report.ToString());
        Assert.True(report.GetProperty("latency_ms").GetProperty("answer").GetProperty("p95").GetDouble() > 0);
    }
}
