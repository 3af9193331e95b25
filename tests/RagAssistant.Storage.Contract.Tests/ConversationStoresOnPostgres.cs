using Npgsql;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Jobs;
using RagAssistant.Storage.Postgres;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>The stores on a fresh database of the shared test cluster (<see cref="SharedPostgres"/>; skips the test where none can start).</summary>
public sealed class ConversationStoresOnPostgres : ConversationStores
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;

    private ConversationStoresOnPostgres(string connectionString, TimeProvider clock)
    {
        (_connectionString, _clock) = (connectionString, clock);
        Database = new PostgresDatabase(connectionString);
        Conversations = new PostgresConversationStore(Database, clock);
        Feedback = new PostgresFeedbackStore(Database);
        Jobs = new PostgresIngestJobStore(Database);
    }

    public static async Task<ConversationStoresOnPostgres> OpenAsync(TimeProvider clock) =>
        new(await SharedPostgres.NewDatabaseAsync(), clock);

    public PostgresDatabase Database { get; }
    public override IConversationStore Conversations { get; }
    public override IFeedbackStore Feedback { get; }
    public override IIngestJobStore Jobs { get; }

    public override async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override ConversationStores OpenAnotherInstance() => new ConversationStoresOnPostgres(_connectionString, _clock);

    public override ValueTask DisposeAsync() => Database.DisposeAsync();
}
