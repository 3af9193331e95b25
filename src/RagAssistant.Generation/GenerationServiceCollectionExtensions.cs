using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Answering;
using RagAssistant.Generation.Extractive;
using RagAssistant.Generation.Llm;

namespace RagAssistant.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers answering (options from <c>Rag:Answers</c>): the answer service behind <see cref="IQuestionAnswerer"/>, the
    /// extractive answerer and the LLM provider (<c>Rag:Llm</c>; none configured = extractive answers). Needs storage and
    /// retrieval registered too.
    /// </summary>
    public static IServiceCollection AddRagGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnswerOptions>()
            .Bind(configuration.GetSection(AnswerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRagRelevance(configuration);
        services.AddRagLlm(configuration);
        services.TryAddSingleton<ExtractiveAnswerer>();
        // Retrieval re-orders its best candidates by the answerer's reading of their sentences and rows.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEvidenceReranker, EvidenceReranker>());
        // The embedding model is optional here: without one, passages are chosen by their terms alone.
        services.TryAddSingleton(sp => new UnitSimilarity(sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<IOptions<AnswerOptions>>().Value.UnitVectorCacheSize));
        services.TryAddSingleton<AnswerService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQuestionAnswerer, AnswerService>(sp => sp.GetRequiredService<AnswerService>()));
        return services;
    }
}
