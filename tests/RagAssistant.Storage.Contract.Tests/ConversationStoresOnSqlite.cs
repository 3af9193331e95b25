using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Jobs;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>The stores on a fresh SQLite file in a temp folder, deleted on dispose by the instance that made it.</summary>
public sealed class ConversationStoresOnSqlite : ConversationStores
{
    private readonly TempDirectory? _folder;
    private readonly string _path;
    private readonly TimeProvider _clock;

    private ConversationStoresOnSqlite(string path, TimeProvider clock, TempDirectory? folder)
    {
        (_path, _clock, _folder) = (path, clock, folder);
        Database = new SqliteDatabase(path);
        Conversations = new SqliteConversationStore(Database, clock);
        Feedback = new SqliteFeedbackStore(Database);
        Jobs = new SqliteIngestJobStore(Database);
    }

    public static ConversationStoresOnSqlite Open(TimeProvider clock)
    {
        var folder = new TempDirectory();
        return new ConversationStoresOnSqlite(folder.File("kb.db"), clock, folder);
    }

    public SqliteDatabase Database { get; }
    public override IConversationStore Conversations { get; }
    public override IFeedbackStore Feedback { get; }
    public override IIngestJobStore Jobs { get; }

    public override Task<long> CountAsync(string table)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public override ConversationStores OpenAnotherInstance() => new ConversationStoresOnSqlite(_path, _clock, folder: null);

    public override ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
