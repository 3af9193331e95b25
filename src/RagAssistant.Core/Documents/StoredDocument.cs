namespace RagAssistant.Core.Documents;

/// <summary>A document as stored in the knowledge base.</summary>
public sealed record StoredDocument
{
    public required long Id { get; init; }
    public required string Library { get; init; }
    public required string Source { get; init; }
    public required string FileName { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public string? Identity { get; init; }
    public string? Revision { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    public int? RevisionYear { get; init; }
    /// <summary>True when a newer revision of the same identity is stored in the same library.</summary>
    public bool Superseded { get; init; }
    public required string Sha256 { get; init; }
    public required long Size { get; init; }
    public int? Pages { get; init; }
    public required string ContentType { get; init; }
    public required string Status { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<IngestNote> Warnings { get; init; } = [];
    public int Chunks { get; init; }
    /// <summary>True when the original file is stored (see <c>IDocumentStore.OpenOriginalAsync</c>).</summary>
    public bool HasOriginal { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
