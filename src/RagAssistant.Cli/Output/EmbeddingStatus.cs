using RagAssistant.Core.Storage;
using RagAssistant.Embeddings;
using RagAssistant.Ingestion;

namespace RagAssistant.Cli.Output;

/// <summary>
/// The embedding lines of the ingest summary: each model, the language it reads, where it ran and how many chunks it
/// embedded; what a model cannot do; chunks lacking a vector from the model that reads them (<c>rag reembed</c>).
/// </summary>
internal static class EmbeddingStatus
{
    public static async Task WriteAsync(EmbeddingModelProvider provider, IChunkVectorStore vectors, CancellationToken ct)
    {
        var o = Console.Out;
        var coverage = await EmbeddingCoverage.ReadAsync(vectors, provider, ct);
        o.WriteLine();
        foreach (var model in provider.AllModels)
        {
            var device = provider.IsLoaded(model) ? $"on {provider.EngineFor(model).Choice.Device}" : "not loaded in this run";
            var chunks = coverage.EmbeddedBy.Where(e => e.Model == model.Id).Sum(e => e.Chunks);
            var reads = provider.AllModels.Count == 1 ? "all text" : model.Languages.Contains("zh") ? "Chinese and mixed text" : "English text";
            o.WriteLine($"embeddings: {model.Id} ({model.Dimension} dimensions, {device}) for {reads}; {chunks} chunks embedded with it");
        }
        if (provider.AllModels.Count == 1 && provider.Model.EnglishCentred)
            o.WriteLine($"  note: {provider.Model.Id} is English-centred — its vocabulary has only {provider.Model.ChineseCharacters} Chinese characters, so " +
                        "Chinese text is mostly [UNK] and its dense scores on Chinese are noise; the built-in pair (Rag:Embeddings:Model = builtin) " +
                        "reads Chinese with bge-small-zh-v1.5 (README: Embeddings)");
        if (coverage.Lacking > 0)
        {
            var others = coverage.EmbeddedBy.Where(e => provider.AllModels.All(m => m.Id != e.Model)).Select(e => e.Model).ToList();
            o.WriteLine($"  {coverage.Lacking} chunks lack a vector from the model that reads them" +
                        (others.Count > 0 ? $" (vectors of {string.Join(", ", others)} are still searched meanwhile)" : "") + ": run 'rag reembed'");
        }
    }
}
