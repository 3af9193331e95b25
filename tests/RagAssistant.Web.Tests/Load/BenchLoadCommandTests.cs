using System.Text.Json;
using RagAssistant.Testing;
using Xunit.Abstractions;
using RagAssistant.Web.Tests.Hosting;
using RagAssistant.Web.Tests.Limits;

namespace RagAssistant.Web.Tests.Load;

/// <summary>
/// <c>rag bench load</c> against the real app hosted here (hash embedder, a small corpus, no per-user rate so the
/// closed loop is never refused): two users for a couple of seconds, with and without an upload, and bad input.
/// </summary>
public sealed class BenchLoadCommandTests(BenchLoadCommandTests.App fixture, ITestOutputHelper output) : IClassFixture<BenchLoadCommandTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public TempDirectory Data { get; } = new();
        public HostedApp Host { get; private set; } = null!;
        public string AdminKey { get; private set; } = "";
        public string ReaderKey { get; private set; } = "";

        public string Questions => Data.File("questions.jsonl");
        public string UploadFile => Data.File("upload/WI-LOAD-001.md");

        public async Task InitializeAsync()
        {
            Data.WriteText("corpus/WI-AS-021.md", "# WI-AS-021 扭矩紧固作业指导书\n\n## 3 拧紧要求\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
            Data.WriteText("corpus/CK6150.md", "# CK6150 数控车床点检表\n\n每班点检：润滑油位、气压 0.5 MPa、卡盘夹紧力、冷却液浓度 5%。\n");
            Data.WriteText("questions.jsonl",
                "{\"id\": \"q1\", \"question\": \"M8 螺栓拧紧扭矩是多少？\", \"gold\": []}\n{\"question\": \"CK6150 每班点检哪些项目？\"}\n");
            Data.WriteText("upload/WI-LOAD-001.md", "# WI-LOAD-001 装配检验\n\n## 1 检验\n\n每批首件检验尺寸 Φ25H7，记录于检验单。\n");
            Host = new HostedApp(Data.File("rag.db"), Data.File("corpus"), new Dictionary<string, string>
            {
                ["Rag:Limits:AsksPerMinute"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            await Host.SettleAsync();
            AdminKey = Host.CreateApiKey(HostedApp.AdminUser);
            ReaderKey = Host.CreateApiKey((await Host.AddUserAsync("asker")).User);
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Data.Dispose();
        }
    }

    private string Url => fixture.Host.BaseUrl.TrimEnd('/');

    [Fact]
    public async Task BenchLoad_TwoUsersWhileADocumentIngests_PrintsPercentilesErrorsRateAndIdleRatios()
    {
        var run = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url, "--api-key", fixture.AdminKey, "--api-key", fixture.ReaderKey,
            "--users", "2", "--duration", "2", "--questions", fixture.Questions, "--while-upload", fixture.UploadFile);
        output.WriteLine(run.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"phase\s+users\s+seconds\s+answers\s+answers/s\s+p50 ms\s+p95 ms\s+p99 ms\s+errors", run.Stdout);
        // Both phases answered with two users and no error; the ratio row has numbers.
        Assert.Matches(@"while WI-LOAD-001\.md ingests\s+2\s+[\d.]+\s+[1-9]\d*\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+none", run.Stdout);
        Assert.Matches(@"idle \(no upload\)\s+2\s+[\d.]+\s+[1-9]\d*\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+none", run.Stdout);
        Assert.Matches(@"loaded ÷ idle\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+", run.Stdout);
        Assert.Matches(@"ingestion of WI-LOAD-001\.md \(\d+ chunks\): [\d.]+ s while asked, [\d.]+ s idle = [\d.]+× its idle time", run.Stdout);
        // Both uploads were deleted again: the knowledge base is left as it was.
        Assert.DoesNotContain(await DocumentSourcesAsync(), s => s.EndsWith("WI-LOAD-001.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchLoad_Json_WithKeysFromAFile_ReportsTheLoadedAndIdleFiguresAndRatios()
    {
        var keys = fixture.Data.WriteText("keys.txt", $"{fixture.AdminKey}\n\n{fixture.ReaderKey}\n");

        var run = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url, "--api-keys", keys,
            "--users", "2", "--duration", "1", "--questions", fixture.Questions, "--json");
        output.WriteLine(run.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var row = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(2, row.GetProperty("users").GetInt32());
        Assert.Equal(1, row.GetProperty("idleUsers").GetInt32()); // without an upload the baseline is one user
        Assert.True(row.GetProperty("answers").GetInt32() > 0 && row.GetProperty("idleAnswers").GetInt32() > 0, row.ToString());
        foreach (var key in new[] { "answersPerSec", "p50Ms", "p95Ms", "p99Ms", "idleP95Ms", "ratio", "p50VsIdle", "p95VsIdle", "p99VsIdle" })
            Assert.True(row.GetProperty(key).GetDouble() > 0, $"{key} in {row}");
        Assert.Empty(row.GetProperty("errors").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ingestion").ValueKind);
    }

    [Fact]
    public async Task BenchLoad_UnreachableUrl_FailsNamingTheAddress()
    {
        var run = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", "http://127.0.0.1:1", "--api-key", "rag_x",
            "--questions", fixture.Questions, "--duration", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot reach --url http://127.0.0.1:1", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task BenchLoad_WrongKey_FailsWithTheServersReason_BeforeAnyQuestion()
    {
        var run = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url, "--api-key", fixture.AdminKey, "--api-key", "rag_not-a-key-at-all",
            "--questions", fixture.Questions, "--duration", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"--api-key rag_not-…: the server refused it \(401\): .+", run.Stderr);
        Assert.DoesNotContain("warm-up", run.Stderr);
    }

    [Fact]
    public async Task BenchLoad_MissingFiles_FailNamingTheOptionAndTheFile()
    {
        var questions = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url, "--api-key", fixture.AdminKey, "--questions", "missing.jsonl");
        var upload = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url, "--api-key", fixture.AdminKey,
            "--questions", fixture.Questions, "--while-upload", "manual-that-is-not-here.pdf");
        var keys = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url, "--api-keys", "keys-missing.txt", "--questions", fixture.Questions);

        Assert.Equal(1, questions.ExitCode);
        Assert.Contains("--questions missing.jsonl: no such file", questions.Stderr);
        Assert.Equal(1, upload.ExitCode);
        Assert.Contains("--while-upload manual-that-is-not-here.pdf: no such file", upload.Stderr);
        Assert.Equal(1, keys.ExitCode);
        Assert.Contains("--api-keys keys-missing.txt: no such file", keys.Stderr);
    }

    [Fact]
    public async Task BenchLoad_WithoutKeysOrUsers_IsAUsageError()
    {
        var noKey = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url);
        var noUsers = await RagCommand.RunAsync(fixture.Data.Path, "bench", "load", "--url", Url, "--api-key", fixture.AdminKey, "--users", "0");

        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("--api-key KEY", noKey.Stderr);
        Assert.Equal(2, noUsers.ExitCode);
        Assert.Contains("--users 0: at least 1", noUsers.Stderr);
    }

    private async Task<IReadOnlyList<string>> DocumentSourcesAsync()
    {
        using var client = fixture.Host.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/documents"));
        return json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("source").GetString()!).ToList();
    }
}
