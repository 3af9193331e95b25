using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using System.Net.Http.Json;
using System.Text.Json;
using RagAssistant.Core.Jobs;
using RagAssistant.Retrieval.Dense;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;
using static RagAssistant.Web.Tests.Instances.SharedDatabaseApps;

namespace RagAssistant.Web.Tests.Instances;

/// <summary>
/// Two app instances on one PostgreSQL knowledge base, hosted in the test process (hash embedder: these tests are about
/// sharing, not retrieval quality): a file uploaded through one is ingested once, listed and answered from on both, and
/// a sign-in on one is good on the other.
/// </summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private async Task<(HostedApp First, HostedApp Second)> StartTwoAsync()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var empty = Directory.CreateDirectory(_folder.File("no-samples")).FullName;
        // One after the other, as a deployment starts them: the first makes the schema and the first administrator.
        var first = new HostedApp(_folder.File("unused-1.db"), empty, Settings(connectionString));
        var second = new HostedApp(_folder.File("unused-2.db"), empty, Settings(connectionString));
        return (first, second);
    }

    [SkippableFact]
    public async Task AFileUploadedThroughOne_IsListedDoneAndAnsweredFromOnTheOther()
    {
        var (first, second) = await StartTwoAsync();
        await using var _ = first;
        await using var __ = second;
        using var throughFirst = first.CreateClient();
        using var throughSecond = second.CreateClient();

        var jobs = await UploadAsync(throughFirst, Card(7));
        var states = await JobsApi.WaitForJobsAsync(throughSecond, jobs, () => "");

        Assert.Equal("done", states[jobs[0]]);
        Assert.Contains("card-07.md", await CitedSourcesAsync(throughSecond, "QX-7707 工序70 拧紧扭矩是多少？"));
        Assert.False(File.Exists(_folder.File("unused-1.db")), "the SQLite file must not be made when the knowledge base is on PostgreSQL");
    }

    [SkippableFact]
    public async Task ADocumentDeletedThroughOne_LeavesTheOthersDenseIndex_BeforeItsNextAnswer()
    {
        var (first, second) = await StartTwoAsync();
        await using var _ = first;
        await using var __ = second;
        using var throughFirst = first.CreateClient();
        using var throughSecond = second.CreateClient();
        var jobs = await UploadAsync(throughFirst, Card(7), Card(8));
        await JobsApi.WaitForJobsAsync(throughSecond, jobs, () => "");
        Assert.Contains("card-07.md", await CitedSourcesAsync(throughSecond, "QX-7707 工序70 拧紧扭矩是多少？"));
        var index = second.Services.GetRequiredService<DenseModels>().Primary.Index;
        var loaded = (await index.GetAsync())!.Count;
        var documents = await throughFirst.GetFromJsonAsync<JsonElement>("/api/documents");
        var card7 = documents.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("source").GetString() == "card-07.md").GetProperty("id").GetInt64();

        using var deleted = await throughFirst.DeleteAsync($"/api/documents/{card7}");

        Assert.True(deleted.IsSuccessStatusCode, $"{(int)deleted.StatusCode}");
        Assert.DoesNotContain("card-07.md", await CitedSourcesAsync(throughSecond, "QX-7707 工序70 拧紧扭矩是多少？"));
        // The second instance's in-memory index dropped the deleted chunks by applying the change log, not by a reload.
        Assert.True((await index.GetAsync())!.Count < loaded);
        Assert.Equal(1, index.Counters.FullLoads);
    }

    [SkippableFact]
    public async Task AnInstanceSearchingTheDatabasesVectorIndex_AnswersWithoutHoldingTheVectors()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var empty = Directory.CreateDirectory(_folder.File("no-samples")).FullName;
        await using var app = new HostedApp(_folder.File("unused.db"), empty,
            new Dictionary<string, string>(Settings(connectionString)) { ["Rag:Retrieval:DenseIndex"] = "database" });
        using var client = app.CreateClient();

        await JobsApi.WaitForJobsAsync(client, await UploadAsync(client, Card(7), Card(8)), () => "");

        Assert.Contains("card-07.md", await CitedSourcesAsync(client, "QX-7707 工序70 拧紧扭矩是多少？"));
        Assert.Equal(0, app.Services.GetRequiredService<DenseModels>().Primary.Index.Counters.FullLoads);
    }

    [SkippableFact]
    public async Task ManyFilesUploadedThroughBoth_AreEachIngestedOnce()
    {
        var (first, second) = await StartTwoAsync();
        await using var _ = first;
        await using var __ = second;
        using var throughFirst = first.CreateClient();
        using var throughSecond = second.CreateClient();

        var jobs = (await UploadAsync(throughFirst, Card(1), Card(2), Card(3), Card(4)))
            .Concat(await UploadAsync(throughSecond, Card(5), Card(6), Card(7), Card(8))).ToList();
        var onFirst = await JobsApi.WaitForJobsAsync(throughFirst, jobs, () => "");
        var onSecond = await JobsApi.WaitForJobsAsync(throughSecond, jobs, () => "");

        Assert.All(jobs, id => Assert.Equal("done", onFirst[id]));
        Assert.All(jobs, id => Assert.Equal("done", onSecond[id]));
        await using var connection = new NpgsqlConnection(ConnectionString(first));
        await connection.OpenAsync();
        Assert.Equal(8L, await ScalarAsync(connection, "SELECT count(*) FROM documents"));
        Assert.Equal(8L, await ScalarAsync(connection, "SELECT count(DISTINCT source) FROM documents"));
        // Each job was started once: no instance ran a job another held.
        Assert.Equal(8L, await ScalarAsync(connection, "SELECT sum(attempts) FROM ingest_jobs"));
    }

    [SkippableFact]
    public async Task AJobCancelledOnOne_StopsOnTheInstanceRunningIt_AndStoresNothing()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var empty = Directory.CreateDirectory(_folder.File("no-samples")).FullName;
        var stalling = new StallingEmbedder("QX-7702");
        await using var first = new HostedApp(_folder.File("unused-1.db"), empty, Settings(connectionString), embedder: stalling);
        using var throughFirst = first.CreateClient();
        var job = Guid.Parse((await UploadAsync(throughFirst, Card(2)))[0]);
        await stalling.Reached.WaitAsync(TimeSpan.FromMinutes(1));
        await using var second = new HostedApp(_folder.File("unused-2.db"), empty, Settings(connectionString));
        await WaitUntilAsync(() => second.Queue.Find(job) is { IsRunning: true });

        Assert.True(second.Queue.Cancel(job));

        // The first instance's next lease renewal finds the job finished, and its run stops.
        await WaitUntilAsync(() => first.Queue.Find(job) is { State: IngestJobState.Cancelled } && first.Queue.Pending == 0);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM documents"));
        Assert.Equal("cancelled", await ScalarAsync(connection, "SELECT state FROM ingest_jobs"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM ingest_jobs WHERE content IS NOT NULL"));
    }

    [SkippableFact]
    public async Task ASignInOnOne_IsGoodOnTheOther()
    {
        var (first, second) = await StartTwoAsync();
        await using var _ = first;
        await using var __ = second;
        using var signedIn = await first.SignInAsync(HostedApp.AdminUser, HostedApp.AdminPassword);

        // The cookie jar holds the cookie for 127.0.0.1, whatever the port: the same browser, sent to the other instance.
        using var onSecond = await signedIn.GetAsync(new Uri(new Uri(second.BaseUrl), "/library"));
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(second.BaseUrl) };
        using var anonymous = await stranger.GetAsync("/library");

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task TheStatusPage_NamesTheDatabaseServer_AndLeavesBackupsToIt()
    {
        var (first, second) = await StartTwoAsync();
        await using var _ = first;
        await using var __ = second;
        using var signedIn = await second.SignInAsync(HostedApp.AdminUser, HostedApp.AdminPassword);

        var page = await signedIn.GetStringAsync("/status");

        Assert.Matches("data-testid=\"database-location\"[^>]*>[^<]*PostgreSQL database t[0-9_]+ on ", page);
        Assert.Contains("data-testid=\"backups-by-server\"", page);
        Assert.DoesNotContain("Password", page, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition never held");
            await Task.Delay(100);
        }
    }

    private static string ConnectionString(HostedApp app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Rag:Storage:ConnectionString"]!;

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _folder.Dispose();
}
