using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Answers;
using RagAssistant.Generation.Extractive;
using RagAssistant.Generation.Tests.Answering;
using RagAssistant.Testing;

namespace RagAssistant.Generation.Tests.Answers;

/// <summary>
/// The lengths and counts that shape an answer are options of <c>Rag:Answers</c>: their defaults are the numbers the code
/// held before they became options, a value out of range stops the start, and each changes the answer as its
/// documentation says.
/// </summary>
public sealed class AnswerOptionsTests
{
    private const string CardRow = "零件号: JD-2105-0318 | 零件名称: 输出轴 | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 工步号: 2 | 设备: CK6150数控车床"
        + " | 刀具: 外圆车刀 DCLNR2525M12 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10 | 背吃刀量 mm: 0.3 | 冷却液: 乳化液 | 检具: 外径千分尺";

    private const string AlarmTable = "| 报警号 | 内容 | 处理方法 |\n|---|---|---|\n| 2002 | 主轴过载 | 检查切削负载 |";

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddRagGeneration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static string Quote(string unitText, string question, AnswerOptions options) =>
        QuoteFormatter.Format(TestSources.Units(unitText)[0], TestSources.Terms(question), TestSources.Analyzer, options);

    [Fact]
    public void TheDefaults_AreTheNumbersTheCodeHeld()
    {
        var options = new AnswerOptions();
        Assert.Equal((400, 160, 4, 260), (options.MaxSentenceChars, options.WholeRowChars, options.LeadingColumns, options.MaxRowQuoteChars));
        Assert.Equal((10, 3), (options.AnchorSources, options.ClosestSources));
        Assert.Equal((3, 4, 4), (options.SupportingNumberPoints, options.SupportingCharactersPerPoint, options.SupportingMinPoints));
    }

    [Fact]
    public void TheShapeOfAnAnswer_IsBoundFromRagAnswers()
    {
        using var provider = Provider(new()
        {
            ["Rag:Answers:WholeRowChars"] = "100",
            ["Rag:Answers:AnchorSources"] = "20",
            ["Rag:Answers:SupportingMinPoints"] = "6",
        });
        var options = provider.GetRequiredService<IOptions<AnswerOptions>>().Value;
        Assert.Equal((100, 20, 6), (options.WholeRowChars, options.AnchorSources, options.SupportingMinPoints));
        Assert.Equal(new AnswerOptions().MaxRowQuoteChars, options.MaxRowQuoteChars); // an unset one keeps its default
    }

    [Theory]
    [InlineData("MaxSentenceChars", "10")]
    [InlineData("WholeRowChars", "-1")]
    [InlineData("LeadingColumns", "0")]
    [InlineData("MaxRowQuoteChars", "5")]
    [InlineData("AnchorSources", "0")]
    [InlineData("ClosestSources", "21")]
    [InlineData("SupportingNumberPoints", "-1")]
    [InlineData("SupportingCharactersPerPoint", "0")] // a divisor
    [InlineData("SupportingMinPoints", "-1")]
    public async Task AnOutOfRangeValue_StopsTheStart_NamingIt(string name, string value)
    {
        await using var provider = Provider(new() { ["Rag:Answers:" + name] = value });
        // What the host runs at start for ValidateOnStart.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            async () => await provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortRow_IsQuotedWhole_UpToWholeRowChars()
    {
        Assert.Equal("报警号 2002: 内容 主轴过载，处理方法 检查切削负载", Quote(AlarmTable, "报警2002怎么处理？", new AnswerOptions()));
        // Longer than the limit, the row shows what identifies it and the column the question asks about.
        Assert.Equal("报警号 2002: 处理方法 检查切削负载", Quote(AlarmTable, "报警2002怎么处理？", new AnswerOptions { WholeRowChars = 20 }));
    }

    [Fact]
    public void ARowAskedNoColumnOf_ShowsLeadingColumns()
    {
        Assert.Equal("JD-2105-0318 输出轴 第60工序 精车Φ35k6轴颈 工步2: 设备 CK6150数控车床，刀具 外圆车刀 DCLNR2525M12，主轴转速 950 r/min，进给量 0.10 mm/r",
            Quote(CardRow, "JD-2105-0318 第60工序", new AnswerOptions()));
        Assert.Equal("JD-2105-0318 输出轴 第60工序 精车Φ35k6轴颈 工步2: 设备 CK6150数控车床，刀具 外圆车刀 DCLNR2525M12",
            Quote(CardRow, "JD-2105-0318 第60工序", new AnswerOptions { LeadingColumns = 2 }));
    }

    [Fact]
    public void ARowsQuote_IsCutAtMaxRowQuoteChars()
    {
        Assert.DoesNotContain("…", Quote(CardRow, "JD-2105-0318 第60工序", new AnswerOptions()), StringComparison.Ordinal);
        var quote = Quote(CardRow, "JD-2105-0318 第60工序", new AnswerOptions { MaxRowQuoteChars = 30 });
        Assert.Equal("JD-2105-0318 输出轴 第60工序 精车Φ35k6…", quote);
    }

    [Theory]
    [InlineData(400, 305)] // the default: the sentence of 305 characters is one unit
    [InlineData(100, 14)]  // cut at commas into pieces of at most 100: the last piece says what is asked
    public void ALongSentence_IsQuotedInPiecesOfAtMostMaxSentenceChars(int maxSentenceChars, int quotedChars)
    {
        var text = string.Concat(Enumerable.Range(1, 25).Select(i => $"第{i}步检查夹具定位面，")) + "渗碳温度为920℃±10℃。";
        var answerer = new ExtractiveAnswerer(TestSources.Analyzer, Options.Create(new AnswerOptions { MaxSentenceChars = maxSentenceChars }),
            NullLogger<ExtractiveAnswerer>.Instance);
        var sources = new[] { TestSources.Chunk(1, "渗碳淬火热处理规范", text) };

        var quote = answerer.Select(TestSources.Terms("渗碳温度是多少？"), sources, sources).Quotes[0].Unit.Text;

        Assert.EndsWith("渗碳温度为920℃±10℃。", quote, StringComparison.Ordinal);
        Assert.Equal(quotedChars, quote.Length);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("8", 8)]
    [InlineData("3", 6)] // never fewer than the sources an LLM is given (Sources, 6)
    public async Task TheEvidenceCheck_RetrievesAnchorSourcesChunks(string? anchorSources, int retrieved)
    {
        await using var kb = await AnswerKnowledgeBase.CreateAsync(settings: Answers(("AnchorSources", anchorSources)));

        await kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(retrieved, Assert.Single(kb.Searches).Top);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData("1", 1)]
    public async Task AnAbstention_ListsClosestSources(string? closestSources, int listed)
    {
        // Two more documents on bolts, so that more than three sources come close.
        await using var kb = await AnswerKnowledgeBase.CreateAsync(settings: Answers(("ClosestSources", closestSources)), extraDocuments: new Dictionary<string, string>
        {
            ["WI-AS-030_螺栓复检.md"] = "# WI-AS-030 螺栓扭矩复检\n\n每班抽检 5 颗螺栓的拧紧扭矩，记录在复检表上。",
            ["WI-AS-031_螺栓防松.md"] = "# WI-AS-031 螺栓防松胶涂敷\n\n螺栓拧紧前在螺纹上涂防松胶，扭矩按作业指导书。",
        });

        var answer = await kb.Answerer.AnswerAsync(new AskRequest("M12 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Abstain, answer.Mode);
        Assert.Equal(listed, answer.Citations.Count);
    }

    [Theory]
    [InlineData(null, null, null, true)]    // the defaults: the sentence sharing 1800 and most letters with the answer
    [InlineData(null, null, "1000", false)] // no sentence reaches SupportingMinPoints: the whole chunk
    [InlineData("0", "100", null, false)]   // shared numbers and characters count nothing
    [InlineData("4", "100", null, true)]    // the shared number alone points at the sentence
    [InlineData("0", null, null, true)]     // so do the shared letters alone
    public async Task AnLlmAnswersCitation_ShowsTheSentenceThatSupportsIt(string? numberPoints, string? charactersPerPoint, string? minPoints, bool sentence)
    {
        await using var server = new ScriptedOpenAiServer();
        await using var kb = await AnswerKnowledgeBase.CreateAsync(server.BaseUrl, settings: Answers(
            ("SupportingNumberPoints", numberPoints), ("SupportingCharactersPerPoint", charactersPerPoint), ("SupportingMinPoints", minPoints)));
        server.EnqueueStream("At 1.5 MPa the maximum spindle speed is 1800 r/min [1].");

        var answer = await kb.Answerer.AnswerAsync(new AskRequest("What is the max spindle speed at 1.5 MPa chuck pressure?"));

        var citation = Assert.Single(answer.Citations);
        Assert.Contains("1800 r/min", citation.Text, StringComparison.Ordinal);
        // The chunk's last sentence, on 1.2 MPa, is shown only with the whole chunk.
        Assert.Equal(!sentence, citation.Text.Contains("1500 r/min", StringComparison.Ordinal));
    }

    /// <summary>Settings under <c>Rag:Answers</c>; a null value is left unset.</summary>
    [Theory]
    [InlineData(null, true)]    // the default: the chunk stating the interval, further down, answers
    [InlineData("false", false)] // the first chunk alone, whose best sentence states no interval
    public async Task ABestQuoteLackingTheAskedValue_IsLookedForFurtherDownTheRetrievedChunks(string? widen, bool answered)
    {
        // The wrench rules rank first (they name the wrench and its calibration label again and again) but state no
        // interval; the notice below them states it. One extractive source, so that only widening reaches the notice.
        await using var kb = await AnswerKnowledgeBase.CreateAsync(settings: Answers(("ExtractiveSources", "1"), ("WidenForAskedValue", widen)),
            extraDocuments: new Dictionary<string, string>
            {
                ["定扭扳手管理规定.md"] = "# 定扭扳手管理规定\n\n## 2 使用\n\n定扭扳手校准标签由工具室粘贴；定扭扳手使用前检查定扭扳手校准标签，定扭扳手校准标签破损的定扭扳手不得使用。\n",
            });

        var answer = await kb.Answerer.AnswerAsync(new AskRequest("定扭扳手校准标签多久校准一次？", Explain: true));

        Assert.Equal("定扭扳手管理规定.md", Path.GetFileName(answer.Explain!.Chunks[0].Source));
        Assert.Equal(answered, answer.Answer.Contains("6 个月"));
    }

    private static Dictionary<string, string?> Answers(params (string Name, string? Value)[] settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => "Rag:Answers:" + s.Name, s => s.Value);
}
