using RagAssistant.Testing;

namespace RagAssistant.Accounts.Tests;

/// <summary>
/// Account tests that run on both engines: the plant (without documents) on a fresh SQLite file or, in the Postgres…
/// subclass, on a fresh PostgreSQL database with Rag:Storage:Provider = postgres. Where no PostgreSQL cluster can
/// start, the PostgreSQL tests skip saying why (they are SkippableFacts; the skip is raised by the first use of
/// <see cref="Kb"/>, since xUnit fails rather than skips a class whose set-up throws).
/// </summary>
public abstract class AccountsContract : IAsyncLifetime
{
    private PlantKnowledgeBase? _kb;
    private string? _skipped;

    /// <summary>True in the PostgreSQL subclass.</summary>
    protected abstract bool OnPostgres { get; }

    /// <summary>Settings the plant is created with (Rag:Accounts:…); none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    protected PlantKnowledgeBase Kb
    {
        get
        {
            Skip.If(_skipped is not null, _skipped);
            return _kb!;
        }
    }

    /// <summary>A plant without documents on this contract's engine (a fresh database each time); the caller disposes it.</summary>
    protected async Task<PlantKnowledgeBase> CreatePlantAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        await PlantKnowledgeBase.CreateAsync(settings, withDocuments: false, clock,
            postgres: OnPostgres ? await SharedPostgres.NewDatabaseAsync() : null);

    /// <summary>What every test of the contract starts from (users, keys), after the plant is made.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        try
        {
            _kb = await CreatePlantAsync(Settings);
        }
        catch (SkipException ex)
        {
            _skipped = ex.Message;
            return;
        }
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_kb is not null) await _kb.DisposeAsync();
    }
}
