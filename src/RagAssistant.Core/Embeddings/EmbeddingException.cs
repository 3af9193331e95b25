namespace RagAssistant.Core.Embeddings;

/// <summary>Embedding failed for a reason that is not one document's fault (a missing model, an ONNX Runtime error): the run stops.</summary>
public class EmbeddingException(string message, Exception? inner = null) : Exception(message, inner);
