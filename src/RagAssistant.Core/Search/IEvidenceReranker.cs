namespace RagAssistant.Core.Search;

/// <summary>
/// Re-orders the best fused results by reading each passage sentence by sentence and row by row, as an answer to the
/// question: retrieval weighs a whole chunk, and a chunk that names many of the question's words in different rows (a
/// glossary, a list of other bolts) can outrank the one row that answers. The answering layer implements it; retrieval
/// calls it when one is registered.
/// </summary>
public interface IEvidenceReranker
{
    /// <summary>The same chunks, best answer first.</summary>
    Task<IReadOnlyList<RetrievedChunk>> RerankAsync(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> ranked, CancellationToken cancellationToken = default);
}
