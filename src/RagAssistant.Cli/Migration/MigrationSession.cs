using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RagAssistant.Accounts;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Storage.Postgres;

namespace RagAssistant.Cli.Migration;

/// <summary>
/// Both ends of one <c>rag migrate</c>, named explicitly: the SQLite file (<c>--from</c>) and the PostgreSQL connection
/// string (<c>--to</c>). The services are the CLI's, with <c>Rag:Storage:Provider</c> set to postgres for this run
/// whatever the configuration says, so the target's keyword index uses the configured segmenter and dictionaries.
/// </summary>
internal sealed class MigrationSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MigrationSource _source;

    private MigrationSession(ServiceProvider services, MigrationSource source, KnowledgeBaseMigrator migrator)
    {
        _services = services;
        _source = source;
        Migrator = migrator;
    }

    public KnowledgeBaseMigrator Migrator { get; }

    public static MigrationSession Open(string from, string to)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(to);
        }
        catch (ArgumentException ex)
        {
            throw new CommandException($"--to is not a PostgreSQL connection string (Host=…;Database=…;Username=…): {ex.Message}");
        }
        var source = MigrationSource.Open(from);
        try
        {
            var services = CliServices.Build(null, new Dictionary<string, string?>
            {
                [StorageProvider.Key] = StorageProvider.Postgres,
                [$"{PostgresStorageOptions.Section}:ConnectionString"] = to,
            });
            var database = services.GetRequiredService<PostgresDatabase>();
            var target = new MigrationTarget(to, database, services.GetRequiredService<AccountsSchema>());
            var chunks = new PostgresChunkImport(database, services.GetRequiredService<ITextSegmenter>());
            return new MigrationSession(services, source, new KnowledgeBaseMigrator(source, target, database, chunks));
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _source.Dispose();
        await _services.DisposeAsync();
    }
}
