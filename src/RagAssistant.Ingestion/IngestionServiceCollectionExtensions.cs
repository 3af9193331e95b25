using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagAssistant.Core.Text;
using RagAssistant.Ingestion.Chunking;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Ingestion.Readers.Pdf;

namespace RagAssistant.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers readers, the chunker, the pipeline, the re-embedding service and the document view builder (options from <c>Rag:Ingestion</c> and <c>Rag:Ocr</c>).
    /// The pipeline needs an <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>: hosts call <c>AddRagEmbeddings</c>.
    /// </summary>
    public static IServiceCollection AddRagIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>()
            .Bind(configuration.GetSection(IngestionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.ChunkTargetTokens <= o.ChunkMaxTokens, "Rag:Ingestion:ChunkTargetTokens must not exceed ChunkMaxTokens")
            .ValidateOnStart();
        services.AddOptions<Ocr.OcrOptions>()
            .Bind(configuration.GetSection(Ocr.OcrOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The embedding model's tokenizer replaces this stand-in when the embeddings are registered.
        services.TryAddSingleton<ITokenCounter, ApproximateTokenCounter>();
        services.AddSingleton<IDocumentReader, MarkdownReader>();
        services.AddSingleton<IDocumentReader, PlainTextReader>();
        services.AddSingleton<IDocumentReader, CsvReader>();
        services.AddSingleton<IDocumentReader, HtmlReader>();
        services.AddSingleton<IDocumentReader, DocxReader>();
        services.AddSingleton<IDocumentReader, XlsxReader>();
        services.AddSingleton<Ocr.PageOcr>();
        services.AddSingleton<IDocumentReader, PdfReader>();
        services.AddSingleton<IDocumentReader, ImageReader>();
        services.TryAddSingleton<ReaderRegistry>();
        services.TryAddSingleton<IsolatedReader>();
        services.TryAddSingleton<DocumentChunker>();
        services.TryAddSingleton<IngestionPipeline>();
        services.TryAddSingleton<ReembedService>();
        services.TryAddSingleton<Viewing.DocumentViewBuilder>();
        return services;
    }
}
