namespace RagAssistant.Core.Text;

/// <summary>Counts tokens the way the embedding model's tokenizer will, so chunk budgets hold for the model.</summary>
public interface ITokenCounter
{
    int CountTokens(string text);
}
