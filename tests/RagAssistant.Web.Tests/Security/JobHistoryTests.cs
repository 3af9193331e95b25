using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Access;
using RagAssistant.Core.Documents;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// "Clear finished" forgets only the finished jobs of the libraries the caller may write: an editor of one line cannot
/// wipe the record of another line (not even one they may read), a reader clears nothing, an administrator everything;
/// jobs still waiting are never cleared.
/// </summary>
public sealed class JobHistoryTests : IDisposable
{
    private const string LineA = "line-a", LineB = "line-b";

    private readonly TempDirectory _folder = new();
    private readonly ServiceProvider _services;
    private readonly IngestionQueue _queue;

    public JobHistoryTests()
    {
        // Not started: nothing is taken off the queue, so no pipeline is ever needed; the jobs are stored for real.
        _services = new ServiceCollection().AddRagStorage(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Rag:Storage:DatabasePath"] = _folder.File("kb.db") }).Build()).BuildServiceProvider();
        _queue = new(_services, Options.Create(new WebOptions()), new RecentErrors(TimeProvider.System), TimeProvider.System,
            NullLogger<IngestionQueue>.Instance);
        foreach (var library in new[] { LineA, LineB })
        {
            _queue.Refuse($"{library}-refused.md", library, 10, IngestProblem.NoWriteAccess, "refused");
            _queue.EnqueueUploadAsync($"{library}-waiting.md", "# 等待\n"u8.ToArray(), library).GetAwaiter().GetResult();
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void EditorOfOneLine_ClearsThatLinesFinishedJobsOnly_EvenIfTheyMayReadTheOther()
    {
        _queue.ClearFinished(new AccessScope("editor", [LineA, LineB], [LineA]));
        Assert.Equal(["line-a-waiting.md", "line-b-refused.md", "line-b-waiting.md"], Remaining());
    }

    [Fact]
    public void Reader_ClearsNothing()
    {
        _queue.ClearFinished(new AccessScope("reader", [LineA, LineB], []));
        Assert.Equal(4, Remaining().Count);
    }

    [Fact]
    public void Administrator_ClearsEveryFinishedJob_AndNoWaitingOne()
    {
        _queue.ClearFinished(new AccessScope("admin", null, null, IsAdministrator: true));
        Assert.Equal(["line-a-waiting.md", "line-b-waiting.md"], Remaining());
    }

    private List<string> Remaining() => _queue.Jobs.Select(j => j.FileName).Order(StringComparer.Ordinal).ToList();
}
