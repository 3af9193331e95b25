using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class EvidenceRerankerTests
{
    private static readonly RetrievedChunk Glossary = TestSources.Chunk(1, "机加工术语表",
        "| 术语 | 英文 | 说明 |\n|---|---|---|\n| 主轴 | spindle | 带动工件旋转的轴 |\n| 转速 | speed | 每分钟转数 |\n| 精车 | finish turning | 最后一道车削工序 |",
        locator: "表1", context: "机加工术语表");

    private static readonly RetrievedChunk Operation60 = TestSources.Chunk(2, "JD-2105-0318 输出轴机械加工工艺过程卡",
        "零件号: JD-2105-0318 | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10",
        locator: "工序60", context: "JD-2105-0318 输出轴 机械加工工艺过程卡");

    private static readonly RetrievedChunk Operation50 = TestSources.Chunk(3, "JD-2105-0318 输出轴机械加工工艺过程卡",
        "零件号: JD-2105-0318 | 工序号: 50 | 工序名称: 铣键槽 | 主轴转速 r/min: 600 | 进给量 mm/r: 0.05",
        locator: "工序50", context: "JD-2105-0318 输出轴 机械加工工艺过程卡");

    private static IReadOnlyList<RetrievedChunk> Rerank(string question, params RetrievedChunk[] ranked) => Rerank(question, null, ranked);

    private static IReadOnlyList<RetrievedChunk> Rerank(string question, IEmbeddingGenerator<string, Embedding<float>>? model, params RetrievedChunk[] ranked)
    {
        var options = Options.Create(new AnswerOptions());
        var answerer = new ExtractiveAnswerer(TestSources.Analyzer, options, NullLogger<ExtractiveAnswerer>.Instance);
        return new EvidenceReranker(TestSources.Analyzer, answerer, new UnitSimilarity(model), Options.Create(new RagAssistant.Core.Relevance.RelevanceOptions()), options)
            .RerankAsync(TestSources.Analyzer.Analyze(question), ranked).GetAwaiter().GetResult();
    }

    // An English manual's sections, in the order retrieval ranked them for "How do I fix poor screen colors?": two name
    // its words, the third answers it in other words.
    private static readonly RetrievedChunk ColorInversion = TestSources.Chunk(11, "TV e-Manual",
        "You can invert the colors of the text and background displayed on the screen.", context: "Inverting the screen color");

    private static readonly RetrievedChunk SelfDiagnosis = TestSources.Chunk(12, "TV e-Manual",
        "Run the self diagnosis to fix problems with the TV.", context: "Diagnosing operational issues");

    private static readonly RetrievedChunk PictureTest = TestSources.Chunk(13, "TV e-Manual",
        "If the hue looks wrong, check that the cables are connected firmly.", context: "Testing the picture");

    private const string ScreenColorQuestion = "How do I fix poor screen colors?";

    /// <summary>The model finds the question and the picture test's sentence alike; nothing else.</summary>
    private static ScriptedEmbeddings ModelSeeingTheParaphrase() => new(new Dictionary<string, float[]>
    {
        [ScreenColorQuestion] = [1, 0],
        ["If the hue looks wrong, check that the cables are connected firmly."] = [0.9f, 0.1f],
    });

    [Fact]
    public void AnEnglishSentenceSayingWhatWasAskedInOtherWords_LiftsItsPassage()
    {
        Assert.Equal([11, 12, 13], Rerank(ScreenColorQuestion, ColorInversion, SelfDiagnosis, PictureTest).Select(c => c.ChunkId));
        Assert.Equal([11, 13, 12], Rerank(ScreenColorQuestion, ModelSeeingTheParaphrase(), ColorInversion, SelfDiagnosis, PictureTest).Select(c => c.ChunkId));
    }

    [Fact]
    public void AmongCandidatesTheModelCannotAllRead_SimilarityIsLeftOut()
    {
        // The built-in model reads English only: next to a Chinese passage every English one would gain for its language.
        var model = ModelSeeingTheParaphrase();
        var reranked = Rerank(ScreenColorQuestion, model, ColorInversion, SelfDiagnosis, PictureTest, Operation50);
        Assert.Equal([11, 12, 13, 3], reranked.Select(c => c.ChunkId));
        Assert.Empty(model.Embedded);
    }

    [Fact]
    public void TheRowThatAnswers_ComesBeforeAGlossaryNamingTheWordsInRowsOfTheirOwn()
    {
        var reranked = Rerank("JD-2105-0318 第60工序精车的主轴转速是多少？", Glossary, Operation60, Operation50);
        Assert.Equal([2, 1, 3], reranked.Select(c => c.ChunkId));
    }

    [Fact]
    public void WhenTheRowsAgreeWithRetrieval_TheOrderStays()
    {
        var reranked = Rerank("JD-2105-0318 第60工序精车的主轴转速是多少？", Operation60, Operation50, Glossary);
        Assert.Equal([2, 3, 1], reranked.Select(c => c.ChunkId));
    }

    [Fact]
    public void OneRowCannotOvertakeTheTopOnItsOwn_RetrievalKeepsAnEqualVote()
    {
        // Retrieval ranks the answering row last of three; the unit reading alone would put it first, but with equal
        // votes a chunk overtakes the top one only when retrieval ranks it above where the unit reading ranks the top.
        var reranked = Rerank("JD-2105-0318 第60工序精车的主轴转速是多少？", Operation50, Glossary, Operation60);
        Assert.Equal([Operation50.ChunkId, Operation60.ChunkId, Glossary.ChunkId], reranked.Select(c => c.ChunkId));
    }
}
