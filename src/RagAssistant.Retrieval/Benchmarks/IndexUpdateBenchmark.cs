using System.Diagnostics;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Evaluation;
using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Dense;

namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>One measured index size: a document added through the store and the index's update, against a full reload.</summary>
/// <param name="Vectors">Vectors in the index before the documents were added.</param>
/// <param name="UpdateMs">Median time of the index update after the write (<see cref="VectorIndexCache.GetAsync"/>).</param>
/// <param name="WriteMs">Median time of the document's write (one transaction), for scale.</param>
/// <param name="ReloadMs">Median time of the baseline: every vector read into a list and a new index, as each write cost before.</param>
/// <param name="Ratio">Updates per second ÷ reloads per second (above 1 = faster).</param>
/// <param name="FullLoadsDuringUpdates">Full loads the cache made while the documents were added (0: no reload).</param>
/// <param name="SteadyMiB">Live managed memory with the index loaded (after a full collection), before the updates.</param>
/// <param name="UpdatePeakMiB">
/// An upper bound of the memory peak during an update (write + index update): the live memory before it plus every byte
/// allocated during it, as if nothing were freed; the largest of the repetitions.
/// </param>
/// <param name="UpdatePeakRatio">The update's peak bound ÷ the live memory just before it, the largest of the repetitions (the target is at most 1.2).</param>
/// <param name="ReloadPeakMiB">Live memory at the baseline's swap (the old index, the list of vectors and the new index all held).</param>
/// <param name="ReloadPeakRatio">The same ratio for the baseline's swap.</param>
public sealed record IndexUpdateBenchResult(
    string Input, int Vectors, int Dimension, int Added, int Repetitions, bool Quantized, int Blocks,
    double FirstLoadMs, double WriteMs, double UpdateMs, double ReloadMs, double Ratio,
    long FullLoadsDuringUpdates, long IncrementalUpdates, long RowsApplied,
    double SteadyMiB, double UpdatePeakMiB, double UpdatePeakRatio, double ReloadPeakMiB, double ReloadPeakRatio, double AfterMiB);

/// <summary>
/// `rag bench index`: the dense index of a knowledge base of N chunks is loaded once (<see cref="VectorIndexCache"/>), then,
/// after a warm-up, each repetition adds one document through the real store (<paramref name="addDocument"/>) and lets the
/// cache update from the change log, then measures the baseline — the full reload every write used to trigger (every
/// vector read into a list, a new index built while the old one still serves) — interleaved. Times are medians; memory is
/// live managed memory after a full compacting collection, and the update's peak is bounded from above by the bytes it
/// allocated (nothing freed).
/// </summary>
public static class IndexUpdateBenchmark
{
    private const double MiB = 1024 * 1024;

    /// <param name="addDocument">Writes document number <c>n</c> of <paramref name="added"/> chunks of the model through the store.</param>
    public static async Task<IndexUpdateBenchResult> RunAsync(
        IChunkSearch store, string model, string input, int added, Func<int, CancellationToken, Task> addDocument, int repetitions, int quantizeAbove,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var options = Options.Create(new RetrievalOptions { QuantizeAbove = quantizeAbove });
        var cache = new VectorIndexCache(model, readsChinese: false, store, options);

        log?.Invoke("loading the index…");
        var clock = Stopwatch.StartNew();
        var index = await cache.GetAsync(cancellationToken) ?? throw new InvalidOperationException($"the knowledge base holds no vector of {model}");
        var firstLoadMs = clock.Elapsed.TotalMilliseconds;
        var dimension = index.Dimension;
        var vectors = index.Count;

        // Warm-up: one update and one reload (JIT, SQLite page cache).
        await addDocument(0, cancellationToken);
        await cache.GetAsync(cancellationToken);
        await ReloadAsync(store, model, quantizeAbove, cancellationToken);

        var before = cache.Counters;
        var steady = LiveBytes();
        var updates = new List<(double WriteMs, double UpdateMs, double PeakBytes, double Ratio)>();
        var reloads = new List<(double Ms, double PeakBytes, double Ratio)>();
        for (var r = 0; r < repetitions; r++)
        {
            log?.Invoke($"repetition {r + 1}/{repetitions}");
            var live = LiveBytes();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            await addDocument(r + 1, cancellationToken);
            var writeMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await cache.GetAsync(cancellationToken);
            var updateMs = clock.Elapsed.TotalMilliseconds;
            var peak = live + GC.GetTotalAllocatedBytes(precise: true) - allocated;
            updates.Add((writeMs, updateMs, peak, peak / live));

            var (reloadMs, reloadPeak) = await ReloadAsync(store, model, quantizeAbove, cancellationToken);
            reloads.Add((reloadMs, reloadPeak, reloadPeak / live));
        }
        var after = cache.Counters;
        var afterBytes = LiveBytes();

        var updateMedian = Median(updates.Select(u => u.UpdateMs));
        var reloadMedian = Median(reloads.Select(r => r.Ms));
        return new IndexUpdateBenchResult(input, vectors, dimension, added, repetitions, index.IsQuantized, index.Blocks,
            Math.Round(firstLoadMs, 1), Median(updates.Select(u => u.WriteMs)), updateMedian, reloadMedian, Math.Round(reloadMedian / updateMedian, 1),
            after.FullLoads - before.FullLoads, after.IncrementalUpdates - before.IncrementalUpdates, after.ChangesApplied - before.ChangesApplied,
            Math.Round(steady / MiB, 1), Math.Round(updates.Max(u => u.PeakBytes) / MiB, 1), Math.Round(updates.Max(u => u.Ratio), 4),
            Math.Round(reloads.Max(r => r.PeakBytes) / MiB, 1), Math.Round(reloads.Max(r => r.Ratio), 3), Math.Round(afterBytes / MiB, 1));
    }

    /// <summary>
    /// The baseline, as the cache reloaded before the change log: every vector read into a list, then a new index built
    /// from it while the old one (held by the cache) still serves; the live memory is taken at the swap, with all three held.
    /// </summary>
    private static async Task<(double Ms, double PeakBytes)> ReloadAsync(IChunkSearch store, string model, int quantizeAbove, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var vectors = await store.ReadVectorsAsync(model, cancellationToken);
        var index = new VectorIndex(vectors[0].Vector.Length, quantizeAbove);
        foreach (var v in vectors) index.Upsert(v.ChunkId, v.Vector, new VectorTag(v.Library, v.Kind, v.IdentityKey, v.Superseded, v.Language));
        var ms = clock.Elapsed.TotalMilliseconds;
        var peak = LiveBytes();
        GC.KeepAlive(vectors);
        GC.KeepAlive(index);
        return (ms, peak);
    }

    /// <summary>Live managed bytes after a full blocking collection.</summary>
    private static double LiveBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Median(IEnumerable<double> values) => Math.Round(Percentiles.Median(values.ToList())!.Value, 2);
}
