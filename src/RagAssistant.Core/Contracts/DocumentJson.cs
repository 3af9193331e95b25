using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Contracts;

/// <summary>The document list contract (<c>rag docs list --json</c>, GET /api/documents).</summary>
public sealed record DocumentListJson(IReadOnlyList<DocumentJson> Documents);

public sealed record DocumentJson(
    long Id, string Library, string Source, string Title, string Kind, string? Identity, string? Revision,
    bool Superseded, string Status, int? Pages, int Chunks)
{
    public static DocumentJson From(StoredDocument d) =>
        new(d.Id, d.Library, d.Source, d.Title, d.Kind, d.Identity, d.Revision, d.Superseded, d.Status, d.Pages, d.Chunks);
}
