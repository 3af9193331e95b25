namespace RagAssistant.Retrieval.Dense;

/// <summary>Top-k selection with one bounded min-heap per partition of the rows, merged at the end.</summary>
internal static class TopK
{
    public sealed class Heap(int k)
    {
        private readonly PriorityQueue<int, float> _queue = new(k + 1);

        public void Offer(int slot, float score)
        {
            if (_queue.Count < k) _queue.Enqueue(slot, score);
            else if (_queue.TryPeek(out _, out var worst) && score > worst) _queue.EnqueueDequeue(slot, score);
        }

        public IEnumerable<(int Slot, float Score)> Items => _queue.UnorderedItems.Select(x => (x.Element, x.Priority));
    }

    /// <summary>Scans rows [0, count) in one partition per core; returns the best <paramref name="k"/>, best first.</summary>
    public static List<(int Slot, float Score)> Parallel(int count, int k, Action<int, int, Heap> scan)
    {
        var partitions = count < 4096 ? 1 : Environment.ProcessorCount;
        var heaps = new Heap[partitions];
        var size = (count + partitions - 1) / partitions;
        System.Threading.Tasks.Parallel.For(0, partitions, p =>
        {
            heaps[p] = new Heap(k);
            scan(p * size, Math.Min(count, (p + 1) * size), heaps[p]);
        });
        return heaps.SelectMany(h => h.Items).OrderByDescending(x => x.Score).Take(k).ToList();
    }
}
