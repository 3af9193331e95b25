namespace RagAssistant.Core.Search;

/// <summary>A chunk's stored vector with the document facts a dense search filters on.</summary>
public sealed record IndexedVector(long ChunkId, float[] Vector, string Library, string Kind, string? IdentityKey, bool Superseded);
