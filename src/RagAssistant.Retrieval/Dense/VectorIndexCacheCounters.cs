namespace RagAssistant.Retrieval.Dense;

/// <summary>What a <see cref="VectorIndexCache"/> has done so far (for tests, benchmarks and status).</summary>
/// <param name="FullLoads">Times every vector was read: the first use, and each time the change log could not say what changed.</param>
/// <param name="IncrementalUpdates">Catch-ups that applied at least one change by chunk id, without a full load.</param>
/// <param name="ChangesApplied">Rows those catch-ups added, replaced, re-tagged or removed.</param>
/// <param name="LastFullLoadReason">Why the last full load happened ("first use", or the change log's reason).</param>
/// <param name="Seq">The change log position the index is current to.</param>
public sealed record VectorIndexCacheCounters(long FullLoads, long IncrementalUpdates, long ChangesApplied, string? LastFullLoadReason, long Seq);
