using Onnx;

namespace RagAssistant.Embeddings.Onnx.Fp16;

/// <summary>Small helpers over a graph's nodes: who produces and who reads a tensor, and making nodes.</summary>
internal static class Nodes
{
    public static Dictionary<string, NodeProto> Producers(GraphProto g)
    {
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var n in g.Node)
            foreach (var o in n.Output) producers[o] = n;
        return producers;
    }

    public static ILookup<string, NodeProto> Consumers(GraphProto g) =>
        g.Node.SelectMany(n => n.Input.Select(i => (i, n))).ToLookup(p => p.i, p => p.n, StringComparer.Ordinal);

    public static NodeProto Make(string opType, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    /// <summary>
    /// Drops the nodes nothing reads (walking back from the graph's outputs) and the initializers no node reads: the
    /// rewrites leave the quantization nodes and the int8 weights behind.
    /// </summary>
    public static void RemoveUnused(GraphProto g)
    {
        var producers = Producers(g);
        var needed = new HashSet<string>(g.Output.Select(o => o.Name), StringComparer.Ordinal);
        var kept = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<string>(needed);
        while (pending.TryPop(out var tensor))
        {
            if (!producers.TryGetValue(tensor, out var node) || !kept.Add(node)) continue;
            foreach (var input in node.Input.Where(i => i.Length > 0 && needed.Add(i))) pending.Push(input);
        }
        var nodes = g.Node.Where(kept.Contains).ToList();
        g.Node.Clear();
        g.Node.AddRange(nodes);
        var initializers = g.Initializer.Where(t => needed.Contains(t.Name)).ToList();
        g.Initializer.Clear();
        g.Initializer.AddRange(initializers);
    }
}
