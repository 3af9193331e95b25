using Microsoft.Extensions.AI;
using RagAssistant.Testing;

namespace RagAssistant.Web.Tests.Instances;

/// <summary>
/// The hash embedder, except that a text containing <paramref name="marker"/> stalls until the call is cancelled: a job
/// that stays running for as long as a test needs, and says when it got there (<see cref="Reached"/>).
/// </summary>
internal sealed class StallingEmbedder(string marker) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashEmbeddingGenerator _inner = new();
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a text with the marker is being embedded.</summary>
    public Task Reached => _reached.Task;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (texts.Any(t => t.Contains(marker, StringComparison.Ordinal)))
        {
            _reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return await _inner.GenerateAsync(texts, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
