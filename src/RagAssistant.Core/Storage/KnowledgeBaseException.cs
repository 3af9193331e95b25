namespace RagAssistant.Core.Storage;

/// <summary>The knowledge base cannot be opened or written; the message names the file and the reason.</summary>
public sealed class KnowledgeBaseException(string message, Exception? inner = null) : Exception(message, inner);
