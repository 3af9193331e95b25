using RagAssistant.Testing;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// What the conversation, feedback and job contracts share: a manual clock, and the stores of a fresh database opened by
/// the engine's subclass, disposed after the test. Tests open it themselves (<see cref="OpenAsync"/>), so that a
/// PostgreSQL test without a cluster skips rather than fails.
/// </summary>
public abstract class ConversationContract(ManualTimeProvider clock) : IAsyncLifetime
{
    private readonly List<ConversationStores> _opened = [];
    private ConversationStores? _stores;

    protected ConversationContract()
        : this(new ManualTimeProvider())
    {
    }

    protected ManualTimeProvider Clock { get; } = clock;

    /// <summary>The stores <see cref="OpenAsync"/> opened.</summary>
    protected ConversationStores Stores => _stores ?? throw new InvalidOperationException("call OpenAsync first");

    /// <summary>Opens the stores of a fresh, empty database on the engine under test.</summary>
    protected abstract Task<ConversationStores> OpenStoresAsync(TimeProvider clock);

    protected async Task OpenAsync()
    {
        _stores = await OpenStoresAsync(Clock);
        _opened.Add(_stores);
    }

    /// <summary>The stores of the same database as a second app instance opens them.</summary>
    protected ConversationStores AnotherInstance()
    {
        var another = Stores.OpenAnotherInstance();
        _opened.Insert(0, another);
        return another;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var stores in _opened) await stores.DisposeAsync();
    }
}
