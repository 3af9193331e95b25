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

    /// <summary>
    /// When the best unit of the first <see cref="ExtractiveSources"/> chunks states no value of the kind the question asks
    /// (an interval for "how often", a torque for "what torque"), the extractive answerer reads every retrieved chunk
    /// (<see cref="AnchorSources"/>) and quotes from there if its best unit states one. Default true.
    /// </summary>
    public bool WidenForAskedValue { get; set; } = true;

    /// <summary>Most quoted units (sentences or table rows) in an extractive answer. Default 3.</summary>
    [Range(1, 10)]
    public int MaxQuotes { get; set; } = 3;

    /// <summary>About how many characters of quotes an extractive answer holds. Default 600.</summary>
    [Range(100, 5000)]
    public int MaxQuoteChars { get; set; } = 600;

    /// <summary>
    /// A sentence longer than this many characters is cut at a comma (or a space) into quotable units of at most this
    /// length, so a quote stays short. Default 400.
    /// </summary>
    [Range(50, 10_000)]
    public int MaxSentenceChars { get; set; } = 400;

    /// <summary>A table row of at most this many characters is quoted whole (labelled); a longer one shows only its identifying and asked-for columns. Default 160.</summary>
    [Range(0, 5000)]
    public int WholeRowChars { get; set; } = 160;

    /// <summary>Where the question names none of a longer row's columns, the row's first this many columns (after those identifying it) say what it is. Default 4.</summary>
    [Range(1, 50)]
    public int LeadingColumns { get; set; } = 4;

    /// <summary>A quoted table row is cut to this many characters (with "…"). Default 260.</summary>
    [Range(20, 5000)]
    public int MaxRowQuoteChars { get; set; } = 260;

    /// <summary>
    /// A further quote joins the first only when its score is at least this share of the best one. Default 0.75.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FollowingQuoteRatio { get; set; } = 0.75;

    /// <summary>
    /// Quote the sentence that follows the best quote in its paragraph with it, whatever it scores: a statement is often
    /// completed by the next sentence (what is recommended, how many were found). It adds no citation. Default true.
    /// </summary>
    public bool QuoteNextSentence { get; set; } = true;

    /// <summary>
    /// A quote from a source not yet cited must add question terms the chosen quotes lack, together worth at least this
    /// share of the question's weighted terms (0–1) and half of what the chosen quotes still lack: each extra citation
    /// should hold something asked for — the second half of "什么零件，什么材料", not a second row repeating the first.
    /// Default 0.1.
    /// </summary>
    [Range(0.0, 1.0)]
    public double OtherSourceMinGain { get; set; } = 0.1;

    /// <summary>A quote from another source than the best one must score at least this share of the best: each extra source is a citation that may not hold the answer. Default 0.92.</summary>
    [Range(0.0, 1.0)]
    public double OtherSourceRatio { get; set; } = 0.92;

    /// <summary>
    /// A quote from another source must also supply this share of what the chosen quotes still lack: a second chunk that
    /// adds one incidental word (发现) to a weak first quote answers no more of the question than before. Default 0.5.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MissingShare { get; set; } = 0.5;

    /// <summary>For "what changed", another revision's best unit is quoted beside the best one when it scores at least this share of it. Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double RevisionQuoteRatio { get; set; } = 0.5;

    /// <summary>
    /// In the evidence score (<see cref="Answering.EvidenceScore"/>), the weight of the best unit's coverage of the
    /// question's weighted terms (0–1). Default 1.
    /// </summary>
    [Range(0.0, 5.0)]
    public double AbstentionCoverage { get; set; } = 1.0;

    /// <summary>In the evidence score, the weight of the best unit's embedding similarity to the question (0–1; 0 where its model cannot compare them).</summary>
    [Range(0.0, 5.0)]
    public double AbstentionSimilarity { get; set; } = 0.0;

    /// <summary>In the evidence score, what the best unit stating the kind of value asked for adds (a question asking for none counts as stated).</summary>
    [Range(0.0, 5.0)]
    public double AbstentionValue { get; set; } = 0.0;

    /// <summary>In the evidence score, what each word of the question that no source mentions (a manufacturing term, a year) takes away.</summary>
    [Range(0.0, 5.0)]
    public double AbstentionAbsentWord { get; set; } = 0.2;

    /// <summary>
    /// Abstain when the evidence score is below this. Default 0.24 with coverage weight 1 and 0.2 per absent word, chosen
    /// on the dev split (the best of a grid over all four weights and the threshold: similarity and the asked value did not
    /// separate answerable from unanswerable questions there, so their weights are 0). README, "Answers", has the figures.
    /// </summary>
    [Range(0.0, 10.0)]
    public double AbstainBelow { get; set; } = 0.24;

    /// <summary>
    /// Abstain when the best quote answers for nothing the question asks beyond its identifiers — "the weight of the
    /// VMC850" met by a sentence that only names the VMC850. Default true.
    /// </summary>
    public bool AbstainOnIdentifiersOnly { get; set; } = true;

    /// <summary>
    /// Abstain when the best quote stands in a document that names none of the question's identifiers while another
    /// retrieved document names them — "SSM2163 的最大功耗" met by a reducer's rated input power: the SSM2163's own
    /// datasheet does not state it. Default true.
    /// </summary>
    public bool AbstainOnOtherSubject { get; set; } = true;

    /// <summary>
    /// The evidence check looks for the question's identifiers (a part number, a clause, a thread …) together in one of
    /// this many retrieved chunks (or <see cref="Sources"/>, if more): an identifier found in none of them is a near miss,
    /// and the answer abstains. Default 10.
    /// </summary>
    [Range(1, 100)]
    public int AnchorSources { get; set; } = 10;

    /// <summary>An abstention lists this many of the closest sources. Default 3.</summary>
    [Range(1, 20)]
    public int ClosestSources { get; set; } = 3;

    /// <summary>
    /// An LLM answer's citation shows the cited chunk's sentence or row that best supports the sentences citing it: each
    /// number they share counts this many points, and every <see cref="SupportingCharactersPerPoint"/> distinct letters or
    /// digits they share one more. Default 3.
    /// </summary>
    [Range(0, 100)]
    public int SupportingNumberPoints { get; set; } = 3;

    /// <summary>Distinct letters or digits a unit shares with the citing sentences that count one point (<see cref="SupportingNumberPoints"/>). Default 4.</summary>
    [Range(1, 100)]
    public int SupportingCharactersPerPoint { get; set; } = 4;

    /// <summary>A unit of fewer points than this supports nothing in particular: the citation shows the whole chunk. Default 4.</summary>
    [Range(0, 1000)]
    public int SupportingMinPoints { get; set; } = 4;

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
