namespace RagAssistant.Ingestion;

/// <summary>The outcome of <c>rag reembed</c>: the model now used and how many chunks got its vectors.</summary>
public sealed record ReembedReport(string Model, int Dimension, int Reembedded, int Total);
