using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Generation.Extractive;
using RagAssistant.Generation.Tests.Answering;

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
    }

    [Fact]
    public void TheShapeOfAnAnswer_IsBoundFromRagAnswers()
    {
        using var provider = Provider(new()
        {
            ["Rag:Answers:WholeRowChars"] = "100",
            ["Rag:Answers:LeadingColumns"] = "2",
        });
        var options = provider.GetRequiredService<IOptions<AnswerOptions>>().Value;
        Assert.Equal((100, 2), (options.WholeRowChars, options.LeadingColumns));
        Assert.Equal(new AnswerOptions().MaxRowQuoteChars, options.MaxRowQuoteChars); // an unset one keeps its default
    }

    [Theory]
    [InlineData("MaxSentenceChars", "10")]
    [InlineData("WholeRowChars", "-1")]
    [InlineData("LeadingColumns", "0")]
    [InlineData("MaxRowQuoteChars", "5")]
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
}
