namespace RagAssistant.Cli.Bench;

/// <summary>
/// One asking phase of <c>rag bench load</c>: a closed loop of N users, each asking its next question as soon as its
/// last answer is complete (no think time), user i with key i mod (number of keys) and starting at its own place in the
/// question list, so they do not ask the same question at the same time. Each user asks at least once (a completed
/// <c>stop</c> makes a warm-up round) and stops starting questions when <c>stop</c> completes; the questions in flight are waited for and counted, and the phase lasts until the last one ends.
/// After a refused or failed question a user pauses half a second before the next.
/// </summary>
internal static class LoadPhase
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(500);

    public static async Task<LoadFigures> RunAsync(LoadClient client, IReadOnlyList<string> keys, IReadOnlyList<string> questions, int users,
        Task stop, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var samples = new System.Collections.Concurrent.ConcurrentBag<AskSample>();
        var askers = Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var next = user * questions.Count / users;
            do
            {
                var sample = await client.AskAsync(keys[user % keys.Count], questions[next % questions.Count], ct);
                samples.Add(sample);
                next++;
                // A refused or failed question is counted, and the user waits a moment: a server answering 429 in a
                // millisecond would otherwise be flooded and the error counts would say more about the loop than the server.
                if (sample.Error is not null) await Task.Delay(ErrorPause, ct);
            }
            while (!stop.IsCompleted);
        }, ct)).ToList();
        await Task.WhenAll(askers);
        return LoadFigures.From(users, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, samples);
    }
}
