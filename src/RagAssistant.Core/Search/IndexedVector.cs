namespace RagAssistant.Core.Search;

/// <summary>A chunk's stored vector with the document facts a dense search filters on, and the chunk's language ("zh" | "en").</summary>
public sealed record IndexedVector(long ChunkId, float[] Vector, string Library, string Kind, string? IdentityKey, bool Superseded, string Language = ChunkLanguage.English);
