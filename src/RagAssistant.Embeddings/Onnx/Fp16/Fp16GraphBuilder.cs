using System.Diagnostics;
using Google.Protobuf;
using Onnx;

namespace RagAssistant.Embeddings.Onnx.Fp16;

/// <summary>What a build did, for the log line.</summary>
public sealed record Fp16GraphBuild(string Path, int Tables, int DenseLayers, long Bytes, TimeSpan Elapsed);

/// <summary>
/// Writes the CUDA twin of an int8 dynamically quantized BERT graph: dequantized weights (<see cref="Dequantizer"/>),
/// float16 arithmetic (<see cref="Float16Converter"/>) and CLS pooling inside (<see cref="ClsPooling"/>). The int8 graph
/// is a CPU graph — CUDA has no kernel for its integer MatMuls — and this one gives the same vectors (cosine ≥ 0.99,
/// checked by the tests on the CPU) at GPU speed.
/// </summary>
public static class Fp16GraphBuilder
{
    public const string TokenOutput = "last_hidden_state";

    public static Fp16GraphBuild Build(string int8GraphPath, string fp16GraphPath)
    {
        var clock = Stopwatch.StartNew();
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(int8GraphPath));
        var g = model.Graph;
        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;
        // ReduceL2 takes its axes as an attribute up to opset 17 (ClsPooling writes it so).
        if (opset is < 11 or >= 18) throw new NotSupportedException($"opset {opset}: only opsets 11 to 17 are handled");
        var hidden = g.Output.FirstOrDefault(o => o.Name == TokenOutput)?.Type?.TensorType?.Shape?.Dim.LastOrDefault()?.DimValue ?? 0;
        if (hidden <= 0) throw new NotSupportedException($"the graph has no {TokenOutput} output with a fixed hidden size");

        var (tables, dense) = Dequantizer.Dequantize(g);
        Float16Converter.Convert(g);
        ClsPooling.Append(g, TokenOutput, (int)hidden);
        model.ProducerName = "RagAssistant Fp16GraphBuilder";
        model.ProducerVersion = "1";
        g.Name += " (fp16, CLS pooled)";

        // Written beside the target and moved into place: another process starting at the same time never reads half a file.
        var folder = Path.GetDirectoryName(Path.GetFullPath(fp16GraphPath))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(fp16GraphPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temp)) model.WriteTo(stream);
            File.Move(temp, fp16GraphPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return new Fp16GraphBuild(fp16GraphPath, tables, dense, new FileInfo(fp16GraphPath).Length, clock.Elapsed);
    }
}
