using Npgsql;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;
using static RagAssistant.Web.Tests.Instances.SharedDatabaseApps;

namespace RagAssistant.Web.Tests.Instances;

/// <summary>
/// Two app processes on one PostgreSQL knowledge base, with the real embedding model: files are uploaded through the
/// first, which is killed with SIGKILL while it embeds one of them. The second process takes that job over once the
/// dead instance's lease runs out, finishes it, and answers a question from it; every file is stored once and whole.
/// </summary>
public sealed class InstanceTakeoverTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [SkippableFact]
    public async Task AnInstanceKilledMidJob_TheOtherFinishesItsJob_AndAnswersFromIt()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var empty = Directory.CreateDirectory(_folder.File("no-samples")).FullName;
        string key;
        // The schema, the first administrator and an API key, made by the app itself hosted in the test for a moment.
        await using (var setup = new HostedApp(_folder.File("unused.db"), empty, Settings(connectionString))) key = setup.CreateApiKey(HostedApp.AdminUser);

        var settings = Settings(connectionString).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Rag__Web__SampleCorpus"] = "";
        using var first = await WebAppProcess.StartAsync(_folder.Path, new Dictionary<string, string>(settings) { ["RAG_TEST_HANG_WHILE_EMBEDDING"] = "card-02" });
        using var throughFirst = first.CreateClientWithKey(key);
        var jobs = await UploadAsync(throughFirst, Card(1), Card(2), Card(3));
        await first.WaitForOutputAsync("RAG_TEST_HANG_WHILE_EMBEDDING reached", TimeSpan.FromMinutes(2));

        using var second = await WebAppProcess.StartAsync(_folder.Path, settings);
        using var throughSecond = second.CreateClientWithKey(key);
        // While the first lives it keeps its lease on card-02; the second works what nobody holds.
        await JobsApi.WaitForJobsAsync(throughSecond, [jobs[0], jobs[2]], () => second.Output);
        first.Kill();

        var states = await JobsApi.WaitForJobsAsync(throughSecond, jobs, () => second.Output);
        Assert.All(jobs, id => Assert.True(states[id] == "done", $"job {id} ended {states[id]}\n{second.Output}"));
        Assert.Contains("Took over the ingestion of card-02.md", second.Output);
        Assert.Contains("card-02.md", await CitedSourcesAsync(throughSecond, "工艺卡片 QX-7702 工序20 拧紧扭矩是多少？"));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT count(*) FROM documents"));
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT count(DISTINCT source) FROM documents"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.document_id = d.id)"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM chunks WHERE vector IS NULL"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM ingest_jobs WHERE content IS NOT NULL"));
        // card-02 was started twice (on the killed instance, then on the other); the rest once.
        Assert.Equal(2, await ScalarAsync(connection, "SELECT attempts FROM ingest_jobs WHERE file_name = 'card-02.md'"));
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _folder.Dispose();
}
