namespace RagAssistant.Core.Search;

/// <summary>
/// What changed in one model's stored vectors since a position of the store's index change log
/// (<see cref="IChunkSearch.ReadIndexChangesAsync"/>), resolved to the chunks' current state: an in-memory index applies
/// it by chunk id instead of reloading every vector.
/// </summary>
/// <param name="Seq">The log position this answer brings an index to (apply it, then ask again from here).</param>
/// <param name="ReloadAll">
/// The log cannot say what changed since the position asked about — it was pruned past it, it went back (the file was
/// restored or replaced), or it holds a marker for a broad change (a migration) — so the index must load everything
/// again; <see cref="Reason"/> says which. The lists are then empty.
/// </param>
/// <param name="Upserts">Chunks added or whose vector changed, with their current vector and tag.</param>
/// <param name="Retags">Chunks whose document facts changed (library, kind, identity, superseded), vector unchanged.</param>
/// <param name="Removes">Chunks that no longer carry a vector of the model (deleted, re-embedded by another model).</param>
/// <param name="More">The log holds changes after <paramref name="Seq"/> beyond this page: ask again from there.</param>
public sealed record IndexChanges(
    long Seq,
    bool ReloadAll,
    IReadOnlyList<IndexedVector> Upserts,
    IReadOnlyList<IndexedTag> Retags,
    IReadOnlyList<long> Removes,
    bool More,
    string? Reason = null)
{
    /// <summary>Nothing changed after <paramref name="seq"/>.</summary>
    public static IndexChanges None(long seq) => new(seq, false, [], [], [], false);

    /// <summary>The index must be loaded again, for <paramref name="reason"/>.</summary>
    public static IndexChanges Reload(long seq, string reason) => new(seq, true, [], [], [], false, reason);

    /// <summary>Rows an index applies for this answer.</summary>
    public int Count => Upserts.Count + Retags.Count + Removes.Count;
}
