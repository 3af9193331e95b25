using Bunit;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Web.Components.Tools;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

/// <summary>One retrieved chunk on the retrieval test page: each retriever's score and rank, the fused score, the trace.</summary>
public sealed class RetrievalResultCardTests : ComponentTest
{
    private static SearchResult Result(int? denseRank, int? keywordRank, ScoreTrace? trace = null) =>
        new(2, new RetrievedChunk
        {
            ChunkId = 41, DocumentId = 3, Library = "default", Source = "/srv/plant/docs/Q-JD-105.md", Title = "热处理通用技术条件",
            Kind = "standard", Locator = "table 2 row 6", Context = "", Text = "强渗期碳势 1.15–1.20 %C",
        }, 0.0312, denseRank, keywordRank)
        {
            Trace = trace,
            DenseScore = denseRank is null ? null : 0.71234,
            KeywordScore = keywordRank is null ? null : 12.5,
        };

    [Fact]
    public void ShowsEachRetrieversScoreAndRank_TheTitleAndTheLocalisedLocator_NotThePath()
    {
        var card = RenderWithText<RetrievalResultCard>(p => p.Add(c => c.Result, Result(denseRank: 3, keywordRank: 1)));

        Assert.Equal("向量检索: 分数 0.7123 · 第 3 名", card.Find("[data-testid=retrieval-dense]").TextContent);
        Assert.Equal("关键词检索: 分数 12.5000 · 第 1 名", card.Find("[data-testid=retrieval-keyword]").TextContent);
        Assert.Contains("0.0312", card.Find("[data-testid=retrieval-score]").TextContent);
        Assert.Equal("表2 第6行", card.Find("[data-testid=retrieval-locator]").TextContent);
        Assert.Contains("热处理通用技术条件", card.Markup);
        Assert.Contains("Q-JD-105.md", card.Markup);
        Assert.DoesNotContain("/srv/", card.Markup);
    }

    [Fact]
    public void AChunkOneRetrieverMissed_SaysSo()
    {
        var card = RenderWithText<RetrievalResultCard>(p => p.Add(c => c.Result, Result(denseRank: null, keywordRank: 4)), UiText.English);
        Assert.Equal("Dense: not retrieved", card.Find("[data-testid=retrieval-dense]").TextContent);
    }

    [Fact]
    public void RuleTrace_NamesEachRuleInTheUiLanguage_AndTheFusedScoreComesFromIt()
    {
        var trace = new ScoreTrace(0);
        trace.Apply("KeywordList", 0.0164, "rank 1, weight 1");
        trace.Apply("DenseList:bge-small-zh", 0.0390, "rank 3, weight 1.5");
        trace.Apply("Fused", 0.0390, "reciprocal rank fusion");
        trace.Apply("SupersededRevision", 0.0312, "superseded revision A");

        var card = RenderWithText<RetrievalResultCard>(p => p.Add(c => c.Result, Result(3, 1, trace)));

        var rules = card.FindAll("[data-testid=retrieval-rule] td:first-child").Select(e => e.TextContent).ToList();
        Assert.Equal(["关键词列表", "向量列表 (bge-small-zh)", "已作废版本降权"], rules);
        Assert.Contains("0.0390", card.Find("[data-testid=retrieval-fused]").TextContent);
        var evidence = card.FindAll("[data-testid=retrieval-rule] td:last-child").Select(e => e.TextContent).ToList();
        Assert.Equal(["第 1 名，权重 1", "第 3 名，权重 1.5", "已作废版本 A"], evidence);
    }
}
