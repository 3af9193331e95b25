namespace RagAssistant.Core.Documents;

/// <summary>A chunk's embedding and the model that made it; the dimension is the vector's length.</summary>
/// <param name="Model">The embedding model's id (e.g. <c>builtin:all-MiniLM-L6-v2</c>); vectors of different models are never compared.</param>
/// <param name="Values">The L2-normalised vector.</param>
public sealed record ChunkVector(string Model, ReadOnlyMemory<float> Values)
{
    public int Dimension => Values.Length;
}
