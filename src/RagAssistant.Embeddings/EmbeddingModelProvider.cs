using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Text;
using RagAssistant.Embeddings.Models;
using RagAssistant.Embeddings.Onnx;

namespace RagAssistant.Embeddings;

/// <summary>
/// The configured models, loaded once: their tokenizers on first use (the chunker counts tokens with the primary
/// model's), each inference session on its first embedding (so commands that do not embed never load a graph, and a
/// knowledge base without Chinese never loads the Chinese model). With the built-in pair a text's language
/// (<see cref="TextLanguage.OfPassage"/>) picks its model.
/// </summary>
public sealed class EmbeddingModelProvider : IEmbeddingModelCatalog, IDisposable
{
    private readonly Lazy<IReadOnlyList<EmbeddingModel>> _models;
    private readonly Dictionary<string, Lazy<OnnxEmbeddingEngine>> _engines = [];
    private readonly ILogger _logger;

    public EmbeddingModelProvider(IOptions<EmbeddingOptions> options, ILogger<EmbeddingModelProvider> logger)
    {
        Options = options.Value;
        _logger = logger;
        _models = new Lazy<IReadOnlyList<EmbeddingModel>>(() => EmbeddingModelLoader.LoadAll(Options));
    }

    public EmbeddingOptions Options { get; }

    /// <summary>Every configured model, the primary one first.</summary>
    public IReadOnlyList<EmbeddingModel> AllModels => _models.Value;

    /// <summary>The primary model: the English one of the built-in pair, or the one configured.</summary>
    public EmbeddingModel Model => AllModels[0];

    /// <summary>The primary model's engine.</summary>
    public OnnxEmbeddingEngine Engine => EngineFor(Model);

    IReadOnlyList<EmbeddingModelInfo> IEmbeddingModelCatalog.Models =>
        AllModels.Select(m => new EmbeddingModelInfo(m.Id, m.Name, m.Dimension, m.Languages, !m.EnglishCentred)).ToList();

    string IEmbeddingModelCatalog.ModelForLanguage(string language) => ModelForLanguage(language).Id;

    /// <summary>The model that embeds <paramref name="text"/>: the one that embeds the text's language.</summary>
    public EmbeddingModel ModelFor(string text) => AllModels.Count == 1 ? AllModels[0] : ModelForLanguage(TextLanguage.OfPassage(text));

    /// <summary>The model whose languages hold <paramref name="language"/>; the primary one when none does.</summary>
    public EmbeddingModel ModelForLanguage(string language) =>
        AllModels.FirstOrDefault(m => m.Languages.Contains(language)) ?? AllModels[0];

    /// <summary>The model of <paramref name="id"/>; an <see cref="EmbeddingModelException"/> when none is configured.</summary>
    public EmbeddingModel Find(string id) =>
        AllModels.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal))
        ?? throw new EmbeddingModelException($"no embedding model {id} is configured (configured: {string.Join(", ", AllModels.Select(m => m.Id))})");

    public OnnxEmbeddingEngine EngineFor(EmbeddingModel model)
    {
        Lazy<OnnxEmbeddingEngine> engine;
        lock (_engines)
        {
            if (!_engines.TryGetValue(model.Id, out engine!))
                _engines[model.Id] = engine = new Lazy<OnnxEmbeddingEngine>(() => new OnnxEmbeddingEngine(model, Options, _logger));
        }
        return engine.Value;
    }

    /// <summary>Whether the session of <paramref name="model"/> was created (for status pages: a model never used has no device yet).</summary>
    public bool IsLoaded(EmbeddingModel model)
    {
        lock (_engines) return _engines.TryGetValue(model.Id, out var engine) && engine.IsValueCreated;
    }

    public void Dispose()
    {
        // Registered both as itself and as the catalog, the container may dispose it twice.
        lock (_engines)
        {
            foreach (var engine in _engines.Values.Where(e => e.IsValueCreated))
                engine.Value.Dispose();
            _engines.Clear();
        }
    }
}
