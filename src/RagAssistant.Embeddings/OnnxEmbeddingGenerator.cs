using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Scheduling;
using RagAssistant.Embeddings.Models;

namespace RagAssistant.Embeddings;

/// <summary>
/// Sentence embeddings on ONNX Runtime (CUDA when usable, else CPU) for any BERT-family export and the built-in models.
/// Each text goes to the model that reads its language (<see cref="EmbeddingModelProvider.ModelFor"/>: English text to
/// all-MiniLM-L6-v2, Chinese and mixed text to bge-small-zh-v1.5 with the built-in pair) unless the options name a model
/// (<see cref="EmbeddingGenerationOptions.ModelId"/>); every embedding says which model made it
/// (<see cref="Embedding.ModelId"/>). Texts are embedded as passages unless <see cref="EmbeddingPurpose.ForQuery"/>
/// options say query; the model's prefix of that side (e.g. bge-zh's retrieval instruction on queries) is put before each
/// text. Each embedding carries <see cref="EmbeddingProperties.Truncated"/> and <see cref="EmbeddingProperties.Tokens"/>;
/// truncations are also logged as one warning per call, with a count.
/// </summary>
/// <para>
/// Questions first: a call without <see cref="EmbeddingPurpose.ForIngestion"/> counts as foreground work and takes the
/// model's session before any waiting document batch; a background call takes it batch by batch and, before each
/// batch, waits while foreground work (questions, searches) is in flight, so it takes at most
/// <see cref="EmbeddingOptions.BackgroundShare"/> of the time then (<see cref="BackgroundPacer"/>).
/// </para>
public sealed class OnnxEmbeddingGenerator(EmbeddingModelProvider provider, ILogger<OnnxEmbeddingGenerator> logger, ForegroundWork? foreground = null)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ForegroundWork _foreground = foreground ?? new ForegroundWork();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var background = EmbeddingPurpose.IsBackground(options);
        using var marked = background ? null : _foreground.Begin();
        var pacer = new BackgroundPacer(_foreground, provider.Options.BackgroundShare);
        var query = EmbeddingPurpose.Of(options) == EmbeddingPurpose.Query;
        var named = options?.ModelId is { Length: > 0 } id ? provider.Find(id) : null;
        var results = new Embedding<float>[texts.Count];
        var tokens = 0L;
        foreach (var group in texts.Select((text, i) => (text, i)).GroupBy(x => named ?? provider.ModelFor(x.text)))
        {
            var model = group.Key;
            var prefix = query ? model.QueryPrefix : model.PassagePrefix;
            var batch = group.Select(x => prefix + x.text).ToList();
            var engine = provider.EngineFor(model);
            // Inference is synchronous CPU/GPU work: keep it off the caller's thread (a web request, the UI).
            var result = await Task.Run(() => background
                ? engine.EmbedInBackground(batch, () => pacer.BeforeStep(cancellationToken), cancellationToken)
                : engine.Embed(batch, cancellationToken), cancellationToken);
            if (result.TruncatedCount > 0) Log.Truncated(logger, result.TruncatedCount, batch.Count, model.MaxLength);
            var created = DateTimeOffset.UtcNow;
            var k = 0;
            foreach (var (_, i) in group)
            {
                results[i] = new Embedding<float>(result.Vectors[k])
                {
                    ModelId = model.Id,
                    CreatedAt = created,
                    AdditionalProperties = new AdditionalPropertiesDictionary
                    {
                        [EmbeddingProperties.Truncated] = result.Truncated[k],
                        [EmbeddingProperties.Tokens] = result.Tokens[k],
                    },
                };
                tokens += result.Tokens[k];
                k++;
            }
        }
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(results)
        {
            Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens },
        };
        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata))
            return new EmbeddingGeneratorMetadata("onnxruntime", defaultModelId: provider.Model.Id, defaultModelDimensions: provider.Model.Dimension);
        if (serviceType == typeof(EmbeddingModelProvider) || serviceType == typeof(IEmbeddingModelCatalog)) return provider;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The provider (a DI singleton) owns the sessions.
    }
}
