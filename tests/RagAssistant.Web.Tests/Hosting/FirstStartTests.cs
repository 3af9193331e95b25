using RagAssistant.Core.Jobs;
using System.Net.Http.Json;
using System.Text.Json;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>First start on an empty knowledge base ingests the sample corpus in the background; later starts do not.</summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task EmptyKnowledgeBase_GetsTheSampleCorpus_OnceTheAppListens_AndARestartLeavesItAlone()
    {
        _data.WriteText("samples/扭矩.md", "# 扭矩\n\nM8 螺栓拧紧扭矩 25±2 N·m。\n");
        _data.WriteText("samples/lube.txt", "Spindle lubrication: check the oil level every shift.\n");
        var db = _data.File("rag.db");
        IReadOnlyList<Guid> firstJobs;

        await using (var first = new HostedApp(db, _data.File("samples")))
        {
            await first.SettleAsync();
            Assert.Equal(2, first.Queue.Jobs.Count(j => j.State == IngestJobState.Done));
            using var client = first.CreateClient();
            Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("documents").GetArrayLength());
            firstJobs = first.Queue.Jobs.Select(j => j.Id).Order().ToList();
        }

        // The restart remembers the first start's jobs (the history is stored) and queues nothing new.
        await using var second = new HostedApp(db, _data.File("samples"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(firstJobs, second.Queue.Jobs.Select(j => j.Id).Order());
        Assert.Equal(0, second.Queue.Pending);
    }

    [Fact]
    public async Task MissingSampleFolder_StartsAnEmptyApp_ThatStillAnswersHealthz()
    {
        await using var app = new HostedApp(_data.File("rag.db"), _data.File("no-such-folder"));
        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/healthz")).IsSuccessStatusCode);
        await app.SettleAsync(expectJobsWithin: TimeSpan.FromSeconds(2));
        Assert.Empty(app.Queue.Jobs);
    }

    [Fact]
    public void SampleFolder_RelativePath_IsFoundFromTheWorkingDirectoryOrAboveTheApp()
    {
        Assert.Null(SampleCorpusLoader.Resolve(""));
        Assert.Null(SampleCorpusLoader.Resolve("no/such/folder/anywhere"));
        // The tests run below the repository, so corpus/docs is found by walking up from the app's folder.
        Assert.Equal(Path.GetFullPath(RepositoryPaths.Corpus), Path.GetFullPath(SampleCorpusLoader.Resolve("corpus/docs")!));
    }

    [Fact]
    public async Task GeneratedAdministratorPassword_IsKeptInItsOwnerOnlyFile_AndNeverPrinted()
    {
        // What the app prints lands in the journal (systemd) or the container log, which more people read than the file.
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(TextWriter.Synchronized(printed));
        try
        {
            await using var app = new HostedApp(_data.File("rag.db"), _data.File("no-samples"),
                new Dictionary<string, string> { ["Rag:Accounts:InitialAdminPassword"] = "" });
        }
        finally
        {
            Console.SetOut(console);
        }

        var file = _data.File("initial-admin-password.txt");
        var password = File.ReadAllLines(file)[1];
        Assert.Contains(file, printed.ToString());
        Assert.Contains($"cat \"{file}\"", printed.ToString());
        Assert.DoesNotContain(password, printed.ToString());
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    public void Dispose() => _data.Dispose();
}
