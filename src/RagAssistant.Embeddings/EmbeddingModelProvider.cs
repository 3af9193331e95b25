using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAssistant.Embeddings.Models;
using RagAssistant.Embeddings.Onnx;

namespace RagAssistant.Embeddings;

/// <summary>
/// The configured model, loaded once: its tokenizer on first use (the chunker counts tokens with it), its inference
/// session on the first embedding (so commands that do not embed never load the graph).
/// </summary>
public sealed class EmbeddingModelProvider : IDisposable
{
    private readonly Lazy<EmbeddingModel> _model;
    private readonly Lazy<OnnxEmbeddingEngine> _engine;

    public EmbeddingModelProvider(IOptions<EmbeddingOptions> options, ILogger<EmbeddingModelProvider> logger)
    {
        Options = options.Value;
        _model = new Lazy<EmbeddingModel>(() => EmbeddingModelLoader.Load(Options));
        _engine = new Lazy<OnnxEmbeddingEngine>(() => new OnnxEmbeddingEngine(Model, Options, logger));
    }

    public EmbeddingOptions Options { get; }
    public EmbeddingModel Model => _model.Value;
    public OnnxEmbeddingEngine Engine => _engine.Value;

    public void Dispose()
    {
        if (_engine.IsValueCreated) _engine.Value.Dispose();
    }
}
