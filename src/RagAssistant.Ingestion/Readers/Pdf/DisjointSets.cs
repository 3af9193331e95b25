namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>Union–find over 0..n−1 with path halving: which rules touch, which grid boxes form one cell.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++) _parent[i] = i;
    }

    public int Find(int x)
    {
        while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
        return x;
    }

    public void Union(int a, int b) => _parent[Find(a)] = Find(b);
}
