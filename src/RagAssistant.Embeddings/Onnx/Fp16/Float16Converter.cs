using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace RagAssistant.Embeddings.Onnx.Fp16;

/// <summary>
/// Makes a float graph compute in float16: float weights and constants become float16, and every Cast to float (the
/// attention mask's) casts to float16 instead, so each operator meets float16 inputs. The int64 inputs stay as they
/// are. Every operator of a BERT export (MatMul, Add, Mul, Div, Pow, Sqrt, ReduceMean, Softmax, Erf, Gather, Reshape,
/// Transpose …) has a float16 CUDA kernel; on the CPU, ONNX Runtime casts around the operators that lack one by itself,
/// which is what lets the tests run this graph without a GPU.
/// </summary>
internal static class Float16Converter
{
    public static void Convert(GraphProto g)
    {
        if (g.Input.FirstOrDefault(i => i.Type?.TensorType?.ElemType == (int)DataType.Float) is { } floatInput)
            throw new NotSupportedException($"graph input {floatInput.Name} is float; only integer inputs are handled");

        var initializers = g.Initializer.Select(t => Tensors.TypeOf(t) == DataType.Float ? Tensors.ToFloat16(t) : t).ToList();
        g.Initializer.Clear();
        g.Initializer.AddRange(initializers);

        foreach (var node in g.Node)
            foreach (var a in node.Attribute)
            {
                if (a.Type == AttributeProto.Types.AttributeType.Tensor && Tensors.TypeOf(a.T) == DataType.Float)
                    a.T = Tensors.ToFloat16(a.T);
                else if (node.OpType == "Cast" && a.Name == "to" && a.I == (long)DataType.Float)
                    a.I = (long)DataType.Float16;
                else if (a.Type is AttributeProto.Types.AttributeType.Graph or AttributeProto.Types.AttributeType.Graphs)
                    throw new NotSupportedException($"node {node.OpType} '{node.Name}' has a subgraph; only flat graphs are handled");
            }

        foreach (var output in g.Output.Where(o => o.Type?.TensorType?.ElemType == (int)DataType.Float))
            output.Type.TensorType.ElemType = (int)DataType.Float16;
        // The recorded intermediate types are float; ONNX Runtime infers them again from the rewritten graph.
        g.ValueInfo.Clear();
    }
}
