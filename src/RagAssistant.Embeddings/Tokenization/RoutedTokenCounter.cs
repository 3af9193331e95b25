using RagAssistant.Core.Text;

namespace RagAssistant.Embeddings.Tokenization;

/// <summary>
/// Counts a text in the tokens of the model that will embed it (<see cref="EmbeddingModelProvider.ModelFor"/>): with
/// the built-in pair, Chinese and mixed text in bge-small-zh's tokens and English text in all-MiniLM's, so a chunk's
/// budget holds for the model that reads it (their WordPiece vocabularies split numbers, units and English words
/// differently).
/// </summary>
public sealed class RoutedTokenCounter(EmbeddingModelProvider provider) : ITokenCounter
{
    public int CountTokens(string text) => provider.ModelFor(text).Tokenizer.CountTokens(text);
}
