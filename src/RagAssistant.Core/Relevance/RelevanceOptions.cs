using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Core.Relevance;

/// <summary>
/// Every weight of relevance scoring, bound from <c>Rag:Relevance</c> and validated at start: each property is one named
/// rule's weight (the rule class of the same name says why it exists and on what evidence) or one of the question's
/// term weights. Defaults were chosen on the dev split of corpus/eval (EVAL.md) and reported on its test split; no
/// tuned number of retrieval or answering lives outside this class and <c>Rag:Answers</c>.
/// </summary>
public sealed class RelevanceOptions
{
    public const string Section = "Rag:Relevance";

    // ---- Question term weights (the answerer's coverage of a unit) ----

    /// <summary>An identifier of the question (part, operation, clause, thread …) weighs this much against 1–2 for a word.</summary>
    [Range(0.0, 20.0)] public double IdentifierTermWeight { get; set; } = 3.0;

    /// <summary>
    /// A question word longer than a short word gains this much weight per character beyond it — a Chinese character past
    /// <see cref="ShortChineseTermChars"/>, or <see cref="EnglishLettersPerCharacter"/> letters past
    /// <see cref="ShortEnglishTermLetters"/> — up to <see cref="TermLengthMaxWeight"/>: a short word weighs 1, and longer
    /// words say more (首件检验 over 检验, inspection over part).
    /// </summary>
    [Range(0.0, 5.0)] public double TermLengthWeight { get; set; } = 0.5;

    /// <summary>The most a question word gains by its length (<see cref="TermLengthWeight"/>).</summary>
    [Range(0.0, 10.0)] public double TermLengthMaxWeight { get; set; } = 1.0;

    /// <summary>What a question word holding a digit gains (a size, a class, a year: it narrows what is asked).</summary>
    [Range(0.0, 5.0)] public double DigitTermWeight { get; set; } = 0.5;

    /// <summary>A Chinese question word of this many characters or fewer is a short word (<see cref="TermLengthWeight"/>).</summary>
    [Range(1, 20)] public int ShortChineseTermChars { get; set; } = 2;

    /// <summary>An English question word of this many letters or fewer is a short word (<see cref="TermLengthWeight"/>).</summary>
    [Range(1, 40)] public int ShortEnglishTermLetters { get; set; } = 4;

    /// <summary>This many letters of an English word count as one Chinese character towards its length (<see cref="TermLengthWeight"/>).</summary>
    [Range(1.0, 10.0)] public double EnglishLettersPerCharacter { get; set; } = 3.0;

    /// <summary>A glossary translation of a question word weighs this share of the word (matching it helps; lacking it costs nothing).</summary>
    [Range(0.0, 2.0)] public double TranslationTermWeight { get; set; } = 0.5;

    /// <summary>A translation found in a unit earns this share of the weight of the question word it translates (a glossary may be loose).</summary>
    [Range(0.0, 1.0)] public double TranslationCredit { get; set; } = 0.9;

    /// <summary>A follow-up's own words ("心部" of "心部呢？") weigh this many times the words it inherited from the earlier question.</summary>
    [Range(1.0, 10.0)] public double FollowUpFocusWeight { get; set; } = 2.0;

    /// <summary>A question word found only in the unit's headings, title or a glossary row's headword counts at this share.</summary>
    [Range(0.0, 1.0)] public double HeadingTermShare { get; set; } = 0.6;

    // ---- Follow-up questions read without an LLM (FollowUpQuery) ----

    /// <summary>
    /// A Chinese question of at most this many characters (punctuation and spaces not counted) is read as a follow-up of
    /// the previous question even without a referring word (那/它/还有 …): "渗碳层深度呢" names too little to stand alone.
    /// </summary>
    [Range(0, 200)] public int FollowUpMaxChineseChars { get; set; } = 12;

    /// <summary>An English question of at most this many words is read as a follow-up even without a referring word (and/what about …).</summary>
    [Range(0, 50)] public int FollowUpMaxEnglishWords { get; set; } = 5;

    /// <summary>
    /// The word a follow-up names in place of a term of the previous question (剃齿 for 滚齿, 心部 for 表面 of 表面硬度) is a run
    /// of at most this many Chinese characters of the follow-up.
    /// </summary>
    [Range(2, 20)] public int FollowUpTermChars { get; set; } = 4;

    /// <summary>The previous question's dictionary term that such a word replaces is at most this many characters long.</summary>
    [Range(2, 20)] public int FollowUpReplacedTermChars { get; set; } = 6;

    // ---- Fusion of the retrieved lists (per chunk) ----

    /// <summary>Fusion weight of the candidates ordered by how much of the question they contain (CoverageList; the keyword list weighs 1).</summary>
    [Range(0.0, 5.0)] public double CoverageList { get; set; } = 0.5;

    /// <summary>In the coverage list, an identifier counts this many times a word.</summary>
    [Range(0.0, 10.0)] public double CoverageIdentifierFactor { get; set; } = 2.0;

    /// <summary>In the coverage list, a passage in the other language is measured by the question's translations at this share.</summary>
    [Range(0.0, 1.0)] public double CoverageTranslationShare { get; set; } = 0.5;

    /// <summary>In the coverage list, the question's neighbouring words found side by side add up to this share.</summary>
    [Range(0.0, 5.0)] public double CoveragePhraseBonus { get; set; } = 0.6;

    /// <summary>
    /// Fusion weight of each model's dense list by the question's language (DenseList), keyed by the model's name (its id
    /// without <c>builtin:</c> / <c>folder:</c>), e.g. <c>Rag:Relevance:DenseLists:bge-small-zh-v1.5:Zh</c>. A model not
    /// listed takes <see cref="DenseListDefault"/> (<see cref="DenseListChineseWithEnglishModel"/> for a Chinese
    /// question when it cannot read Chinese). Defaults measured on the dev split (decision 0012).
    /// </summary>
    public Dictionary<string, DenseLanguageWeights> DenseLists { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all-MiniLM-L6-v2"] = new() { En = 0.1, Zh = 0.1 },
        ["bge-small-zh-v1.5"] = new() { En = 0.1, Zh = 0.1 },
    };

    /// <summary>Fusion weight of a dense list whose model <see cref="DenseLists"/> does not name.</summary>
    [Range(0.0, 5.0)] public double DenseListDefault { get; set; } = 0.1;

    /// <summary>Fusion weight of such a list for a Chinese question when its model cannot read Chinese (its scores are noise).</summary>
    [Range(0.0, 5.0)] public double DenseListChineseWithEnglishModel { get; set; } = 0.0;

    /// <summary>Whether an unlisted embedding model understands Chinese; null = decide from its name (zh, multilingual, m3, text2vec).</summary>
    public bool? DenseUnderstandsChinese { get; set; }

    /// <summary>Factor on a superseded revision's fused score unless the question asks about revisions or names editions (SupersededRevision).</summary>
    [Range(0.0, 1.0)] public double SupersededRevision { get; set; } = 0.8;

    /// <summary>Factor on a chunk of another lettered revision or edition than the one the question names (UnnamedRevision); as SupersededRevision.</summary>
    [Range(0.0, 1.0)] public double UnnamedRevision { get; set; } = 0.8;

    /// <summary>Factor on a chunk naming operations or materials, none of them the question's (OtherOperation).</summary>
    [Range(0.0, 1.0)] public double OtherOperation { get; set; } = 0.5;

    /// <summary>Factor on a chunk stating a change when the question asks what changed (ChangeRecord).</summary>
    [Range(1.0, 5.0)] public double ChangeRecord { get; set; } = 1.5;

    // ---- Answer units (sentences and rows) ----

    /// <summary>What the chunk's retrieval rank adds to its units' scores: weight / rank (RetrievalRank).</summary>
    [Range(0.0, 1.0)] public double RetrievalRank { get; set; } = 0.05;

    /// <summary>What a unit's embedding similarity of 1 to the question adds when choosing quotes (UnitSimilarity).</summary>
    [Range(0.0, 2.0)] public double UnitSimilarity { get; set; } = 0.3;

    /// <summary>What a unit's embedding similarity of 1 adds when evidence re-ordering ranks passages by their best unit.</summary>
    [Range(0.0, 5.0)] public double EvidenceSimilarity { get; set; } = 1.0;

    /// <summary>Factor on a unit lacking the asked kind of value: no interval for "how often", no date for "when", no torque for "what torque" (LacksAskedValue).</summary>
    [Range(0.0, 1.0)] public double LacksAskedValue { get; set; } = 0.6;

    /// <summary>Factor on a bare label or title line (ShortLine).</summary>
    [Range(0.0, 1.0)] public double ShortLine { get; set; } = 0.5;

    /// <summary>A line shorter than this many characters is a bare label (ShortLine).</summary>
    [Range(0, 200)] public int ShortLineChars { get; set; } = 12;

    /// <summary>Factor on a short line made only of the question's own words (RestatesQuestion).</summary>
    [Range(0.0, 1.0)] public double RestatesQuestion { get; set; } = 0.25;

    /// <summary>A line of at most this many characters can be a restatement (RestatesQuestion).</summary>
    [Range(0, 500)] public int RestatementChars { get; set; } = 40;

    /// <summary>Factor on a unit naming none of a follow-up's own words (OffFollowUpFocus).</summary>
    [Range(0.0, 1.0)] public double OffFollowUpFocus { get; set; } = 0.6;

    /// <summary>Factor on a unit lacking a number the question names (alarm 2001, 1.8 MPa) that another candidate holds (OtherNumber).</summary>
    [Range(0.0, 1.0)] public double OtherNumber { get; set; } = 0.6;

    /// <summary>Factor on a unit of a document that names none of the identifiers the question names (SSM2163, CK6150) where another candidate's document does (OtherSubject).</summary>
    [Range(0.0, 1.0)] public double OtherSubject { get; set; } = 0.6;

    /// <summary>Factor on a unit of another document than the one the question names by its number (Q/JD 105, WI-AS-021) where that document's units are candidates (OtherDocument).</summary>
    [Range(0.0, 1.0)] public double OtherDocument { get; set; } = 0.6;

    /// <summary>Factor on a dated record's row (a maintenance log) for a question asking what is required or allowed, where another candidate is no such row (EventRecord).</summary>
    [Range(0.0, 1.0)] public double EventRecord { get; set; } = 0.7;

    /// <summary>What a unit of the clause the question names (4.2.3 条) adds (AskedClause).</summary>
    [Range(0.0, 2.0)] public double AskedClause { get; set; } = 0.3;

    /// <summary>Factor on a unit of another revision than the one the question names (OtherRevision).</summary>
    [Range(0.0, 1.0)] public double OtherRevision { get; set; } = 0.6;

    /// <summary>Factor on a unit stating a change when the question asks what changed (ChangeStatement).</summary>
    [Range(1.0, 5.0)] public double ChangeStatement { get; set; } = 1.5;

    /// <summary>Factor on a table row whose key cells (its first column or identifying columns: a bolt size, an alarm code, an operation), or a block of labelled lines whose labels, hold a word the question names (KeyCell).</summary>
    [Range(1.0, 5.0)] public double KeyCell { get; set; } = 1.2;

    /// <summary>Factor on a unit of a section that frames the document — definitions, purpose and scope, contents, foreword — unless the question asks for that (FramingSection).</summary>
    [Range(0.0, 1.0)] public double FramingSection { get; set; } = 0.6;
}

/// <summary>A dense list's fusion weight for English and for Chinese questions.</summary>
public sealed class DenseLanguageWeights
{
    [Range(0.0, 5.0)] public double En { get; set; }

    [Range(0.0, 5.0)] public double Zh { get; set; }
}
