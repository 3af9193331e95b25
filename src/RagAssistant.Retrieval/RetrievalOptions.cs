namespace RagAssistant.Retrieval;

/// <summary>Retrieval settings. Bound from the configuration section <c>Rag:Retrieval</c>.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Rag:Retrieval";

    /// <summary>Extra jieba user dictionaries (word freq tag per line) loaded after the built-in manufacturing one.</summary>
    public List<string> UserDictionaries { get; set; } = [];

    /// <summary>Extra glossary files (zh TAB en …) merged with the built-in zh↔en glossary.</summary>
    public List<string> Glossaries { get; set; } = [];

    /// <summary>
    /// Candidates each retriever contributes to fusion (at least 5 × the requested top). Default 100: the coverage list
    /// re-orders them, so a deeper pool lets it reach the passage BM25 ranked low (domainrag-zh hybrid hit@5 0.599 at 50,
    /// 0.611 at 100; retrieval p95 on corpus/eval unchanged at ~23 ms).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(10, 1000)]
    public int CandidatesPerRetriever { get; set; } = 100;

    /// <summary>
    /// Weight of the dense list in fusion (the keyword list weighs 1). Default 0.1: with the built-in MiniLM, dense
    /// re-ranks keyword candidates usefully only at a low weight (hit@5 on emanual-en: keyword 0.837, hybrid 0.846 at
    /// 0.1, 0.841 at 0.3, 0.834 at 1.0; on corpus/eval English: 1.000 at 0.1, 0.826 at 0.3). Raise it for a stronger model.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 5.0)]
    public double DenseWeight { get; set; } = 0.1;

    /// <summary>
    /// Weight of the dense list for a Chinese question when the embedding model does not understand Chinese (the built-in
    /// MiniLM): its scores on Chinese are noise (mostly [UNK] tokens). Default 0: measured, any weight above 0 lowered
    /// hit@5 on the Chinese questions.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double DenseWeightForChineseWithEnglishModel { get; set; } = 0.0;

    /// <summary>
    /// Weight in fusion of the candidates ranked by how much of the question they contain (<see cref="TermCoverage"/>).
    /// Default 0.5, measured (hybrid hit@5 without → 0.5 → 1.0): emanual-en 0.846 → 0.866 → 0.859, domainrag-zh
    /// 0.548 → 0.599 → 0.591, corpus/eval 0.914 → 0.926 → 0.926. 0 turns it off.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 5.0)]
    public double CoverageWeight { get; set; } = 0.5;

    /// <summary>Vector count above which dense search uses an int8 first pass with exact re-scoring. Default 200,000.</summary>
    [System.ComponentModel.DataAnnotations.Range(1000, int.MaxValue)]
    public int QuantizeAbove { get; set; } = 200_000;

    /// <summary>Whether the embedding model understands Chinese; null = decide from its name (zh, multilingual, m3, text2vec).</summary>
    public bool? DenseUnderstandsChinese { get; set; }

    /// <summary>Factor on a superseded revision's fused score, so the current revision ranks first. Default 0.8 (RRF scores sit close together, so a mild factor already orders revisions).</summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double SupersededFactor { get; set; } = 0.8;

    /// <summary>
    /// Factor on the fused score of a chunk that names operations (materials) but none the question names (operation 60's
    /// row when operation 40 is asked; a 40Cr clause when 42CrMo is asked). Default 0.5: the right row or clause should
    /// win even when the other matches more words.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double OtherOperationFactor { get; set; } = 0.5;

    /// <summary>
    /// Factor on the fused score of a chunk stating a change ("由 45 改为 48", "800→950", "changed from") when the question
    /// asks what changed or what a value used to be: the revision record answers it in one place. Default 1.5 (corpus/eval
    /// hybrid MRR@10 0.782 → 0.799, revision questions' hit@1 up; 2.0 lowered hit@5; emanual-en unchanged).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1.0, 5.0)]
    public double ChangeRecordFactor { get; set; } = 1.5;

    /// <summary>
    /// How many of the best fused candidates are re-ordered by their best sentence or table row (<see cref="Core.Search.IEvidenceReranker"/>,
    /// registered by the answering layer); 0 turns it off. Default 30, measured (hybrid hit@5 / MRR@10 off → 10 → 20 → 30):
    /// corpus/eval 0.938 / 0.806 → 0.975 / 0.849 → 0.988 / 0.865 → 1.000 / 0.872; emanual-en 0.882 / 0.727 → 0.878 / 0.743
    /// → 0.882 / 0.737 → 0.882 / 0.739; domainrag-zh 0.651 / 0.426 → 0.627 / 0.410 → 0.619 / 0.409 → 0.623 / 0.387 (long
    /// web pages whose facts sit in different sentences: the unit reading helps them least).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 200)]
    public int EvidenceRerankDepth { get; set; } = 30;

    /// <summary>Optional maximal marginal relevance over the fused candidates (<c>Rag:Retrieval:Mmr</c>); off by default.</summary>
    public MmrOptions Mmr { get; set; } = new();

    /// <summary>
    /// Weight in fusion of each model's dense list by the question's language (the keyword list weighs 1), keyed by the
    /// model's name (its id without <c>builtin:</c> / <c>folder:</c>), e.g. <c>Rag:Retrieval:DenseWeights:bge-small-zh-v1.5:Zh</c>.
    /// A model not listed takes <see cref="DenseWeight"/> (<see cref="DenseWeightForChineseWithEnglishModel"/> for a
    /// Chinese question when it cannot read Chinese). Defaults measured on the dev split (decision 0012).
    /// </summary>
    public Dictionary<string, DenseLanguageWeights> DenseWeights { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all-MiniLM-L6-v2"] = new() { En = 0.1, Zh = 0.1 },
        ["bge-small-zh-v1.5"] = new() { En = 0.1, Zh = 0.1 },
    };

    /// <summary>
    /// The dense list's weight for a question in <paramref name="language"/>: <see cref="DenseWeightForChineseWithEnglishModel"/>
    /// for a Chinese question when the model cannot read Chinese, else <see cref="DenseWeight"/>.
    /// </summary>
    public double DenseWeightFor(string language, bool modelUnderstandsChinese) =>
        language == "zh" && !modelUnderstandsChinese ? DenseWeightForChineseWithEnglishModel : DenseWeight;

    /// <summary>The weight of model <paramref name="modelName"/>'s dense list for a question in <paramref name="language"/> (<see cref="DenseWeights"/>).</summary>
    public double DenseWeightOf(string modelName, string language, bool modelUnderstandsChinese) =>
        DenseWeights.TryGetValue(modelName, out var weights) ? language == "zh" ? weights.Zh : weights.En
            : DenseWeightFor(language, modelUnderstandsChinese);
}

/// <summary>A dense list's fusion weight for English and for Chinese questions.</summary>
public sealed class DenseLanguageWeights
{
    [System.ComponentModel.DataAnnotations.Range(0.0, 5.0)]
    public double En { get; set; }

    [System.ComponentModel.DataAnnotations.Range(0.0, 5.0)]
    public double Zh { get; set; }
}
