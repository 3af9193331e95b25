using System.Text;
using Microsoft.Extensions.AI;

namespace RagAssistant.Testing;

/// <summary>
/// A deterministic, fast stand-in for the embedding model in tests that are about neither embeddings nor retrieval
/// quality: each word (lower-cased, split on non-letters/digits; each CJK character alone) adds +1/-1 to a few
/// hashed dimensions, then the vector is L2-normalised. Same text → same vector; texts sharing words → positive cosine.
/// </summary>
public sealed class HashEmbeddingGenerator(string modelId = HashEmbeddingGenerator.DefaultModelId, int dimension = 64)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string DefaultModelId = "test:hash-64";

    public string ModelId { get; } = modelId;
    public int Dimension { get; } = dimension;

    /// <summary>How many texts were embedded, for tests that check what was (re)embedded.</summary>
    public int TextsEmbedded { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            result.Add(new Embedding<float>(Embed(text)) { ModelId = ModelId });
            TextsEmbedded++;
        }
        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        var vector = new float[Dimension];
        foreach (var word in Words(text))
        {
            var hash = Fnv1a(word);
            for (var k = 0; k < 3; k++)
            {
                var bits = hash >> (k * 20);
                vector[(int)(bits % (ulong)Dimension)] += (bits & 0x80000) != 0 ? 1 : -1;
            }
        }
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    private static ulong Fnv1a(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(word)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            var cjk = c is >= '\u4E00' and <= '\u9FFF';
            if (char.IsLetterOrDigit(c) && !cjk) { word.Append(c); continue; }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
            if (cjk) yield return c.ToString();
        }
        if (word.Length > 0) yield return word.ToString();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, ModelId, Dimension)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
