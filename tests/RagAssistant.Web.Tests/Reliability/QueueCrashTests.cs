using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Reliability;

/// <summary>
/// The durable ingestion queue against a real crash: the web app runs as a child process with the real embedding
/// model, takes ten uploaded files, and is killed with SIGKILL while it embeds the third. Started again on the same
/// database, it finishes every accepted file under the job id the upload answered, each document stored once and whole.
/// </summary>
public sealed class QueueCrashTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task KilledWhileEmbedding_WithTenFilesAccepted_EveryFileEndsIngestedExactlyOnce_AfterARestart()
    {
        var database = _folder.File("kb.db");
        var empty = Directory.CreateDirectory(_folder.File("no-samples")).FullName;
        string key;
        // The accounts (an administrator and their API key) are made by the app itself, hosted in the test for a moment.
        await using (var setup = new HostedApp(database, empty)) key = setup.CreateApiKey(HostedApp.AdminUser);
        SqliteConnection.ClearAllPools();

        var settings = new Dictionary<string, string>
        {
            ["Rag__Storage__DatabasePath"] = database,
            ["Rag__Web__SampleCorpus"] = "",
        };
        IReadOnlyList<string> jobIds;
        using (var first = await WebAppProcess.StartAsync(_folder.Path, new Dictionary<string, string>(settings) { ["RAG_TEST_HANG_WHILE_EMBEDDING"] = "card-03" }))
        {
            using var client = first.CreateClientWithKey(key);
            using var form = new MultipartFormDataContent();
            for (var i = 1; i <= 10; i++)
                form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"# 工艺卡片 {i:00}\n\n工序 {i}0：拧紧扭矩 {20 + i}±2 N·m，每班首件检验。\n")), "files", $"card-{i:00}.md");
            using var accepted = await client.PostAsync("/api/documents", form);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            jobIds = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("files").EnumerateArray()
                .Select(j => j.GetProperty("job").GetString()!).ToList();
            Assert.Equal(10, jobIds.Count);

            await first.WaitForOutputAsync("RAG_TEST_HANG_WHILE_EMBEDDING reached", TimeSpan.FromMinutes(2));
            first.Kill();
        }

        using var second = await WebAppProcess.StartAsync(_folder.Path, settings);
        using var again = second.CreateClientWithKey(key);
        var jobs = await JobsApi.WaitForJobsAsync(again, jobIds, () => second.Output);
        foreach (var id in jobIds)
            Assert.True(jobs[id] == "done", $"job {id} ended {jobs[id]}\n{second.Output}");

        // Each file once, each whole: every document has its chunks, every chunk its keyword row, no job keeps bytes.
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Assert.Equal(10L, Scalar(connection, "SELECT COUNT(*) FROM documents"));
        Assert.Equal(10L, Scalar(connection, "SELECT COUNT(DISTINCT source) FROM documents"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.document_id = d.id)"));
        Assert.Equal(Scalar(connection, "SELECT COUNT(*) FROM chunks"), Scalar(connection, "SELECT COUNT(*) FROM chunks_fts"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM chunks WHERE vector IS NULL"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM ingest_jobs WHERE content IS NOT NULL"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
