using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Storage;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>The real pipeline over a real SQLite file in a temp folder, composed as the hosts compose it.</summary>
public sealed class PipelineHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsFolder;

    public PipelineHarness(long? maxFileBytes = null, HashEmbeddingGenerator? embedder = null, TempDirectory? folder = null, bool keepOriginals = true,
        bool ocr = true, double? ocrMinConfidence = null,
        Dictionary<string, string?>? settings = null)
    {
        Folder = folder ?? new TempDirectory();
        _ownsFolder = folder is null;
        Embedder = embedder ?? new HashEmbeddingGenerator();
        settings = new Dictionary<string, string?>(settings ?? []) { ["Rag:Storage:DatabasePath"] = Folder.File("kb.db") };
        if (!keepOriginals) settings["Rag:Storage:KeepOriginals"] = "false";
        if (!ocr) settings["Rag:Ocr:Enabled"] = "false";
        if (ocrMinConfidence is { } confidence) settings["Rag:Ocr:MinConfidence"] = confidence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (maxFileBytes is not null) settings["Rag:Ingestion:MaxFileBytes"] = maxFileBytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection().AddLogging().AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embedder).BuildServiceProvider();
    }

    public TempDirectory Folder { get; }
    public HashEmbeddingGenerator Embedder { get; }
    public IngestionPipeline Pipeline => _services.GetRequiredService<IngestionPipeline>();
    public IDocumentStore Store => _services.GetRequiredService<IDocumentStore>();
    public IChunkVectorStore Vectors => _services.GetRequiredService<IChunkVectorStore>();
    public ReembedService Reembed => _services.GetRequiredService<ReembedService>();
    public Viewing.DocumentViewBuilder Views => _services.GetRequiredService<Viewing.DocumentViewBuilder>();

    /// <summary>The same knowledge base composed with another embedding model (the folder stays with this harness).</summary>
    public PipelineHarness WithEmbedder(HashEmbeddingGenerator embedder) => new(embedder: embedder, folder: Folder);

    public Task<IngestReport> IngestAsync(params string[] paths) => Pipeline.IngestPathsAsync(paths, new IngestRequest());

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsFolder) Folder.Dispose();
    }
}
