namespace RagAssistant.Core.Embeddings;

/// <summary>
/// The embedding models a knowledge base uses side by side, and which one embeds a given text. With the built-in pair,
/// English text goes to all-MiniLM-L6-v2 and Chinese or mixed text to bge-small-zh-v1.5; a single configured model
/// embeds everything. Every stored vector carries its model's id; vectors of different models are never compared.
/// The embedding generator embeds a text with <see cref="ModelFor"/>'s model unless its options name a model
/// (<c>EmbeddingGenerationOptions.ModelId</c>), which is how a question is embedded once per model.
/// </summary>
public interface IEmbeddingModelCatalog
{
    /// <summary>The models, the first being the primary one (token counting, the VectorData collection's vector property).</summary>
    IReadOnlyList<EmbeddingModelInfo> Models { get; }

    /// <summary>The id of the model that embeds text of <paramref name="language"/> ("en" / "zh").</summary>
    string ModelForLanguage(string language);

    /// <summary>The id of the model that embeds <paramref name="text"/> as a passage (by <see cref="Text.TextLanguage.OfPassage"/>).</summary>
    string ModelFor(string text) => ModelForLanguage(Text.TextLanguage.OfPassage(text));
}

/// <summary>An embedding model as retrieval sees it.</summary>
/// <param name="Id">Stored with every vector, e.g. <c>builtin:bge-small-zh-v1.5</c>.</param>
/// <param name="Name">The id without its <c>builtin:</c> / <c>folder:</c> prefix; fusion weights are keyed by it.</param>
/// <param name="Dimension">Vector length.</param>
/// <param name="Languages">The languages ("en", "zh") whose text this model embeds.</param>
/// <param name="ReadsChinese">Whether its vocabulary covers Chinese (all-MiniLM-L6-v2's holds 244 characters: it does not).</param>
public sealed record EmbeddingModelInfo(string Id, string Name, int Dimension, IReadOnlyList<string> Languages, bool ReadsChinese)
{
    public static string NameOf(string id) => id.Contains(':') ? id[(id.IndexOf(':') + 1)..] : id;

    /// <summary>
    /// What this model is given to embed for <paramref name="query"/>: the question itself when the model embeds the
    /// question's language; otherwise the question followed by its glossary translation (the expansions), with Chinese
    /// characters left out for a model whose vocabulary lacks them (all-MiniLM-L6-v2 would read them as [UNK]). Null when
    /// nothing readable is left. Dense retrieval and the similarity of answer units both reach a model this way.
    /// </summary>
    public string? QueryTextFor(Search.AnalyzedQuery query)
    {
        if (Languages.Contains(query.Language)) return query.Text;
        var text = query.Expansions.Count == 0 ? query.Text : query.Text + " " + string.Join(' ', query.Expansions);
        if (!ReadsChinese) text = new string(text.Select(c => Text.CjkText.IsCjk(c) ? ' ' : c).ToArray());
        return text.Any(char.IsLetter) ? text : null;
    }
}
