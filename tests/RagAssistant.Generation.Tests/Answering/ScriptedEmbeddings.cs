using Microsoft.Extensions.AI;

namespace RagAssistant.Generation.Tests.Answering;

/// <summary>
/// An embedding "model" whose vectors the test writes down: each listed text gets its vector, any other text one
/// orthogonal to them all. For tests about how similarity is used, not about how good the model is.
/// </summary>
internal sealed class ScriptedEmbeddings(Dictionary<string, float[]> vectors) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int _dimension = vectors.Values.First().Length + 1;

    /// <summary>Every text embedded so far, in order.</summary>
    public List<string> Embedded { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            Embedded.Add(text);
            var vector = new float[_dimension];
            if (vectors.TryGetValue(text, out var scripted)) scripted.CopyTo(vector, 0);
            else vector[^1] = 1;
            result.Add(new Embedding<float>(vector));
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
