namespace RagAssistant.Core.Search;

/// <summary>A chunk found by one retriever, with that retriever's score (higher is better).</summary>
public readonly record struct ChunkHit(long ChunkId, double Score);
