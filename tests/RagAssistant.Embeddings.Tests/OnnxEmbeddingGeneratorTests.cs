using RagAssistant.Core.Embeddings;
using RagAssistant.Embeddings.Models;
using RagAssistant.Embeddings.Onnx;
using static RagAssistant.Embeddings.Tests.RealModelFixture;

namespace RagAssistant.Embeddings.Tests;

[Collection(RealModelCollection.Name)]
public class OnnxEmbeddingGeneratorTests(RealModelFixture model)
{
    // Plain ASCII English: the peer's tokenizer splits only on ASCII punctuation (for "N·m" it differs from BERT's
    // rules, which split every Unicode punctuation mark as we do), and its WordPiece is not BERT's on some words
    // ("M8" -> [UNK], "wrench" -> "wren ##ch" where BERT gives "wrench"), so it is a reference for such text only.
    private static readonly string[] English =
    [
        "Check the spindle speed before every shift.",
        "The operator must wear safety glasses while the lathe is running.",
        "Tighten the bolts to 25 Nm in the order shown, then mark them.",
        "Quality alert: shaft journal diameter oversize by 0.02 mm; quarantine the batch.",
        "Coolant",
        "Replace the worn insert when the surface finish exceeds Ra 1.6 and record the change in the maintenance log " +
        "together with the machine number, the date, the operator's name and the reason for the replacement.",
    ];

    [Fact]
    public async Task English_MatchesThePeerEncoder()
    {
        var ours = await model.EmbedAsync(English);
        var peer = LoadPeer()(English);
        for (var i = 0; i < English.Length; i++)
            Assert.True(Cosine(ours[i], peer[i]) >= 0.999f, $"text {i}: cosine {Cosine(ours[i], peer[i])}");
    }

    [Fact]
    public async Task Batched_EqualsOneByOne()
    {
        var batched = await model.EmbedAsync(English);
        for (var i = 0; i < English.Length; i++)
        {
            var single = (await model.EmbedAsync([English[i]]))[0];
            Assert.True(Cosine(batched[i], single) >= 0.99999f, $"text {i}: cosine {Cosine(batched[i], single)}");
        }
    }

    [Fact]
    public async Task RelatedSentences_ScoreAboveUnrelated()
    {
        var v = await model.EmbedAsync(
        [
            "How do I tighten the cylinder head bolts?",
            "Torque the cylinder head bolts in a cross pattern to the specified value.",
            "The cafeteria serves lunch from noon until two o'clock.",
            "What hardness must the gear teeth reach after heat treatment?",
            "After carburizing and quenching, the tooth surface hardness shall be 58-62 HRC.",
        ]);
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2f);
        Assert.True(Cosine(v[3], v[4]) > Cosine(v[3], v[2]) + 0.2f);
        Assert.True(Cosine(v[3], v[4]) > Cosine(v[3], v[1]));
    }

    [Fact]
    public async Task Vectors_AreNormalised_WithTheModelsIdAndDimension()
    {
        var generated = await model.Generator.GenerateAsync(English);
        Assert.All(generated, e =>
        {
            Assert.Equal(BuiltinModel.Id, e.ModelId);
            Assert.Equal(384, e.Vector.Length);
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(e.Vector.Span), 3);
        });
        Assert.True(generated.Usage?.InputTokenCount > English.Length * 2);
    }

    [Fact]
    public async Task Query_GetsTheConfiguredPrefix_PassagesDoNot()
    {
        const string text = "spindle speed check";
        var query = (await model.EmbedAsync([text], EmbeddingPurpose.ForQuery()))[0];
        var prefixed = (await model.EmbedAsync([QueryPrefix + text]))[0];
        var passage = (await model.EmbedAsync([text], EmbeddingPurpose.ForPassage()))[0];
        Assert.True(Cosine(query, prefixed) > 0.99999f);
        Assert.True(Cosine(query, passage) < 0.999f);
    }

    [Fact]
    public async Task OverlongText_IsTruncated_FlaggedAndCountedInAWarning()
    {
        var logger = new ListLogger<OnnxEmbeddingGenerator>();
        var generator = new OnnxEmbeddingGenerator(model.Provider, logger);
        var longText = string.Join(' ', Enumerable.Repeat("spindle speed check", 300));
        var generated = await generator.GenerateAsync([longText, "short text"]);
        Assert.Equal(true, generated[0].AdditionalProperties![EmbeddingProperties.Truncated]);
        Assert.Equal(512, generated[0].AdditionalProperties![EmbeddingProperties.Tokens]);
        Assert.Equal(false, generated[1].AdditionalProperties![EmbeddingProperties.Truncated]);
        var warning = Assert.Single(logger.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("1 of 2 texts", warning.Message);
    }

    [Fact]
    public void BuiltinModel_IsEnglishCentred_244ChineseCharacters()
    {
        Assert.Equal(244, model.Provider.Model.ChineseCharacters);
        Assert.True(model.Provider.Model.EnglishCentred);
    }

    [Fact]
    public async Task Dispose_WaitsForTheRunningBatch_AndLaterCallsAreRefused()
    {
        // An engine of its own (the fixture's stays open): disposed while another thread embeds, as when the app stops
        // with an answer still embedding its question. The process must not crash; the run finishes or is refused.
        var engine = new OnnxEmbeddingEngine(model.Provider.Model, new EmbeddingOptions { Device = "cpu" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var texts = Enumerable.Range(0, 256).Select(i => $"spindle bearing replacement step {i}: switch off the power first").ToList();
        var running = Task.Run(() => engine.Embed(texts));
        await Task.Delay(50);

        engine.Dispose();

        var outcome = await Record.ExceptionAsync(() => running);
        Assert.True(outcome is null or ObjectDisposedException, $"the running embed ended with {outcome}");
        Assert.Throws<ObjectDisposedException>(() => engine.Embed(["after"]));
    }

    [SkippableFact]
    public async Task Fp16PooledGraph_MatchesTheFp32Path_OnCpu()
    {
        var fp16 = Path.Combine(SharedModels, EmbeddingModelLoader.CudaGraphFile);
        Skip.IfNot(File.Exists(fp16), $"{fp16} is absent (it lives in ../shared/models, outside the repository)");
        var m = model.Provider.Model;
        var fused = new EmbeddingModel
        {
            Id = m.Id, Location = fp16, LoadGraph = () => new ModelGraph(fp16, null), Tokenizer = m.Tokenizer,
            MaxLength = m.MaxLength, Dimension = m.Dimension, Pooling = m.Pooling,
        };
        using var engine = new OnnxEmbeddingEngine(fused, new EmbeddingOptions { Device = "cpu" }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Equal(PoolingMode.Graph, engine.Pooling);
        var fromFp16 = engine.Embed(English).Vectors;
        var fromFp32 = await model.EmbedAsync(English);
        for (var i = 0; i < English.Length; i++)
            Assert.True(Cosine(fromFp16[i], fromFp32[i]) >= 0.995f, $"text {i}: cosine {Cosine(fromFp16[i], fromFp32[i])}");
    }

    [Fact]
    public void CudaRequested_WithoutAUsableGpu_FallsBackToCpu_AndLogsWhy()
    {
        var logger = new ListLogger<OnnxEmbeddingEngine>();
        using var engine = new OnnxEmbeddingEngine(model.Provider.Model, new EmbeddingOptions { Device = "cuda" }, logger);
        if (engine.Choice.Device.StartsWith("cuda", StringComparison.Ordinal)) return; // a GPU machine: nothing falls back
        Assert.Equal("cpu", engine.Choice.Device);
        Assert.StartsWith("CUDA was requested but is not usable: ", engine.Choice.Reason);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("CUDA was requested but is not usable", line.Message);
        Assert.Equal(384, engine.Embed(["still works"]).Vectors[0].Length);
    }
}
