using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Jobs;
using RagAssistant.Core.Storage;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL conversation, feedback and job stores show: their registration and their errors.</summary>
public sealed class PostgresConversationStoresTests
{
    [Fact]
    public void AddRagPostgresStorage_RegistersTheConversationFeedbackAndJobStores()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rag:Storage:ConnectionString"] = "Host=db1;Database=rag;Username=rag" })
            .Build();
        using var services = new ServiceCollection().AddRagPostgresStorage(configuration).BuildServiceProvider();

        Assert.IsType<PostgresConversationStore>(services.GetRequiredService<IConversationStore>());
        Assert.IsType<PostgresFeedbackStore>(services.GetRequiredService<IFeedbackStore>());
        Assert.IsType<PostgresIngestJobStore>(services.GetRequiredService<IIngestJobStore>());
    }

    [Fact]
    public async Task UnreachableServer_IsAClearError_NamingTheDatabaseAndTheReason()
    {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        await using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=plant_kb;Username=rag;Password=s3cret-pw;Timeout=3");
        var store = new PostgresConversationStore(database, TimeProvider.System);

        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => store.CreateAsync("title", "alice"));

        Assert.Contains("cannot reach PostgreSQL database plant_kb on 127.0.0.1:1", error.Message);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cret-pw", error.Message);
        await Assert.ThrowsAsync<KnowledgeBaseException>(() => new PostgresIngestJobStore(database).ListAsync());
    }

    [SkippableFact]
    public async Task MarkWithAnUnknownSplit_IsRefusedByTheSchema_NamingTheDatabase()
    {
        await using var database = new PostgresDatabase(await SharedPostgres.NewDatabaseAsync());
        var conversations = new PostgresConversationStore(database, TimeProvider.System);
        var id = await conversations.CreateAsync("", "alice");
        var turn = await conversations.AddTurnAsync(id, "q", "q", ConversationSamples.Answer("a"));
        var mark = new FeedbackMark(turn, "q", [], 1, 1, "plant1", "a.md", "p. 1", "text", [], "train", "admin", DateTimeOffset.UtcNow);

        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => new PostgresFeedbackStore(database).SetMarkAsync(mark));

        Assert.Contains(database.Name, error.Message);
        Assert.Contains("feedback_marks_split_check", error.Message);
    }
}
