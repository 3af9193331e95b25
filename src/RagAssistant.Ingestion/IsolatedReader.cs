using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion;

/// <summary>
/// Runs one reader on one document in isolation: on its own thread with a large stack, under a time budget and a
/// memory ceiling (<see cref="ReadGuard"/>). A reader that overruns the budget inside a single page cannot be stopped
/// (.NET cannot abort threads), so it is abandoned — the file fails with a message and the batch and the process go on.
/// </summary>
public sealed class IsolatedReader(IOptions<IngestionOptions> options)
{
    /// <summary>
    /// Stack of the reader thread. Thread-pool threads have 1.5 MiB; deeply nested PDF objects recurse in the parser
    /// before its own depth guard (256 levels) trips, and a StackOverflowException cannot be caught — it ends the
    /// process. 256 MiB of reserved (not committed) address space makes the parser's guard trip first.
    /// </summary>
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>How long past the budget a reader gets to notice it at a page boundary before it is abandoned.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private readonly IngestionOptions _options = options.Value;

    public Task<ParsedDocument> ReadAsync(IDocumentReader reader, ReaderInput input, CancellationToken cancellationToken) =>
        RunAsync(reader.Read, input, cancellationToken);

    /// <summary>Runs any reading of one document (a reader, or the viewer's own pass over a workbook) under the same isolation.</summary>
    public async Task<T> RunAsync<T>(Func<ReaderInput, CancellationToken, T> read, ReaderInput input, CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromSeconds(_options.DocumentTimeoutSeconds);
        using var budgetCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budgetCts.CancelAfter(budget);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = budgetCts.Token;
        var guard = new ReadGuard(budget, _options.MaxDocumentMemoryBytes);
        // A reader that extends its budget (OCR of a scanned page) moves the cancellation along with it.
        guard.Extended += extended =>
        {
            try
            {
                budgetCts.CancelAfter(extended - guard.Elapsed);
            }
            catch (ObjectDisposedException)
            {
                // the read is over
            }
        };
        var thread = new Thread(() =>
        {
            try
            {
                done.TrySetResult(read(input with { Guard = guard }, token));
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }, StackBytes)
        {
            IsBackground = true, // an abandoned reader must not keep the process alive at exit
            Name = "rag-reader",
        };
        thread.Start();

        // Waits for the reader until its budget (which it may extend) plus the grace has passed.
        while (!done.Task.IsCompleted)
        {
            var left = guard.Budget + Grace - guard.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                budgetCts.Cancel();
                throw new IngestionException(IngestProblem.TimedOut, TimedOut(guard.Budget) + "; the reader was abandoned");
            }
            await Task.WhenAny(done.Task, Task.Delay(left, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        try
        {
            return await done.Task;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngestionException(IngestProblem.TimedOut, TimedOut(guard.Budget));
        }
        catch (OutOfMemoryException)
        {
            throw new IngestionException(IngestProblem.OutOfMemory, "ran out of memory reading the file (Rag:Ingestion:MaxDocumentMemoryBytes)");
        }
        catch (InsufficientExecutionStackException)
        {
            throw new IngestionException(IngestProblem.Damaged, "malformed file: structures nested too deeply to read");
        }
    }

    private static string TimedOut(TimeSpan budget) =>
        $"took longer than the time budget of {budget.TotalSeconds:0} s (Rag:Ingestion:DocumentTimeoutSeconds)";
}
