using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using RagAssistant.Embeddings.Models;
using RagAssistant.Embeddings.Onnx;
using RagAssistant.Embeddings.Onnx.Fp16;
using RagAssistant.Testing;
using Xunit.Abstractions;
using static RagAssistant.Embeddings.Tests.RealModelFixture;

namespace RagAssistant.Embeddings.Tests;

/// <summary>
/// The fp16 CUDA graph of bge-small-zh-v1.5, built from its int8 graph and run here on the CPU (ONNX Runtime runs
/// float16 graphs there too), against the int8 graph's own vectors for passages of the repository's corpus.
/// </summary>
public sealed class Fp16GraphBuilderTests(Fp16GraphBuilderTests.Fp16Graph graph, ITestOutputHelper output) : IClassFixture<Fp16GraphBuilderTests.Fp16Graph>
{
    /// <summary>The int8 model (the built-in Chinese model on the CPU) and its fp16 graph built into a temporary folder.</summary>
    public sealed class Fp16Graph : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public Fp16Graph()
        {
            Int8 = new EmbeddingModelProvider(Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions { Model = BuiltinChineseModel.Id, Device = "cpu" }),
                NullLogger<EmbeddingModelProvider>.Instance);
            Build = Fp16GraphBuilder.Build(BuiltinChineseModel.GraphPath, _temp.File(EmbeddingModelLoader.CudaGraphFile));
            var m = Int8.Model;
            // The engine as it runs the graph on CUDA, on the CPU: the fp16 file as the model's graph.
            Engine = new OnnxEmbeddingEngine(m with { Location = Build.Path, LoadGraph = () => new ModelGraph(Build.Path, null) },
                new EmbeddingOptions { Device = "cpu" }, NullLogger.Instance);
        }

        public EmbeddingModelProvider Int8 { get; }
        public Fp16GraphBuild Build { get; }
        public OnnxEmbeddingEngine Engine { get; }

        public void Dispose()
        {
            Engine.Dispose();
            Int8.Dispose();
            _temp.Dispose();
        }
    }

    [Fact]
    public void Fp16Graph_TakesTheInt8GraphsInputs_AndGivesOneFloatVectorPerText()
    {
        Assert.Equal((24, 3), (graph.Build.DenseLayers, graph.Build.Tables));
        using var session = new InferenceSession(graph.Build.Path);
        Assert.Equal(["attention_mask", "input_ids", "token_type_ids"], session.InputMetadata.Keys.Order());
        Assert.All(session.InputMetadata.Values, i => Assert.Equal(typeof(long), i.ElementType));
        var pooled = Assert.Single(session.OutputMetadata);
        Assert.Equal(OnnxEmbeddingEngine.PooledOutput, pooled.Key);
        Assert.Equal(typeof(float), pooled.Value.ElementType);
        Assert.Equal([-1, BuiltinChineseModel.Dimension], pooled.Value.Dimensions);
        Assert.Equal(PoolingMode.Graph, graph.Engine.Pooling);
        output.WriteLine($"built in {graph.Build.Elapsed.TotalSeconds:0.00} s, {graph.Build.Bytes / 1e6:0.0} MB");
    }

    [Fact]
    public void Fp16Graph_GivesTheInt8Vectors_ForCorpusPassages_CosineAtLeast099()
    {
        var passages = CorpusPassages().Concat(English).ToList();
        Assert.True(passages.Count >= 40, $"{passages.Count} passages");

        var int8 = graph.Int8.Engine.Embed(passages).Vectors;
        var fp16 = graph.Engine.Embed(passages).Vectors;

        var cosines = passages.Select((_, i) => Cosine(fp16[i], int8[i])).ToList();
        output.WriteLine($"{passages.Count} passages: cosine min {cosines.Min():0.0000}, mean {cosines.Average():0.0000}");
        Assert.All(fp16, v => Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(v), 3));
        for (var i = 0; i < passages.Count; i++)
            Assert.True(cosines[i] >= 0.99f, $"cosine {cosines[i]} for: {passages[i]}");
        ReportThroughput(passages.Take(64).ToList());
    }

    [Fact]
    public void Cache_BuildsTheGraphOnce_AndAgainWhenTheInt8GraphChanges()
    {
        using var temp = new TempDirectory();
        var int8 = temp.File("model_quantized.onnx");
        File.Copy(BuiltinChineseModel.GraphPath, int8);
        var logger = new ListLogger<Fp16GraphBuilderTests>();

        var first = Fp16GraphCache.Ensure(int8, [temp.Path], BuiltinChineseModel.Id, logger);
        var second = Fp16GraphCache.Ensure(int8, [temp.Path], BuiltinChineseModel.Id, logger);
        Assert.Equal(temp.File(EmbeddingModelLoader.CudaGraphFile), first);
        Assert.Equal(first, second);
        Assert.Single(logger.Lines, l => l.Message.Contains("built its fp16 CUDA graph"));

        File.AppendAllText(temp.File(EmbeddingModelLoader.CudaGraphFile + Fp16GraphCache.SourceSuffix), "-stale");
        Assert.Equal(first, Fp16GraphCache.Ensure(int8, [temp.Path], BuiltinChineseModel.Id, logger));
        Assert.Equal(2, logger.Lines.Count(l => l.Message.Contains("built its fp16 CUDA graph")));
    }

    [Fact]
    public void Cache_ForAGraphItCannotRead_LogsWhy_AndGivesNull_SoTheInt8GraphIsKept()
    {
        using var temp = new TempDirectory();
        var broken = temp.File("model_quantized.onnx");
        File.WriteAllBytes(broken, [1, 2, 3, 4, 5]);
        var logger = new ListLogger<Fp16GraphBuilderTests>();

        Assert.Null(Fp16GraphCache.Ensure(broken, [temp.Path], BuiltinChineseModel.Id, logger));

        var line = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("no fp16 CUDA graph could be built", line.Message);
        Assert.False(File.Exists(temp.File(EmbeddingModelLoader.CudaGraphFile)));
    }

    private static readonly string[] English =
    [
        "Check the spindle speed before every shift.",
        "Tighten the bolts to 25 Nm in the order shown, then mark them.",
        "Quality alert: shaft journal diameter oversize by 0.02 mm; quarantine the batch.",
        "After carburizing and quenching, the tooth surface hardness shall be 58-62 HRC.",
    ];

    /// <summary>The Chinese Markdown documents of the corpus, as paragraphs of 50 to 400 characters (short ones joined, long ones cut).</summary>
    private static IEnumerable<string> CorpusPassages()
    {
        var files = Directory.GetFiles(RepositoryPaths.Corpus, "*.md").Where(f => Path.GetFileName(f).Any(Core.Text.CjkText.IsCjk)).Order();
        foreach (var file in files)
        {
            var pending = "";
            foreach (var paragraph in File.ReadAllText(file).Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                pending = pending.Length == 0 ? paragraph : pending + "\n" + paragraph;
                if (pending.Length < 50) continue;
                for (var start = 0; start < pending.Length; start += 400)
                    if (pending.Length - start >= 50) yield return pending.Substring(start, Math.Min(400, pending.Length - start));
                pending = "";
            }
        }
    }

    /// <summary>Informational: texts per second of each graph on this machine's CPU (no assertion: timings vary by machine).</summary>
    private void ReportThroughput(IReadOnlyList<string> texts)
    {
        foreach (var (name, engine) in new[] { ("int8", graph.Int8.Engine), ("fp16", graph.Engine) })
        {
            engine.Embed(texts.Take(4).ToList());
            var clock = Stopwatch.StartNew();
            engine.Embed(texts);
            output.WriteLine($"{name} on the CPU: {texts.Count} texts in {clock.Elapsed.TotalSeconds:0.00} s ({texts.Count / clock.Elapsed.TotalSeconds:0.0} texts/s)");
        }
    }
}
