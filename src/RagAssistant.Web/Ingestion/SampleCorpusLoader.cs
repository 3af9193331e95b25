using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;

namespace RagAssistant.Web.Ingestion;

/// <summary>
/// Once the app listens (never before), prints where, and — when the knowledge base is empty — queues the sample
/// corpus (<see cref="WebOptions.SampleCorpus"/>) for background ingestion, so a newcomer can ask at once.
/// </summary>
public sealed class SampleCorpusLoader(
    IHostApplicationLifetime lifetime,
    IServer server,
    IServiceProvider services,
    IngestionQueue queue,
    IOptions<WebOptions> options,
    ILogger<SampleCorpusLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return; }
        }
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 }) Log.Listening(logger, string.Join(", ", addresses));

        var folder = Resolve(options.Value.SampleCorpus);
        if (folder is null)
        {
            Log.SampleCorpusSkipped(logger, string.IsNullOrWhiteSpace(options.Value.SampleCorpus) ? "turned off (Rag:Web:SampleCorpus is empty)" : $"folder {options.Value.SampleCorpus} not found");
            return;
        }
        try
        {
            var store = services.GetRequiredService<IDocumentStore>();
            await store.OpenAsync(stoppingToken);
            // A knowledge base with documents, or with jobs resumed from an interrupted first start, is not new.
            if ((await store.ListAsync(cancellationToken: stoppingToken)).Count > 0 || queue.Pending > 0) return;
        }
        catch (KnowledgeBaseException ex)
        {
            Log.SampleCorpusSkipped(logger, ex.Message);
            return;
        }
        var files = SourceFiles.Expand([folder]);
        Log.SampleCorpusQueued(logger, folder, files.Count);
        foreach (var file in files) await queue.EnqueueFileAsync(file.FullPath, Libraries.Default);
    }

    /// <summary>An absolute folder as given; a relative one from the working directory, else from the app's folder and those above it.</summary>
    internal static string? Resolve(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (Path.IsPathRooted(configured)) return Directory.Exists(configured) ? configured : null;
        var fromWorkingDirectory = Path.GetFullPath(configured);
        if (Directory.Exists(fromWorkingDirectory)) return fromWorkingDirectory;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
