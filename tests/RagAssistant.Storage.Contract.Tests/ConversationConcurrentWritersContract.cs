using RagAssistant.Core.Jobs;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// Two app instances on one database writing at once (their own connection pools, their own store objects): nothing
/// written is lost, and a conversation's turns stay one numbered sequence.
/// </summary>
public abstract class ConversationConcurrentWritersContract : ConversationContract
{
    private const int WritesEach = 25;

    [SkippableFact]
    public async Task TwoInstancesAppendingToOneConversation_LoseNoTurn()
    {
        await OpenAsync();
        var first = Stores;
        var second = AnotherInstance();
        var id = await first.Conversations.CreateAsync("shared", "alice");

        var writes = new[] { ("a", first), ("b", second) }.Select(each => Task.Run(async () =>
        {
            var ids = new List<long>();
            for (var i = 0; i < WritesEach; i++)
                ids.Add(await each.Item2.Conversations.AddTurnAsync(id, $"{each.Item1}{i}", "q", Answer($"answer {each.Item1}{i} [1]", Cite(1, $"{each.Item1}{i}"), Cite(2, "x"))));
            return ids;
        })).ToList();
        var written = (await Task.WhenAll(writes)).SelectMany(ids => ids).ToList();

        var turns = (await second.Conversations.GetAsync(id))!.Turns;
        Assert.Equal(2 * WritesEach, turns.Count);
        Assert.Equal(written.Order(), turns.Select(t => t.Id).Order());
        // Each instance's turns keep its own order, and each keeps its own citations.
        foreach (var prefix in new[] { "a", "b" })
            Assert.Equal(Enumerable.Range(0, WritesEach).Select(i => $"{prefix}{i}"), turns.Where(t => t.Question.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t.Question));
        Assert.All(turns, t => Assert.Equal([t.Question, "x"], t.Answer.Citations.Select(c => c.Text)));
        Assert.Equal(2 * WritesEach, Assert.Single(await first.Conversations.ListAsync("alice", 10)).Turns);
    }

    [SkippableFact]
    public async Task TwoInstancesQueueingJobs_LoseNoJob()
    {
        await OpenAsync();
        var first = Stores;
        var second = AnotherInstance();
        await first.Jobs.ListAsync();

        var jobs = Enumerable.Range(0, 2 * WritesEach).Select(i => new IngestJob(Guid.NewGuid(), $"f{i}.md", "plant1", 1, Clock.GetUtcNow())).ToList();
        await Task.WhenAll(
            Task.Run(async () => { foreach (var job in jobs.Take(WritesEach)) await first.Jobs.AddAsync(job, new QueuedFile([1])); }),
            Task.Run(async () => { foreach (var job in jobs.Skip(WritesEach)) await second.Jobs.AddAsync(job, new QueuedFile([2])); }));

        Assert.Equal(jobs.Select(j => j.Id).Order(), (await first.Jobs.ListAsync()).Select(j => j.Id).Order());
        Assert.Equal([2], (await first.Jobs.ReadFileAsync(jobs[^1].Id))!.Content);
    }
}

public sealed class SqliteConversationConcurrentWritersContract : ConversationConcurrentWritersContract
{
    protected override Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => Task.FromResult<ConversationStores>(ConversationStoresOnSqlite.Open(clock));
}

public sealed class PostgresConversationConcurrentWritersContract : ConversationConcurrentWritersContract
{
    protected override async Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => await ConversationStoresOnPostgres.OpenAsync(clock);
}
