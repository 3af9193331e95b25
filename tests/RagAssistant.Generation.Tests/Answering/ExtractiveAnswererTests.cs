using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class ExtractiveAnswererTests
{
    // The card row is the second source, so the retrieval rank bonus does not pick it.
    private static readonly RetrievedChunk[] Sources =
    [
        TestSources.Chunk(1, "Q/JD 105—2026 渗碳淬火热处理规范", "4.2.3 渗碳温度为920℃±10℃，保温时间按渗碳层深度确定。渗碳后应缓冷至室温。",
            locator: "4.2.3", context: "Q/JD 105—2026 渗碳淬火热处理规范 > 4 工艺要求"),
        TestSources.Chunk(2, "JD-2105-0318 输出轴机械加工工艺过程卡",
            "零件号: JD-2105-0318 | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10 | 背吃刀量 mm: 0.3",
            locator: "工序60", context: "JD-2105-0318 输出轴 机械加工工艺过程卡"),
        TestSources.Chunk(3, "机加工术语表", "| 术语 | 英文 | 说明 |\n|---|---|---|\n| 首件检验 | first article inspection | 每批首件的全面检验 |",
            locator: "表1", context: "机加工术语表"),
    ];

    private static ExtractiveSelection Select(string question, AnswerOptions? options = null, IReadOnlyList<RetrievedChunk>? sources = null)
    {
        var answerer = new ExtractiveAnswerer(TestSources.Analyzer, Options.Create(options ?? new AnswerOptions()), NullLogger<ExtractiveAnswerer>.Instance);
        sources ??= Sources;
        return answerer.Select(TestSources.Terms(question), sources, sources);
    }

    [Fact]
    public void SpeedQuestion_PicksTheCardRowFirst()
    {
        var selection = Select("JD-2105-0318 第60工序的主轴转速是多少？");
        var best = selection.Quotes[0];
        Assert.Equal(1, best.Source);
        Assert.Equal(UnitKind.Record, best.Unit.Kind);
        Assert.Contains("950", best.Unit.Text, StringComparison.Ordinal);
        Assert.Empty(selection.MissingAnchors);
    }

    [Fact]
    public void OperationNoSourceHas_IsAMissingAnchor()
    {
        var selection = Select("JD-2105-0318 第75工序的主轴转速是多少？");
        Assert.Equal(["op75"], selection.MissingAnchors);
    }

    [Fact]
    public void ManufacturingTermNoSourceMentions_IsReported()
    {
        var selection = Select("渗氮温度是多少？");
        Assert.Equal(["渗氮"], selection.MissingAnchors);
    }

    [Fact]
    public void ManufacturingTermASourceMentions_IsNotReported()
    {
        var selection = Select("渗碳温度是多少？");
        Assert.Empty(selection.MissingAnchors);
        Assert.Equal(0, selection.Quotes[0].Source);
    }

    [Fact]
    public void Quotes_StayWithinMaxQuotes()
    {
        var selection = Select("拧紧扭矩是多少？", sources: [ManyTorqueSentences()]);
        Assert.Equal(new AnswerOptions().MaxQuotes, selection.Quotes.Count);
    }

    [Fact]
    public void Quotes_StayWithinMaxQuoteChars()
    {
        var options = new AnswerOptions { MaxQuotes = 10, MaxQuoteChars = 100 };
        var selection = Select("拧紧扭矩是多少？", options, [ManyTorqueSentences()]);
        Assert.InRange(selection.Quotes.Count, 2, 10);
        Assert.InRange(selection.Quotes.Sum(q => q.Unit.Text.Length), 1, options.MaxQuoteChars);
    }

    [Fact]
    public void NoSources_SelectNothing()
    {
        var selection = Select("拧紧扭矩是多少？", sources: []);
        Assert.Empty(selection.Quotes);
        Assert.Equal(0, selection.BestCoverage);
    }

    private static RetrievedChunk ManyTorqueSentences() => TestSources.Chunk(9, "螺栓拧紧规范",
        string.Concat(Enumerable.Range(1, 8).Select(i => $"M{i + 5}螺栓的拧紧扭矩为{i * 5} N·m，按对角顺序拧紧。")), context: "螺栓拧紧规范");
}
