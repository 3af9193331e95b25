using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Ingestion;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// A few Markdown documents ingested into a real SQLite file, composed like the CLI with the hash embedder (these tests
/// are about ranking mechanics, not embedding quality).
/// </summary>
internal sealed class SmallKnowledgeBase : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private ServiceProvider? _services;

    public IServiceProvider Services => _services!;

    /// <param name="documents">File name → Markdown text.</param>
    /// <param name="settings">Extra configuration (Rag:…) beside the database path.</param>
    /// <param name="register">Registrations made before retrieval's own (they win over its defaults).</param>
    public static async Task<SmallKnowledgeBase> CreateAsync(IReadOnlyDictionary<string, string> documents,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? register = null)
    {
        var kb = new SmallKnowledgeBase();
        var docs = Directory.CreateDirectory(kb._folder.File("docs")).FullName;
        foreach (var (name, text) in documents) File.WriteAllText(Path.Combine(docs, name), text);
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Rag:Storage:DatabasePath"] = kb._folder.File("kb.db") };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging()
            .AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashEmbeddingGenerator());
        register?.Invoke(services);
        kb._services = services.AddRagRetrieval(configuration).BuildServiceProvider();
        var report = await kb._services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([docs], new IngestRequest());
        Assert.Equal(documents.Count, report.Ingested);
        return kb;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
