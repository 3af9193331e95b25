namespace RagAssistant.Core.Embeddings;

/// <summary>Keys the embedding generator sets in an embedding's <c>AdditionalProperties</c>.</summary>
public static class EmbeddingProperties
{
    /// <summary>True when the text was longer than the model's window and was cut to fit.</summary>
    public const string Truncated = "rag.truncated";

    /// <summary>Tokens the model saw for this text, [CLS] and [SEP] included.</summary>
    public const string Tokens = "rag.tokens";
}
