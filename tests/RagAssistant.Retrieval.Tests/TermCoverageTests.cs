using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Tests;

public class TermCoverageTests
{
    private static RetrievedChunk Chunk(long id, string text, string context = "") => new()
    {
        ChunkId = id, DocumentId = id, Library = "default", Source = $"/docs/{id}.md", Title = "", Kind = "md",
        Locator = "", Context = context, Text = text,
    };

    private static AnalyzedQuery Query(string question, string[] terms, string[]? identifiers = null, string[]? expansions = null) =>
        new(question, "en", terms, identifiers ?? [], expansions ?? [], false);

    [Fact]
    public void ChunkNamingEveryAskedWordOnce_OutranksOneRepeatingASingleWord()
    {
        var ranked = TermCoverage.Rank(Query("how often is the hydraulic oil replaced", ["often", "hydraulic", "oil", "replaced"]),
        [
            Chunk(1, "Oil, oil and more oil: check the oil level, top up the oil, wipe the oil off."),
            Chunk(2, "Quarterly the hydraulic oil is replaced with the filter element."),
        ]);
        Assert.Equal([2L, 1L], ranked.Select(h => h.ChunkId));
        Assert.True(ranked[0].Score > ranked[1].Score);
    }

    [Fact]
    public void IdentifierWeighsMoreThanAWord_AndRareTermsMoreThanCommonOnes()
    {
        // "spindle" is in every chunk and tells them apart least; the asked machine CK6150 decides.
        var ranked = TermCoverage.Rank(Query("CK6150 spindle speed", ["ck6150", "spindle", "speed"], ["ck6150"]),
        [
            Chunk(1, "Spindle speed limit 1400 r/min on the CA6140."),
            Chunk(2, "CK6150 spindle warm-up."),
            Chunk(3, "Spindle bearing check."),
        ]);
        Assert.Equal(2, ranked[0].ChunkId);
    }

    [Fact]
    public void TranslationOfAChineseWord_FindsTheEnglishPassage_AndContextCounts()
    {
        var ranked = TermCoverage.Rank(new AnalyzedQuery("液压油多久更换", "zh", ["液压油", "更换"], [], ["hydraulic", "oil", "replace"], false),
        [
            Chunk(1, "Clean the coolant tank."),
            Chunk(2, "Replace every quarter.", context: "Maintenance > Hydraulic oil"),
        ]);
        Assert.Equal([2L], ranked.Select(h => h.ChunkId));
    }

    [Fact]
    public void BilingualGlossaryRow_CountsEachWordOnce_NotOnceInEachLanguage()
    {
        var ranked = TermCoverage.Rank(new AnalyzedQuery("主轴转速报警", "zh", ["主轴", "转速", "报警"], [], ["spindle", "speed", "alarm"], false),
        [
            Chunk(1, "| 主轴 | spindle | | 转速 | speed |"),
            Chunk(2, "主轴转速超过 1400 r/min 时报警。"),
        ]);
        Assert.Equal([2L, 1L], ranked.Select(h => h.ChunkId));
    }

    [Fact]
    public void ChunkSayingTheQuestionsWordsSideBySide_OutranksOneNamingThemApart()
    {
        var ranked = TermCoverage.Rank(new AnalyzedQuery("主轴轴承多久检查", "zh", ["主轴", "轴承", "检查"], [], [], false),
        [
            Chunk(1, "检查主轴温升；更换刀塔轴承。"),
            Chunk(2, "每 2000 h 检查主轴轴承。"),
        ]);
        Assert.Equal([2L, 1L], ranked.Select(h => h.ChunkId));
    }

    [Fact]
    public void EnglishWordMatchesOnlyAtTheStartOfAWord()
    {
        var ranked = TermCoverage.Rank(Query("oil", ["oil"]), [Chunk(1, "Bring the water to the boil."), Chunk(2, "Oil level.")]);
        Assert.Equal([2L], ranked.Select(h => h.ChunkId));
    }

    [Fact]
    public void EmptyQuestionOrNoCandidates_RankNothing()
    {
        Assert.Empty(TermCoverage.Rank(Query("", []), [Chunk(1, "text")]));
        Assert.Empty(TermCoverage.Rank(Query("oil", ["oil"]), []));
    }
}
