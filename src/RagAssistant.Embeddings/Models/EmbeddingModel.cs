using RagAssistant.Embeddings.Tokenization;

namespace RagAssistant.Embeddings.Models;

/// <summary>A resolved embedding model: its graph, tokenizer and settings (from its files, then the options).</summary>
public sealed record EmbeddingModel
{
    /// <summary>Stored with every vector; vectors of different ids are never compared. <c>builtin:all-MiniLM-L6-v2</c> or <c>folder:NAME</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The id without its <c>builtin:</c> / <c>folder:</c> prefix.</summary>
    public string Name => Core.Embeddings.EmbeddingModelInfo.NameOf(Id);

    /// <summary>The languages ("en", "zh") whose text this model embeds: both for a model configured alone.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en", "zh"];

    /// <summary>Where the model came from, for messages.</summary>
    public required string Location { get; init; }

    /// <summary>Loads the fp32 ONNX graph: a file path or the bytes of an embedded resource.</summary>
    public required Func<ModelGraph> LoadGraph { get; init; }

    /// <summary>A fused fp16 graph with pooling inside, used on CUDA when present.</summary>
    public string? CudaGraphPath { get; init; }

    /// <summary>
    /// Makes a fused fp16 graph when <see cref="CudaGraphPath"/> is null and a CUDA session is being opened; returns its
    /// path, or null (having logged why) to keep <see cref="LoadGraph"/>'s graph. Only the built-in Chinese model has
    /// one: its graph is int8, which CUDA cannot run well, and no fp16 export of it ships.
    /// </summary>
    public Func<Microsoft.Extensions.Logging.ILogger, string?>? BuildCudaGraph { get; init; }

    public required WordPieceTokenizer Tokenizer { get; init; }

    /// <summary>Most tokens per text, [CLS] and [SEP] included.</summary>
    public required int MaxLength { get; init; }

    /// <summary>Output dimension, from config.json's hidden_size (checked against the graph when it runs).</summary>
    public required int Dimension { get; init; }

    /// <summary>Pooling when the graph has no <c>sentence_embedding</c> output.</summary>
    public required PoolingMode Pooling { get; init; }

    public string QueryPrefix { get; init; } = "";
    public string PassagePrefix { get; init; } = "";

    /// <summary>How many single CJK characters the vocabulary holds (the built-in model: 244, so Chinese is mostly [UNK]).</summary>
    public int ChineseCharacters { get; init; }

    /// <summary>True when the vocabulary cannot represent Chinese text (fewer than 3,000 CJK characters).</summary>
    public bool EnglishCentred => ChineseCharacters < 3000;
}

/// <summary>An ONNX graph as a file path or in-memory bytes.</summary>
public sealed record ModelGraph(string? Path, byte[]? Bytes);
