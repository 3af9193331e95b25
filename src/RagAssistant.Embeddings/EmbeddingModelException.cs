using RagAssistant.Core.Embeddings;

namespace RagAssistant.Embeddings;

/// <summary>The configured embedding model cannot be loaded; the message says what is missing and where to set it.</summary>
public sealed class EmbeddingModelException(string message, Exception? inner = null) : EmbeddingException(message, inner);
