using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;

namespace RagAssistant.Core.Answers;

/// <summary>
/// Why an answer came out as it did (<c>rag ask --explain</c>, <c>"explain": true</c> on /api/ask): the evidence score
/// that decided whether to answer, each source chunk's score as fusion and the ranking rules built it, and each
/// candidate sentence or row with its coverage and the unit rules that changed it.
/// </summary>
public sealed record AnswerExplain(EvidenceExplain Evidence, IReadOnlyList<ChunkExplain> Chunks, IReadOnlyList<UnitExplain> Units);

/// <summary>
/// The calibrated evidence score of the best unit (<c>Rag:Answers:Abstention*</c>) and what it is made of.
/// </summary>
/// <param name="Score">weight·coverage + weight·similarity + weight·(asked value present).</param>
/// <param name="Threshold">Below it the answer abstains.</param>
/// <param name="MissingAnchors">Identifiers, numbers or editions of the question no source holds (these abstain alone).</param>
public sealed record EvidenceExplain(double Score, double Threshold, double Coverage, double Similarity, bool AskedValuePresent,
    IReadOnlyList<string> MissingAnchors, bool Abstained)
{
    /// <summary>Words of the question no source mentions (a manufacturing term, a year): each lowers the score.</summary>
    public IReadOnlyList<string> AbsentWords { get; init; } = [];

    /// <summary>The best quote answers for nothing the question asks beyond its identifiers (it only names what is asked about).</summary>
    public bool OnlyIdentifiers { get; init; }

    /// <summary>The best quote stands in a document naming none of the question's identifiers, where another retrieved document names them.</summary>
    public bool OtherSubject { get; init; }
}

/// <summary>One retrieved chunk: its rank, its fused score and the lists and rules that built it.</summary>
public sealed record ChunkExplain(int Rank, long ChunkId, string Source, string Locator, double Score, double Base, IReadOnlyList<RuleEffect> Rules)
{
    public static ChunkExplain From(SearchResult result) => new(result.Rank, result.Chunk.ChunkId, result.Chunk.Source, result.Chunk.Locator,
        Math.Round(result.Score, 6), Math.Round(result.Trace?.Base ?? 0, 6), Rounded(result.Trace));

    /// <summary>The trace's effects with scores rounded for reading.</summary>
    public static IReadOnlyList<RuleEffect> Rounded(ScoreTrace? trace) =>
        trace?.Effects.Select(e => e with { Before = Math.Round(e.Before, 6), After = Math.Round(e.After, 6) }).ToList() ?? [];
}

/// <summary>One candidate sentence or row: the chunk's rank among the sources, whether it was quoted, its coverage (the base) and the rules.</summary>
public sealed record UnitExplain(int SourceRank, long ChunkId, string Text, bool Quoted, double Score, double Base, IReadOnlyList<RuleEffect> Rules);
