using Microsoft.Extensions.Options;
using RagAssistant.Embeddings.Models;

namespace RagAssistant.Embeddings;

/// <summary>Fails at start when the configured model's files are missing, saying which and where to set it.</summary>
internal sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options) =>
        EmbeddingModelLoader.Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
