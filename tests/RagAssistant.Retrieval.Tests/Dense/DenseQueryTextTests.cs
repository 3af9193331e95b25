using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Dense;

namespace RagAssistant.Retrieval.Tests.Dense;

/// <summary>What each embedding model is given to embed for a question: its own words, or the glossary translation.</summary>
public class DenseQueryTextTests
{
    private static readonly EmbeddingModelInfo English = new("builtin:all-MiniLM-L6-v2", "all-MiniLM-L6-v2", 384, ["en"], ReadsChinese: false);
    private static readonly EmbeddingModelInfo Chinese = new("builtin:bge-small-zh-v1.5", "bge-small-zh-v1.5", 512, ["zh"], ReadsChinese: true);

    private static AnalyzedQuery Query(string text, string language, params string[] expansions) =>
        new(text, language, [], [], expansions, false);

    [Fact]
    public void AModelThatEmbedsTheQuestionsLanguage_GetsTheQuestionItself()
    {
        Assert.Equal("主轴转速是多少？", Chinese.QueryTextFor(Query("主轴转速是多少？", "zh", "spindle", "speed")));
        Assert.Equal("spindle speed?", English.QueryTextFor(Query("spindle speed?", "en", "主轴", "转速")));
    }

    [Fact]
    public void AChineseQuestion_ReachesTheEnglishModel_ThroughItsTranslation_WithoutTheCharactersItCannotRead()
    {
        var text = English.QueryTextFor(Query("CNC-850 主轴转速是多少？", "zh", "spindle", "speed"));
        Assert.Equal("CNC-850 spindle speed", System.Text.RegularExpressions.Regex.Replace(text!, @"[\s？]+", " ").Trim());
    }

    [Fact]
    public void AnEnglishQuestion_ReachesTheChineseModel_WithItsTranslationAppended()
    {
        Assert.Equal("spindle speed? 主轴 转速", Chinese.QueryTextFor(Query("spindle speed?", "en", "主轴", "转速")));
    }

    [Fact]
    public void AChineseQuestionWithoutTranslation_DoesNotReachTheEnglishModel()
    {
        Assert.Null(English.QueryTextFor(Query("润滑周期？", "zh")));
    }
}
