using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Text;

namespace RagAssistant.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ONNX Runtime embedding generator (options from <c>Rag:Embeddings</c>, validated at start) and makes
    /// the model's WordPiece tokenizer the <see cref="ITokenCounter"/>, replacing the stand-in, so chunk budgets are
    /// counted in the model's tokens. Call before or after <c>AddRagIngestion</c>.
    /// </summary>
    public static IServiceCollection AddRagEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>()
            .Bind(configuration.GetSection(EmbeddingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());
        services.TryAddSingleton<RagAssistant.Core.Scheduling.ForegroundWork>();
        services.TryAddSingleton<EmbeddingModelProvider>();
        services.TryAddSingleton<RagAssistant.Core.Embeddings.IEmbeddingModelCatalog>(sp => sp.GetRequiredService<EmbeddingModelProvider>());
        services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, OnnxEmbeddingGenerator>();
        services.RemoveAll<ITokenCounter>();
        services.AddSingleton<ITokenCounter>(sp => sp.GetRequiredService<EmbeddingModelProvider>().Model.Tokenizer);
        return services;
    }
}
