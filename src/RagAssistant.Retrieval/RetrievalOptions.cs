namespace RagAssistant.Retrieval;

/// <summary>Retrieval settings. Bound from the configuration section <c>Rag:Retrieval</c>.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Rag:Retrieval";

    /// <summary>Extra jieba user dictionaries (word freq tag per line) loaded after the built-in manufacturing one.</summary>
    public List<string> UserDictionaries { get; set; } = [];

    /// <summary>Extra glossary files (zh TAB en …) merged with the built-in zh↔en glossary.</summary>
    public List<string> Glossaries { get; set; } = [];
}
