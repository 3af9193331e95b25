using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// One knowledge base of one engine, opened through the Core interfaces. The raw SQL hooks run statements that mean
/// the same on both engines (the tables and columns have the same names), for the few checks the interfaces cannot
/// make (no orphaned original left, a library renamed by an administrator's tool).
/// </summary>
public abstract class KnowledgeBase : IAsyncDisposable
{
    public abstract IDocumentStore Documents { get; }
    public abstract IChunkSearch Search { get; }
    public abstract IChunkVectorStore Vectors { get; }

    /// <summary>Another instance on the same database, as a second app process would open it.</summary>
    public abstract KnowledgeBase Another(bool keepOriginals = true);

    public abstract Task<long> CountAsync(string sql);

    public abstract Task ExecuteAsync(string sql);

    public abstract ValueTask DisposeAsync();
}

/// <summary>How a contract's subclass opens a fresh, empty knowledge base of its engine.</summary>
public interface IStoreEngine
{
    static abstract Task<KnowledgeBase> CreateAsync();
}

/// <summary>
/// The base of every contract: each test opens its fresh knowledge bases through <see cref="OpenAsync"/> (inside the
/// test, so that a PostgreSQL side without a cluster skips rather than fails) and they are closed after it.
/// </summary>
public abstract class StoreContract<TEngine> : IAsyncLifetime where TEngine : IStoreEngine
{
    private readonly List<KnowledgeBase> _opened = [];

    protected async Task<KnowledgeBase> OpenAsync()
    {
        var knowledgeBase = await TEngine.CreateAsync();
        _opened.Add(knowledgeBase);
        return knowledgeBase;
    }

    /// <summary>Closes <paramref name="knowledgeBase"/> with the test.</summary>
    protected KnowledgeBase Keep(KnowledgeBase knowledgeBase)
    {
        _opened.Add(knowledgeBase);
        return knowledgeBase;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = _opened.Count - 1; i >= 0; i--) await _opened[i].DisposeAsync();
    }
}
