using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Core.Storage;
using RagAssistant.Generation;
using RagAssistant.Ingestion;
using RagAssistant.Retrieval;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Accounts.Tests;

/// <summary>
/// A real knowledge-base file with accounts, composed like the CLI (hash embedder: these tests are about who may read
/// what, not embedding quality), holding two customers' process cards in two libraries:
/// <c>line-a</c> (the JD-2105 shaft card) and <c>line-b</c> (the KX-7730 flange card).
/// </summary>
public sealed class PlantKnowledgeBase : IAsyncDisposable
{
    public const string LineA = "line-a";
    public const string LineB = "line-b";

    private readonly TempDirectory _folder = new();
    private ServiceProvider? _services;

    public IServiceProvider Services => _services!;
    public string DatabasePath => _folder.File("kb.db");
    public ProtectedKnowledgeBase KnowledgeBase => Services.GetRequiredService<ProtectedKnowledgeBase>();
    public UserAccounts Users => Services.GetRequiredService<UserAccounts>();
    public LibraryAccess Libraries => Services.GetRequiredService<LibraryAccess>();
    public AccessResolver Access => Services.GetRequiredService<AccessResolver>();
    public ApiKeys Keys => Services.GetRequiredService<ApiKeys>();
    public AuditLog Audit => Services.GetRequiredService<AuditLog>();

    /// <summary>Document id of the line-a card and of the line-b card.</summary>
    public long CardA { get; private set; }
    public long CardB { get; private set; }

    public static async Task<PlantKnowledgeBase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var kb = new PlantKnowledgeBase();
        await kb.InitializeAsync(settings);
        return kb;
    }

    private async Task InitializeAsync(IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?> { ["Rag:Storage:DatabasePath"] = DatabasePath };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging()
            .AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashEmbeddingGenerator())
            .AddRagRetrieval(configuration)
            .AddRagGeneration(configuration);
        services.AddRagAccounts(configuration);
        _services = services.BuildServiceProvider();

        CardA = await IngestAsync(LineA, "JD-2105-0318_输出轴工艺卡.md", """
            # JD-2105-0318 输出轴 机械加工工艺卡

            | 工序号 | 工序名称 | 设备 | 转速 r/min | 进给 mm/r |
            |---|---|---|---|---|
            | 60 | 精车外圆 | CK6150 | 950 | 0.10 |
            | 70 | 磨外圆 | M1432 | 1450 | 0.02 |
            """);
        CardB = await IngestAsync(LineB, "KX-7730-0042_法兰盘工艺卡.md", """
            # KX-7730-0042 法兰盘 机械加工工艺卡

            | 工序号 | 工序名称 | 设备 | 转速 r/min | 进给 mm/r |
            |---|---|---|---|---|
            | 30 | 钻法兰孔 | Z3050 | 480 | 0.18 |
            | 40 | 铰孔 Φ25H7 | Z3050 | 120 | 0.35 |
            """);
    }

    private async Task<long> IngestAsync(string library, string fileName, string text)
    {
        var folder = Directory.CreateDirectory(_folder.File(library)).FullName;
        var path = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(path, text);
        var report = await Services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([path], new IngestRequest(library));
        return report.Files.Single().DocumentId ?? throw new InvalidOperationException($"{fileName} was not ingested: {report.Files.Single().Error}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
