using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>A pathological file fails alone, with a message, within its time budget; the batch and the process go on.</summary>
public class IsolatedReaderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private ServiceProvider Services(IDocumentReader reader, int timeoutSeconds = 60, long? memory = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rag:Storage:DatabasePath"] = _folder.File("kb.db"),
            ["Rag:Ingestion:DocumentTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (memory is not null) settings["Rag:Ingestion:MaxDocumentMemoryBytes"] = memory.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(new HashEmbeddingGenerator());
        services.AddSingleton<IDocumentReader>(reader); // registered last: it replaces the plain-text reader
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task ReaderStuckInsideOnePage_IsAbandonedAfterItsBudget_AndTheBatchGoesOn()
    {
        using var services = Services(new StuckReader(), timeoutSeconds: 1);
        var stuck = _folder.WriteText("stuck.slow", "anything");
        var fine = _folder.WriteText("fine.md", "# Fine\n\nText.");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([stuck, fine], new IngestRequest());

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 15);
        Assert.Equal(FileStatus.Failed, report.Files[0].Status);
        Assert.Contains("time budget of 1 s", report.Files[0].Error);
        Assert.Equal(FileStatus.Ingested, report.Files[1].Status);
    }

    [Fact]
    public async Task ReaderThatChecksItsGuard_StopsAtAPageBoundary_WhenOverTheMemoryCeiling()
    {
        using var services = Services(new HungryReader(), memory: 16L * 1024 * 1024);
        var file = _folder.WriteText("big.slow", "anything");

        var report = await services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([file], new IngestRequest());

        Assert.Equal(FileStatus.Failed, report.Files[0].Status);
        Assert.Contains("memory ceiling of 16 MiB", report.Files[0].Error);
    }

    [Fact]
    public async Task DeeplyNestedPdf_FailsWithAMessage_InsteadOfOverflowingTheStack()
    {
        // 5,000 nested arrays: far past PdfPig's 256-level guard, which must trip before the reader's stack runs out.
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n" + new string('[', 5000) + new string(']', 5000) + "\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        using var h = new PipelineHarness();
        var file = h.Folder.WriteBytes("nested.pdf", pdf);

        var report = await h.IngestAsync(file);

        Assert.Equal(FileStatus.Failed, report.Files[0].Status);
        Assert.Contains("PDF", report.Files[0].Error);
    }

    /// <summary>Never returns from its "page" (a parser stuck in a loop that checks nothing).</summary>
    private sealed class StuckReader : IDocumentReader
    {
        public IReadOnlyCollection<string> ContentTypes { get; } = ["text"];

        public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
        {
            Thread.Sleep(Timeout.Infinite);
            return null!;
        }
    }

    /// <summary>Keeps what it reads page after page, as a decode bomb makes a reader do.</summary>
    private sealed class HungryReader : IDocumentReader
    {
        public IReadOnlyCollection<string> ContentTypes { get; } = ["text"];

        public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
        {
            var kept = new List<byte[]>();
            for (var page = 1; page <= 1000; page++)
            {
                input.Guard.Check($"page {page}");
                kept.Add(new byte[4 * 1024 * 1024]);
            }
            return new ParsedDocument(null, [new ParagraphBlock(kept.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
    }
}
