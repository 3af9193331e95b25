namespace RagAssistant.Storage.Postgres;

/// <summary>
/// A chunk row brought over from another knowledge base with its id (<c>rag migrate</c>): the stored columns as they
/// are, the keyword index is made from <see cref="Context"/> and <see cref="Text"/> as a save makes it.
/// </summary>
/// <param name="BoxesJson">The page boxes as stored (a JSON array of PageBox).</param>
public sealed record ImportedChunk(
    long Id, long DocumentId, int Ordinal, string Text, string Context, string Locator, int? Page, int TokenCount,
    float[]? Vector, string? Model, int? Dimension, string BoxesJson, string Language);
