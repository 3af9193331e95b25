namespace RagAssistant.Embeddings.Models;

/// <summary>How token vectors become one sentence vector.</summary>
public enum PoolingMode
{
    /// <summary>Average of the token vectors under the attention mask (sentence-transformers models).</summary>
    Mean,

    /// <summary>The [CLS] token's vector (bge models).</summary>
    Cls,

    /// <summary>The graph outputs a pooled, normalised <c>sentence_embedding</c>; used as is.</summary>
    Graph,
}
