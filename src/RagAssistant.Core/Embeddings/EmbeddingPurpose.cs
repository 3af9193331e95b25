using Microsoft.Extensions.AI;

namespace RagAssistant.Core.Embeddings;

/// <summary>
/// Whether a text is embedded as a search query or as a stored passage. Some models (bge-*-zh, e5) want an
/// instruction or prefix on one side only; the generator reads the purpose from
/// <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> under <see cref="PropertyName"/> and applies the
/// configured prefix. Without it, texts are embedded as passages.
/// </summary>
public static class EmbeddingPurpose
{
    /// <summary>The key in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.</summary>
    public const string PropertyName = "rag.purpose";

    public const string Query = "query";
    public const string Passage = "passage";

    /// <summary>Options that embed texts as search queries (retrieval uses these for the question).</summary>
    public static EmbeddingGenerationOptions ForQuery() => Create(Query);

    /// <summary>Options that embed texts as stored passages (ingestion uses these for chunks).</summary>
    public static EmbeddingGenerationOptions ForPassage() => Create(Passage);

    /// <summary>The key that marks background work (ingestion, re-embedding) in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.</summary>
    public const string LaneProperty = "rag.lane";

    public const string Background = "background";

    /// <summary>
    /// Options for a document's chunks embedded as background work: passages, embedded batch by batch after any waiting
    /// question, stepping aside while questions are answered (<see cref="Scheduling.ForegroundWork"/>).
    /// </summary>
    public static EmbeddingGenerationOptions ForIngestion()
    {
        var options = Create(Passage);
        options.AdditionalProperties![LaneProperty] = Background;
        return options;
    }

    /// <summary>Whether <paramref name="options"/> mark background work; without the mark, someone is waiting for the result.</summary>
    public static bool IsBackground(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(LaneProperty, out var value) == true && value is Background;

    /// <summary>The purpose named in <paramref name="options"/>; <see cref="Passage"/> when none is named.</summary>
    public static string Of(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true && value is string s && s == Query ? Query : Passage;

    private static EmbeddingGenerationOptions Create(string purpose) =>
        new() { AdditionalProperties = new AdditionalPropertiesDictionary { [PropertyName] = purpose } };
}
