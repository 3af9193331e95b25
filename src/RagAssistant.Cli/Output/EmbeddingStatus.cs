using RagAssistant.Core.Storage;
using RagAssistant.Embeddings;

namespace RagAssistant.Cli.Output;

/// <summary>The embedding lines of the ingest summary: the model, what it cannot do, and chunks needing <c>rag reembed</c>.</summary>
internal static class EmbeddingStatus
{
    public static async Task WriteAsync(EmbeddingModelProvider provider, IChunkVectorStore vectors, CancellationToken ct)
    {
        var o = Console.Out;
        var model = provider.Model;
        var counts = await vectors.CountByModelAsync(ct);
        var current = counts.Where(c => c.Model == model.Id).Sum(c => c.Chunks);
        var device = provider.Engine.Choice.Device;
        o.WriteLine();
        o.WriteLine($"embeddings: {model.Id} ({provider.Engine.Dimension} dimensions, on {device}); {current} chunks embedded with it");
        if (model.EnglishCentred)
            o.WriteLine($"  note: {model.Id} is English-centred — its vocabulary has only {model.ChineseCharacters} Chinese characters, so " +
                        "Chinese text is mostly [UNK] and its dense scores on Chinese are noise; set Rag:Embeddings:Model to a Chinese " +
                        "model folder (e.g. bge-small-zh-v1.5) and run 'rag reembed' (README: Embeddings)");
        var other = counts.Where(c => c.Model != model.Id).Sum(c => c.Chunks);
        if (other > 0)
            o.WriteLine($"  {other} chunks carry no vector or one of another model ({string.Join(", ", counts.Where(c => c.Model != model.Id).Select(c => c.Model ?? "none"))}): run 'rag reembed'");
    }
}
