using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Storage;

namespace RagAssistant.Ingestion;

/// <summary>
/// Which model embedded how many chunks, and how many chunks lack a vector from the model that reads their language
/// (an older knowledge base embedded with one model, chunks stored without a vector): what the status page and the
/// ingest summary report, and what <c>rag reembed</c> fixes. Until then search goes on with the vectors that exist.
/// </summary>
public sealed record EmbeddingCoverage(IReadOnlyList<(string Model, int Chunks)> EmbeddedBy, int Lacking, int Total)
{
    public static async Task<EmbeddingCoverage> ReadAsync(IChunkVectorStore store, IEmbeddingModelCatalog catalog, CancellationToken cancellationToken)
    {
        var counts = await store.CountByModelAndLanguageAsync(cancellationToken);
        var embeddedBy = counts.Where(c => c.Model is not null).GroupBy(c => c.Model!)
            .Select(g => (g.Key, g.Sum(c => c.Chunks))).OrderByDescending(x => x.Item2).ToList();
        var lacking = counts.Where(c => c.Model != catalog.ModelForLanguage(c.Language)).Sum(c => c.Chunks);
        return new EmbeddingCoverage(embeddedBy, lacking, counts.Sum(c => c.Chunks));
    }
}
