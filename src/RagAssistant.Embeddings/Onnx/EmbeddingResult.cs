namespace RagAssistant.Embeddings.Onnx;

/// <summary>Vectors in input order, with per-text token counts and truncation flags.</summary>
public sealed record EmbeddingResult(float[][] Vectors, int[] Tokens, bool[] Truncated)
{
    public int TruncatedCount => Truncated.Count(t => t);
}
