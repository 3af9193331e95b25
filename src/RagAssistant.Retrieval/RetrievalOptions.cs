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
    /// Where dense search runs: <c>memory</c> (default; an in-memory copy of each model's vectors, kept in step with the
    /// store, on either store) or <c>database</c> (PostgreSQL only: nearest chunks by each model's HNSW index, so an app
    /// instance holds no vectors; approximate, tuned by <c>Rag:Storage:HnswEfSearch</c>). SQLite refuses <c>database</c>.
    /// </summary>
    public Dense.DenseIndexKind DenseIndex { get; set; } = Dense.DenseIndexKind.Memory;

    /// <summary>Vector count above which dense search uses an int8 first pass with exact re-scoring. Default 200,000.</summary>
    [System.ComponentModel.DataAnnotations.Range(1000, int.MaxValue)]
    public int QuantizeAbove { get; set; } = 200_000;

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
}
