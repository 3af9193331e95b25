using System.Diagnostics;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion;

/// <summary>
/// The per-document limits a reader checks between pages (or other units of work): a time budget and a ceiling on
/// the growth of the managed heap since the document started. Checking is cheap (a clock read and a heap-size read);
/// only when the heap looks over the ceiling is a full collection forced to confirm it, so garbage that the GC has
/// not yet collected never fails a document.
/// </summary>
public sealed class ReadGuard
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _budgetTicks;
    private readonly long _maxHeapGrowth;
    private readonly long _heapAtStart;

    /// <summary>No limits: for readers called outside the pipeline (tests, benchmarks).</summary>
    public static ReadGuard None => new(Timeout.InfiniteTimeSpan, long.MaxValue);

    public ReadGuard(TimeSpan budget, long maxHeapGrowthBytes)
    {
        _budgetTicks = budget.Ticks;
        _maxHeapGrowth = maxHeapGrowthBytes;
        _heapAtStart = maxHeapGrowthBytes == long.MaxValue ? 0 : GC.GetTotalMemory(false);
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The document's time budget, extended by <see cref="Extend"/>.</summary>
    public TimeSpan Budget => TimeSpan.FromTicks(Interlocked.Read(ref _budgetTicks));

    /// <summary>Raised with the new budget when it is extended (the isolation reschedules its cancellation).</summary>
    public event Action<TimeSpan>? Extended;

    /// <summary>
    /// Adds time for a unit of work that is slow by nature, not by pathology — a scanned page's OCR takes seconds where
    /// a text page takes milliseconds — so a long scan is bounded per page (Rag:Ocr:PageSeconds) instead of
    /// failing the document's budget, which is meant for text.
    /// </summary>
    public void Extend(TimeSpan more)
    {
        if (Budget == Timeout.InfiniteTimeSpan) return;
        Extended?.Invoke(TimeSpan.FromTicks(Interlocked.Add(ref _budgetTicks, more.Ticks)));
    }

    /// <summary>Throws <see cref="IngestionException"/> when the document is over its time budget or memory ceiling.</summary>
    /// <param name="where">What is being read, for the message ("page 12").</param>
    public void Check(string where)
    {
        var budget = Budget;
        if (budget != Timeout.InfiniteTimeSpan && _clock.Elapsed > budget)
            throw new IngestionException(IngestProblem.TimedOut,
                $"took longer than the time budget of {budget.TotalSeconds:0} s (stopped at {where}; Rag:Ingestion:DocumentTimeoutSeconds, Rag:Ocr:PageSeconds)");
        if (_maxHeapGrowth == long.MaxValue || GC.GetTotalMemory(false) - _heapAtStart <= _maxHeapGrowth) return;
        var grown = GC.GetTotalMemory(forceFullCollection: true) - _heapAtStart;
        if (grown > _maxHeapGrowth)
            throw new IngestionException(IngestProblem.OutOfMemory,
                $"needed more than the memory ceiling of {_maxHeapGrowth / (1024 * 1024)} MiB (stopped at {where}; Rag:Ingestion:MaxDocumentMemoryBytes)");
    }
}
