using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Text;
using RagAssistant.Embeddings.Models;
using RagAssistant.Embeddings.Onnx;
using RagAssistant.Embeddings.Tokenization;
using RagAssistant.Testing;
using static RagAssistant.Embeddings.Tests.RealModelFixture;

namespace RagAssistant.Embeddings.Tests;

/// <summary>Model folders in the Hugging Face ONNX export layout, built from the built-in model's own files.</summary>
[Collection(RealModelCollection.Name)]
public class ModelFolderTests(RealModelFixture model) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string MakeFolder(string name, string? pooling = null)
    {
        var folder = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(folder);
        var shared = Path.Combine(_temp.Path, "model.onnx");
        if (!File.Exists(shared)) File.WriteAllBytes(shared, BuiltinModel.ReadResource("model.onnx"));
        File.CreateSymbolicLink(Path.Combine(folder, "model.onnx"), shared);
        File.WriteAllBytes(Path.Combine(folder, "vocab.txt"), BuiltinModel.ReadResource("vocab.txt"));
        File.WriteAllText(Path.Combine(folder, "config.json"), """{"model_type":"bert","hidden_size":384,"max_position_embeddings":512}""");
        File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), """{"do_lower_case":true,"model_max_length":256}""");
        if (pooling is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder, "1_Pooling"));
            File.WriteAllText(Path.Combine(folder, "1_Pooling", "config.json"),
                $$"""{"word_embedding_dimension":384,"pooling_mode_cls_token":{{(pooling == "cls" ? "true" : "false")}},"pooling_mode_mean_tokens":{{(pooling == "mean" ? "true" : "false")}}}""");
        }
        return folder;
    }

    [Fact]
    public async Task HfFolder_MeanPooling_MatchesTheBuiltinModel()
    {
        var folder = MakeFolder("minilm-mean", "mean");
        var loaded = EmbeddingModelLoader.Load(new EmbeddingOptions { Model = folder });
        Assert.Equal(("folder:minilm-mean", PoolingMode.Mean, 256, 384, true), (loaded.Id, loaded.Pooling, loaded.MaxLength, loaded.Dimension, loaded.Tokenizer.LowerCase));
        using var engine = new OnnxEmbeddingEngine(loaded, new EmbeddingOptions { Device = "cpu" }, NullLogger.Instance);
        var texts = new[] { "Check the spindle speed before every shift." };
        Assert.True(Cosine(engine.Embed(texts).Vectors[0], (await model.EmbedAsync(texts))[0]) > 0.99999f);
    }

    [Fact]
    public async Task HfFolder_ClsPooling_PerConfig_TakesTheClsVector()
    {
        var folder = MakeFolder("minilm-cls", "cls");
        var loaded = EmbeddingModelLoader.Load(new EmbeddingOptions { Model = folder });
        Assert.Equal(PoolingMode.Cls, loaded.Pooling);
        using var engine = new OnnxEmbeddingEngine(loaded, new EmbeddingOptions { Device = "cpu" }, NullLogger.Instance);
        Assert.Equal(PoolingMode.Cls, engine.Pooling);
        var texts = new[] { "Check the spindle speed before every shift.", "Coolant level" };
        var cls = engine.Embed(texts).Vectors;
        var mean = await model.EmbedAsync(texts);
        Assert.All(cls, v => Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(v), 3));
        Assert.True(Cosine(cls[0], mean[0]) < 0.99f);
    }

    [Fact]
    public void HfFolder_BgeName_DefaultsToCls_AndOptionsOverride()
    {
        var folder = MakeFolder("bge-small-zh-v1.5");
        Assert.Equal(PoolingMode.Cls, EmbeddingModelLoader.Load(new EmbeddingOptions { Model = folder }).Pooling);
        Assert.Equal(PoolingMode.Mean, EmbeddingModelLoader.Load(new EmbeddingOptions { Model = folder, Pooling = "mean" }).Pooling);
        var withPrefix = EmbeddingModelLoader.Load(new EmbeddingOptions { Model = folder, QueryPrefix = "为这个句子生成表示以用于检索相关文章：" });
        Assert.Equal("为这个句子生成表示以用于检索相关文章：", withPrefix.QueryPrefix);
    }

    [Fact]
    public void MissingModelFolder_FailsAtStart_SayingWhatAndWhere()
    {
        var missing = Path.Combine(_temp.Path, "no-such-model");
        using var services = Services(new() { ["Rag:Embeddings:Model"] = missing });
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);
        Assert.Contains(missing, ex.Message);
        Assert.Contains("Rag:Embeddings:Model", ex.Message);

        var empty = Path.Combine(_temp.Path, "empty");
        Directory.CreateDirectory(empty);
        Assert.Contains("has no model.onnx", EmbeddingModelLoader.Problem(new EmbeddingOptions { Model = empty }));
    }

    [Fact]
    public void AddRagEmbeddings_ReplacesTheStandInTokenCounter_WithTheModelsWordPiece()
    {
        using var services = Services(new());
        Assert.IsType<WordPieceTokenizer>(services.GetRequiredService<ITokenCounter>());
        Assert.IsType<OnnxEmbeddingGenerator>(services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ITokenCounter, ApproximateTokenCounter>(); // what AddRagIngestion registers first
        return services.AddRagEmbeddings(configuration).BuildServiceProvider();
    }
}
