using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Jobs;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// The conversation, feedback and ingestion-job stores of one fresh, empty database, as a contract test opens them:
/// <see cref="ConversationStoresOnSqlite"/> or <see cref="ConversationStoresOnPostgres"/>.
/// </summary>
public abstract class ConversationStores : IAsyncDisposable
{
    public abstract IConversationStore Conversations { get; }
    public abstract IFeedbackStore Feedback { get; }
    public abstract IIngestJobStore Jobs { get; }

    /// <summary>How many rows a table holds, for checks that a delete or a refused write left nothing behind.</summary>
    public abstract Task<long> CountAsync(string table);

    /// <summary>The same stores on the same database, opened as a second app instance would (its own pool, its own database object).</summary>
    public abstract ConversationStores OpenAnotherInstance();

    public abstract ValueTask DisposeAsync();
}
