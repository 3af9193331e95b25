namespace RagAssistant.Core.Search;

/// <summary>A chunk's document facts that a dense search filters on (<see cref="IndexedVector"/> without the vector).</summary>
public sealed record IndexedTag(long ChunkId, string Library, string Kind, string? IdentityKey, bool Superseded, string Language = ChunkLanguage.English);
