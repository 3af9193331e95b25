using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace RagAssistant.Embeddings.Onnx.Fp16;

/// <summary>
/// Puts bge's pooling inside the graph: the [CLS] token's hidden state (position 0), cast to float32 and L2-normalised,
/// as the single output <c>sentence_embedding</c> [batch, hidden] that <see cref="OnnxEmbeddingEngine"/> uses as is.
/// Only [batch, hidden] floats leave the GPU instead of every token's hidden state, and the norm is taken in float32.
/// </summary>
internal static class ClsPooling
{
    public static void Append(GraphProto g, string tokenOutput, int hidden)
    {
        if (g.Output.All(o => o.Name != tokenOutput)) throw new NotSupportedException($"the graph has no output {tokenOutput}");
        g.Initializer.Add(Tensors.Int64("cls_position", [], 0));
        g.Node.Add(Nodes.Make("Gather", "cls_token", [tokenOutput, "cls_position"], ["cls_token"], Nodes.Int("axis", 1)));
        g.Node.Add(Nodes.Make("Cast", "cls_token_float", ["cls_token"], ["cls_token_float"], Nodes.Int("to", (long)DataType.Float)));
        g.Node.Add(Nodes.Make("ReduceL2", "cls_norm", ["cls_token_float"], ["cls_norm"], Nodes.Ints("axes", 1), Nodes.Int("keepdims", 1)));
        g.Node.Add(Nodes.Make("Div", "sentence_embedding", ["cls_token_float", "cls_norm"], [OnnxEmbeddingEngine.PooledOutput]));

        var output = new ValueInfoProto
        {
            Name = OnnxEmbeddingEngine.PooledOutput,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)DataType.Float, Shape = new TensorShapeProto() } },
        };
        output.Type.TensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch_size" });
        output.Type.TensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = hidden });
        g.Output.Clear();
        g.Output.Add(output);
    }
}
