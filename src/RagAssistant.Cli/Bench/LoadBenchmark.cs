using System.Diagnostics;

namespace RagAssistant.Cli.Bench;

/// <summary>The phases of <c>rag bench load</c> (see <see cref="Commands.BenchLoadCommand"/>), progress on stderr.</summary>
internal static class LoadBenchmark
{
    public static async Task<LoadRun> RunAsync(LoadSettings settings, CancellationToken ct)
    {
        var (keys, questions) = settings.Load();
        using var client = new LoadClient(new Uri(settings.Url));
        await client.CheckReachableAsync(ct);
        foreach (var key in keys.Distinct(StringComparer.Ordinal)) await client.CheckKeyAsync(key, ct);
        if (await client.UnfinishedJobsAsync(keys[0], ct) is > 0 and var busy)
            Log($"warning: {busy} files are still being ingested; their load is in every phase's figures");
        var duration = TimeSpan.FromSeconds(settings.Duration);

        Log($"warm-up: one question per user ({settings.Users})");
        var warm = await LoadPhase.RunAsync(client, keys, questions, settings.Users, Task.CompletedTask, ct);
        if (warm.Errors.Count > 0) Log($"warm-up errors: {warm.DescribeErrors()}");

        Log($"idle: {settings.IdleUsers} user(s) asking for {settings.Duration} s");
        var idle = await LoadPhase.RunAsync(client, keys, questions, settings.IdleUsers, Task.Delay(duration, ct), ct);

        if (settings.Upload is not { } file)
        {
            Log($"loaded: {settings.Users} users asking for {settings.Duration} s");
            var alone = await LoadPhase.RunAsync(client, keys, questions, settings.Users, Task.Delay(duration, ct), ct);
            return new LoadRun(settings, questions.Count, alone, idle, null);
        }

        Log($"idle ingestion: {Path.GetFileName(file)} alone");
        var idleIngestion = await IngestAsync(client, keys[0], file, settings.Library, ct);
        Log($"idle ingestion took {idleIngestion.Seconds:0.0} s");

        Log($"loaded: {settings.Users} users asking while {Path.GetFileName(file)} ingests (at least {settings.Duration} s)");
        var ingesting = IngestAsync(client, keys[0], file, settings.Library, ct);
        var loaded = await LoadPhase.RunAsync(client, keys, questions, settings.Users, Task.WhenAll(Task.Delay(duration, ct), ingesting), ct);
        var loadedIngestion = await ingesting;
        return new LoadRun(settings, questions.Count, loaded, idle, new IngestFigures(Path.GetFileName(file), loadedIngestion.Chunks, loadedIngestion.Seconds, idleIngestion.Seconds));
    }

    /// <summary>
    /// Uploads the file, waits until its job is finished and deletes the stored document again, so the next upload is
    /// a new document and the knowledge base is left as it was. The time runs from the upload's start to the job's end.
    /// </summary>
    private static async Task<(double Seconds, int Chunks)> IngestAsync(LoadClient client, string key, string file, string library, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var job = await client.UploadAsync(key, file, library, ct);
        var finished = await client.WaitForJobAsync(key, job, ct);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (finished is not { State: "done", Outcome: "ingested" or "replaced", DocumentId: { } id })
            throw new CommandException($"--while-upload {file}: not ingested as a new document in library '{library}' " +
                                       $"({finished.State}{(finished.Outcome is null ? "" : ", " + finished.Outcome)}): {finished.Reason ?? "no reason given"}");
        if (await client.DeleteAsync(key, id, ct) is { } problem)
            throw new CommandException($"--while-upload {file}: could not delete document {id} after ingesting it ({problem}); the next upload would be a duplicate");
        return (seconds, finished.Chunks);
    }

    private static void Log(string message) => Console.Error.WriteLine($"rag: {message}");
}
