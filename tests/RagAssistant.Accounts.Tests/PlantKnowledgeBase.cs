using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Core.Storage;
using RagAssistant.Generation;
using RagAssistant.Ingestion;
using RagAssistant.Retrieval;
using RagAssistant.Storage.Postgres;
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
    public const string Actor = "test";

    /// <summary>A password every test user may share: long enough for the default minimum of 10.</summary>
    public const string Password = "correct-horse-battery";

    private readonly TempDirectory _folder = new();
    private readonly List<ServiceProvider> _providers = [];
    private IReadOnlyDictionary<string, string?>? _settings;
    private TimeProvider? _clock;
    private string? _postgres;

    public IServiceProvider Services => _providers[0];
    public string Folder => _folder.Path;
    public string DatabasePath => _folder.File("kb.db");
    public ProtectedKnowledgeBase KnowledgeBase => Services.GetRequiredService<ProtectedKnowledgeBase>();
    public UserAccounts Users => Services.GetRequiredService<UserAccounts>();
    public LibraryAccess Libraries => Services.GetRequiredService<LibraryAccess>();
    public AccessResolver Access => Services.GetRequiredService<AccessResolver>();
    public ApiKeys Keys => Services.GetRequiredService<ApiKeys>();
    public AuditLog Audit => Services.GetRequiredService<AuditLog>();
    public FirstAdministrator FirstAdministrator => Services.GetRequiredService<FirstAdministrator>();

    /// <summary>Document id of the line-a card and of the line-b card (0 when created without documents).</summary>
    public long CardA { get; private set; }
    public long CardB { get; private set; }

    /// <summary>
    /// The plant with both cards; <paramref name="withDocuments"/> false gives an empty knowledge base, and
    /// <paramref name="clock"/> a clock the test moves (default: the system's). With <paramref name="postgres"/> (a
    /// connection string) the knowledge base and its accounts are on that PostgreSQL database (Rag:Storage:Provider =
    /// postgres) instead of the file; there are no documents then, the PostgreSQL document store being another part of #27.
    /// </summary>
    public static async Task<PlantKnowledgeBase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, bool withDocuments = true,
        TimeProvider? clock = null, string? postgres = null)
    {
        if (postgres is not null && withDocuments) throw new ArgumentException("a PostgreSQL plant has no documents yet", nameof(withDocuments));
        var kb = new PlantKnowledgeBase { _settings = settings, _clock = clock, _postgres = postgres };
        kb._providers.Add(kb.BuildServices(withAccounts: true));
        if (withDocuments) await kb.IngestCardsAsync();
        return kb;
    }

    /// <summary>
    /// Another composition on the same file, as a second process (the CLI beside the web app) would have;
    /// <paramref name="withAccounts"/> false composes it as a knowledge base from before accounts existed.
    /// Disposed with this fixture.
    /// </summary>
    public IServiceProvider OpenAnother(bool withAccounts = true)
    {
        var provider = BuildServices(withAccounts);
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Adds a user with <see cref="Password"/> and read or write grants, and returns their scope.</summary>
    public async Task<AccessScope> AddUserAsync(string userName, string role, params (string Library, string Access)[] grants)
    {
        await Users.AddAsync(userName, role, Password, Actor);
        foreach (var (library, access) in grants) await Libraries.GrantAsync(library, GrantSubject.User, userName, access, Actor);
        return await Access.ForUserNameAsync(userName);
    }

    public Task<AccessScope> ScopeOfAsync(string userName) => Access.ForUserNameAsync(userName);

    /// <summary>Ingests a Markdown file into a library through the given composition (this fixture's by default).</summary>
    public async Task<long> IngestAsync(string library, string fileName, string text, IServiceProvider? services = null)
    {
        var folder = Directory.CreateDirectory(_folder.File(library)).FullName;
        var path = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(path, text);
        var report = await (services ?? Services).GetRequiredService<IngestionPipeline>().IngestPathsAsync([path], new IngestRequest(library));
        return report.Files.Single().DocumentId ?? throw new InvalidOperationException($"{fileName} was not ingested: {report.Files.Single().Error}");
    }

    /// <summary>Runs a scalar query on the knowledge-base file itself, outside the application's code.</summary>
    public async Task<object?> QueryFileAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Runs SQL on the knowledge-base file itself, outside the application's code (to shape a file from an older version).</summary>
    public async Task ExecuteOnFileAsync(string sql)
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
    }

    private ServiceProvider BuildServices(bool withAccounts)
    {
        var settings = _postgres is null
            ? new Dictionary<string, string?> { ["Rag:Storage:DatabasePath"] = DatabasePath }
            : new Dictionary<string, string?> { [StorageProvider.Key] = StorageProvider.Postgres, ["Rag:Storage:ConnectionString"] = _postgres };
        foreach (var (k, v) in _settings ?? new Dictionary<string, string?>()) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(_clock ?? TimeProvider.System);
        if (_postgres is null) services.AddRagStorage(configuration);
        else services.AddRagPostgresStorage(configuration);
        services.AddRagIngestion(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashEmbeddingGenerator())
            .AddRagRetrieval(configuration)
            .AddRagGeneration(configuration);
        if (withAccounts) services.AddRagAccounts(configuration);
        return services.BuildServiceProvider();
    }

    private async Task IngestCardsAsync()
    {
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

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
