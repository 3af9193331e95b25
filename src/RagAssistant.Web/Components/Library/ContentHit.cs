namespace RagAssistant.Web.Components.Library;

/// <summary>A document found by its text: its best-matching chunk (by BM25), where that chunk sits, and a marked passage of it.</summary>
public sealed record ContentHit(long DocumentId, long ChunkId, int? Page, string Locator, Snippet Snippet);
