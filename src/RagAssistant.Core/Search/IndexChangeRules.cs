using System.Globalization;

namespace RagAssistant.Core.Search;

/// <summary>
/// How every store reads its index change log (decision 0015): when the log can no longer say what changed, what a page
/// of log rows asks for, and how the chunks it names resolve to upserts, retags and removals. The stores read the rows;
/// these rules are the same for all of them.
/// </summary>
public static class IndexChangeRules
{
    /// <summary>
    /// The answer before the log is read: nothing changed, or reload everything because the log ends before
    /// <paramref name="afterSeq"/> (the knowledge base was restored or replaced); null when the log must be read.
    /// </summary>
    public static IndexChanges? Before(long last, long afterSeq)
    {
        if (last == afterSeq) return IndexChanges.None(afterSeq);
        if (last < afterSeq)
            return IndexChanges.Reload(last, $"the change log ends at {last}, before this index's position {afterSeq}: the knowledge base was restored or replaced");
        return null;
    }

    /// <summary>
    /// Reload everything when the log was pruned past <paramref name="afterSeq"/>, else null. Changes are numbered without
    /// gaps and pruned from the oldest up, so a gap before the oldest kept row means changes were pruned unseen.
    /// </summary>
    public static IndexChanges? Pruned(long last, long afterSeq, long? oldestKept) =>
        oldestKept is null || oldestKept > afterSeq + 1
            ? IndexChanges.Reload(last, $"the change log was pruned past this index's position {afterSeq} (oldest change kept: {oldestKept?.ToString(CultureInfo.InvariantCulture) ?? "none"})")
            : null;

    /// <summary>One page of log rows, in order: the chunks and documents it names, and the position it reaches.</summary>
    public sealed class Page(long afterSeq)
    {
        public long Seq { get; private set; } = afterSeq;
        public HashSet<long> ChunkIds { get; } = [];
        public HashSet<long> DocumentIds { get; } = [];

        /// <summary>The reload marker's sequence number, when a row with neither id (a broad change, such as a migration) was read.</summary>
        public long? ReloadMarker { get; private set; }

        /// <summary>Adds a row; false once a reload marker is read (stop reading).</summary>
        public bool Add(long seq, long? chunkId, long? documentId)
        {
            Seq = seq;
            if (chunkId is { } chunk) ChunkIds.Add(chunk);
            else if (documentId is { } document) DocumentIds.Add(document);
            else
            {
                ReloadMarker = seq;
                return false;
            }
            return true;
        }

        public IndexChanges Reload(long last) =>
            IndexChanges.Reload(last, $"change {ReloadMarker} asks every index to reload (a broad change such as a migration)");

        /// <summary>
        /// The answer: the named chunks that still carry a vector of the model are upserts, the others leave (deleted,
        /// emptied, re-embedded by another model); the named documents' chunks are retagged unless already upserted.
        /// </summary>
        public IndexChanges Resolve(long last, IReadOnlyList<IndexedVector> upserts, IEnumerable<IndexedTag> documentChunks)
        {
            var upserted = upserts.Select(v => v.ChunkId).ToHashSet();
            var removes = ChunkIds.Where(id => !upserted.Contains(id)).ToList();
            var retags = documentChunks.Where(t => !upserted.Contains(t.ChunkId)).ToList();
            return new IndexChanges(Seq, false, upserts, retags, removes, More: Seq < last);
        }
    }
}
