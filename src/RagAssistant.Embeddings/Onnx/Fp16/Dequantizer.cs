using Onnx;

namespace RagAssistant.Embeddings.Onnx.Fp16;

/// <summary>
/// Turns a dynamically quantized graph (onnxruntime.quantization.quantize_dynamic, as in the int8 bge-small-zh export)
/// back into float arithmetic on dequantized weights. It knows the two patterns that export holds and refuses any other
/// quantized node, so an unfamiliar graph fails the build (and the caller keeps the int8 graph) rather than running wrong:
/// <list type="bullet">
/// <item>embedding tables: <c>Gather(uint8 table, ids) → DequantizeLinear(scale, zero point)</c> becomes a Gather from
/// the dequantized table;</item>
/// <item>dense layers: <c>DynamicQuantizeLinear(x)</c> feeding <c>MatMulInteger(xq, int8 W, x zero point, W zero points)
/// → Cast(float) → Mul(x scale × W scales)</c> becomes <c>MatMul(x, (W − zero point) × scale)</c>, per output column.</item>
/// </list>
/// </summary>
internal static class Dequantizer
{
    private static readonly HashSet<string> QuantizedOps = ["DequantizeLinear", "QuantizeLinear", "DynamicQuantizeLinear", "MatMulInteger", "ConvInteger", "QLinearMatMul", "QLinearConv"];

    /// <summary>Rewrites <paramref name="g"/> in place; returns how many embedding tables and dense layers were dequantized.</summary>
    public static (int Tables, int Dense) Dequantize(GraphProto g)
    {
        var initializers = g.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var tables = DequantizeGathers(g, initializers);
        var dense = DequantizeMatMuls(g, initializers);
        Nodes.RemoveUnused(g);
        if (g.Node.FirstOrDefault(n => QuantizedOps.Contains(n.OpType)) is { } left)
            throw new NotSupportedException($"quantized node {left.OpType} '{left.Name}' is not one of the patterns this builder dequantizes");
        return (tables, dense);
    }

    private static int DequantizeGathers(GraphProto g, Dictionary<string, TensorProto> initializers)
    {
        var producers = Nodes.Producers(g);
        var count = 0;
        foreach (var dq in g.Node.Where(n => n.OpType == "DequantizeLinear").ToList())
        {
            if (!producers.TryGetValue(dq.Input[0], out var gather) || gather.OpType != "Gather" || !initializers.TryGetValue(gather.Input[0], out var table))
                throw new NotSupportedException($"DequantizeLinear '{dq.Name}' does not follow a Gather from a weight table");
            var scale = Tensors.Floats(initializers[dq.Input[1]]);
            var zeroPoint = dq.Input.Count > 2 ? Tensors.Bytes(initializers[dq.Input[2]]) : [0];
            if (scale.Length != 1 || zeroPoint.Length != 1)
                throw new NotSupportedException($"DequantizeLinear '{dq.Name}' is per-axis; only per-tensor embedding tables are handled");
            var q = Tensors.Bytes(table);
            var values = new float[q.Length];
            for (var i = 0; i < q.Length; i++) values[i] = (q[i] - zeroPoint[0]) * scale[0];
            var name = table.Name + "_dequantized";
            g.Initializer.Add(initializers[name] = Tensors.Float(name, table.Dims, values));
            // The Gather now reads the float table and writes what the DequantizeLinear wrote; the latter is left unread.
            gather.Input[0] = name;
            gather.Output[0] = dq.Output[0];
            dq.Output[0] += "_unused";
            count++;
        }
        return count;
    }

    private static int DequantizeMatMuls(GraphProto g, Dictionary<string, TensorProto> initializers)
    {
        var producers = Nodes.Producers(g);
        var consumers = Nodes.Consumers(g);
        var count = 0;
        foreach (var mm in g.Node.Where(n => n.OpType == "MatMulInteger").ToList())
        {
            if (!producers.TryGetValue(mm.Input[0], out var quantize) || quantize.OpType != "DynamicQuantizeLinear")
                throw new NotSupportedException($"MatMulInteger '{mm.Name}' does not read a DynamicQuantizeLinear output");
            if (!initializers.TryGetValue(mm.Input[1], out var weight) || weight.Dims.Count != 2)
                throw new NotSupportedException($"MatMulInteger '{mm.Name}' has no 2-D weight initializer");
            var cast = consumers[mm.Output[0]].SingleOrDefault(n => n.OpType == "Cast")
                       ?? throw new NotSupportedException($"MatMulInteger '{mm.Name}' is not followed by a Cast");
            var rescale = consumers[cast.Output[0]].SingleOrDefault(n => n.OpType == "Mul")
                          ?? throw new NotSupportedException($"MatMulInteger '{mm.Name}' is not rescaled by a Mul");
            var scaleProduct = rescale.Input.First(i => i != cast.Output[0]);
            // The scale product is Mul(x scale, W scales): the W scales are the initializer among its inputs.
            var weightScaleName = producers.TryGetValue(scaleProduct, out var scaleMul) && scaleMul.OpType == "Mul"
                ? scaleMul.Input.FirstOrDefault(initializers.ContainsKey) : null;
            if (weightScaleName is null) throw new NotSupportedException($"MatMulInteger '{mm.Name}': cannot find the weight scales");

            var name = weight.Name + "_dequantized";
            if (!initializers.ContainsKey(name))
            {
                var zeroPoint = mm.Input.Count > 3 && mm.Input[3].Length > 0 ? Tensors.Bytes(initializers[mm.Input[3]]) : [0];
                g.Initializer.Add(initializers[name] = Dequantize(weight, zeroPoint, Tensors.Floats(initializers[weightScaleName]), name));
            }
            // A float MatMul on the activation before quantization writes what the rescaling Mul wrote.
            var matMul = Nodes.Make("MatMul", mm.Name + "_dequantized", [quantize.Input[0], name], [rescale.Output[0]]);
            rescale.Output[0] += "_unused";
            g.Node.Insert(g.Node.IndexOf(rescale), matMul);
            count++;
        }
        return count;
    }

    /// <summary>(W − zero point) × scale, with one zero point and scale per output column (or one for the whole tensor).</summary>
    private static TensorProto Dequantize(TensorProto weight, int[] zeroPoint, float[] scale, string name)
    {
        var rows = (int)weight.Dims[0];
        var columns = (int)weight.Dims[1];
        if (zeroPoint.Length is not 1 && zeroPoint.Length != columns || scale.Length is not 1 && scale.Length != columns)
            throw new NotSupportedException($"weight {weight.Name}: {scale.Length} scales and {zeroPoint.Length} zero points for {columns} columns");
        var q = Tensors.Bytes(weight);
        var values = new float[q.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var i = r * columns + c;
                values[i] = (q[i] - zeroPoint[zeroPoint.Length == 1 ? 0 : c]) * scale[scale.Length == 1 ? 0 : c];
            }
        return Tensors.Float(name, weight.Dims, values);
    }
}
