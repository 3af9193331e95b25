using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Generation;

/// <summary>How answers are built, bound from <c>Rag:Answers</c>. Thresholds were calibrated on corpus/eval (see README).</summary>
public sealed class AnswerOptions
{
    public const string Section = "Rag:Answers";

    /// <summary>Retrieved chunks the answer may draw on (numbered sources in the LLM prompt). Default 6.</summary>
    [Range(1, 20)]
    public int Sources { get; set; } = 6;

    /// <summary>Chunks whose sentences and rows the extractive answerer considers. Default 5.</summary>
    [Range(1, 20)]
    public int ExtractiveSources { get; set; } = 5;

    /// <summary>Most quoted units (sentences or table rows) in an extractive answer. Default 3.</summary>
    [Range(1, 10)]
    public int MaxQuotes { get; set; } = 3;

    /// <summary>About how many characters of quotes an extractive answer holds. Default 600.</summary>
    [Range(100, 5000)]
    public int MaxQuoteChars { get; set; } = 600;

    /// <summary>
    /// A further quote joins the first only when its score is at least this share of the best one. Default 0.75.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FollowingQuoteRatio { get; set; } = 0.75;

    /// <summary>
    /// A quote from a source not yet cited must add question terms the chosen quotes lack, together worth at least this
    /// share of the question's weighted terms (0–1) and half of what the chosen quotes still lack: each extra citation
    /// should hold something asked for — the second half of "什么零件，什么材料", not a second row repeating the first.
    /// Default 0.1.
    /// </summary>
    [Range(0.0, 1.0)]
    public double OtherSourceMinGain { get; set; } = 0.1;

    /// <summary>
    /// Abstain when the best evidence covers less than this share of the question's weighted terms (0–1). Default 0.2.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.2;

    /// <summary>
    /// How much the retrieval rank of a passage's chunk adds to its score (bonus / rank): retrieval has already weighed
    /// the whole chunk, the quote scorer sees single sentences. Default 0.05 (on corpus/eval 0.15 and 0.3 raised citation precision a little but lowered answer_contains more).
    /// </summary>
    [Range(0.0, 1.0)]
    public double RankBonus { get; set; } = 0.05;

    /// <summary>
    /// How much the embedding similarity (cosine, 0–1) of an English sentence or row to the question adds to its score,
    /// next to keyword and identifier coverage; 0 turns it off. Default 0.3.
    /// </summary>
    [Range(0.0, 2.0)]
    public double SimilarityWeight { get; set; } = 0.3;

    /// <summary>
    /// How much a sentence's embedding similarity to an English question adds to its score when evidence re-ordering ranks
    /// English passages by their best sentence (<c>Rag:Retrieval:EvidenceRerankDepth</c>); 0 turns it off. Default 1.0:
    /// ranking passages, a sentence that says what was asked in other words counts as much as one naming all its terms
    /// (measured on emanual-en, hybrid hit@5 at 0 / 0.3 / 0.7 / 1.0 / 2.0: 0.882 / 0.900 / 0.912 / 0.913 / 0.915).
    /// Choosing quotes uses <see cref="SimilarityWeight"/>.
    /// </summary>
    [Range(0.0, 5.0)]
    public double EvidenceSimilarityWeight { get; set; } = 1.0;

    /// <summary>
    /// Embeddings of sentences and rows kept for later questions (least recently used dropped first); 0 keeps none.
    /// Default 20,000 (about 35 MB with the built-in 384-dimension model).
    /// </summary>
    [Range(0, 10_000_000)]
    public int UnitVectorCacheSize { get; set; } = Extractive.UnitSimilarity.DefaultCacheSize;

    /// <summary>Earlier turns of the conversation sent to the LLM with a question. Default 3.</summary>
    [Range(0, 20)]
    public int HistoryTurns { get; set; } = 3;
}
