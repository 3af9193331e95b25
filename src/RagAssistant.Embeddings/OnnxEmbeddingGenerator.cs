using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagAssistant.Core.Embeddings;

namespace RagAssistant.Embeddings;

/// <summary>
/// Sentence embeddings on ONNX Runtime (CUDA when usable, else CPU) for any BERT-family export and the built-in
/// all-MiniLM-L6-v2. Texts are embedded as passages unless <see cref="EmbeddingPurpose.ForQuery"/> options say
/// query; the configured prefix of that side (e.g. bge-zh's retrieval instruction on queries) is put before each text.
/// Each embedding carries <see cref="EmbeddingProperties.Truncated"/> and <see cref="EmbeddingProperties.Tokens"/>;
/// truncations are also logged as one warning per call, with a count.
/// </summary>
public sealed class OnnxEmbeddingGenerator(EmbeddingModelProvider provider, ILogger<OnnxEmbeddingGenerator> logger)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = provider.Model;
        var prefix = EmbeddingPurpose.Of(options) == EmbeddingPurpose.Query ? model.QueryPrefix : model.PassagePrefix;
        var texts = values.Select(v => prefix + v).ToList();
        // Inference is synchronous CPU/GPU work: keep it off the caller's thread (a web request, the UI).
        var result = await Task.Run(() => provider.Engine.Embed(texts, cancellationToken), cancellationToken);
        if (result.TruncatedCount > 0) Log.Truncated(logger, result.TruncatedCount, texts.Count, model.MaxLength);

        var created = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Count)
        {
            Usage = new UsageDetails { InputTokenCount = result.Tokens.Sum(), TotalTokenCount = result.Tokens.Sum() },
        };
        for (var i = 0; i < texts.Count; i++)
        {
            embeddings.Add(new Embedding<float>(result.Vectors[i])
            {
                ModelId = model.Id,
                CreatedAt = created,
                AdditionalProperties = new AdditionalPropertiesDictionary
                {
                    [EmbeddingProperties.Truncated] = result.Truncated[i],
                    [EmbeddingProperties.Tokens] = result.Tokens[i],
                },
            });
        }
        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata))
            return new EmbeddingGeneratorMetadata("onnxruntime", defaultModelId: provider.Model.Id, defaultModelDimensions: provider.Model.Dimension);
        if (serviceType == typeof(EmbeddingModelProvider)) return provider;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The provider (a DI singleton) owns the session.
    }
}
