namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// Picks the reader for a detected content type; types no reader declares are unsupported. When two readers declare a
/// type, the one registered last wins, so a host (or a test) can replace a reader by registering another.
/// </summary>
public sealed class ReaderRegistry(IEnumerable<IDocumentReader> readers)
{
    private readonly Dictionary<string, IDocumentReader> _byType =
        readers.SelectMany(r => r.ContentTypes.Select(t => (t, r))).GroupBy(x => x.t).ToDictionary(g => g.Key, g => g.Last().r);

    public IDocumentReader? For(string contentType) => _byType.GetValueOrDefault(contentType);

    public IEnumerable<string> SupportedTypes => _byType.Keys.Order();
}
