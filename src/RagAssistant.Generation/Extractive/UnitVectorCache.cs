namespace RagAssistant.Generation.Extractive;

/// <summary>
/// The embeddings of recently compared sentences and rows, least recently used dropped first. Evidence re-ordering
/// compares the units of the best few dozen chunks with every English question; the same chunks come back for related
/// questions, and embedding their units again would cost most of a search's time on a CPU.
/// </summary>
internal sealed class UnitVectorCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, float[] Vector)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, float[] Vector)> _recency = new();
    private readonly Lock _gate = new();

    public int Count { get { lock (_gate) return _nodes.Count; } }

    public bool TryGet(string text, out float[] vector)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(text, out var node)) { vector = []; return false; }
            _recency.Remove(node);
            _recency.AddFirst(node);
            vector = node.Value.Vector;
            return true;
        }
    }

    public void Add(string text, float[] vector)
    {
        if (capacity <= 0) return;
        lock (_gate)
        {
            if (_nodes.TryGetValue(text, out var existing)) _recency.Remove(existing);
            _nodes[text] = _recency.AddFirst((text, vector));
            while (_nodes.Count > capacity)
            {
                _nodes.Remove(_recency.Last!.Value.Text);
                _recency.RemoveLast();
            }
        }
    }
}
