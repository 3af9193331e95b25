namespace RagAssistant.Ingestion.Readers;

/// <summary>Picks the reader for a detected content type; types no reader declares are unsupported.</summary>
public sealed class ReaderRegistry(IEnumerable<IDocumentReader> readers)
{
    private readonly Dictionary<string, IDocumentReader> _byType =
        readers.SelectMany(r => r.ContentTypes.Select(t => (t, r))).ToDictionary(x => x.t, x => x.r);

    public IDocumentReader? For(string contentType) => _byType.GetValueOrDefault(contentType);

    public IEnumerable<string> SupportedTypes => _byType.Keys.Order();
}
