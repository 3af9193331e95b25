using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;

namespace RagAssistant.Testing;

/// <summary>Small documents and chunks for store tests.</summary>
public static class StoreSamples
{
    public static DocumentInfo Doc(string source, string? identity = null, string? mark = null, int? year = null,
        string library = Libraries.Default, string sha = "sha-1", string kind = DocumentKind.Other) => new()
    {
        Library = library,
        Source = source,
        FileName = Path.GetFileName(source),
        Title = source,
        Kind = kind,
        Revision = new DocumentRevision(identity, mark, Year: year),
        Sha256 = sha,
        Size = 10,
        ContentType = "markdown",
    };

    public static ChunkDraft[] Chunks(params string[] texts) =>
        texts.Select((t, i) => new ChunkDraft(i, t, "ctx", $"line {i + 1}", null, 3)).ToArray();

    /// <summary>Chunks with a 3-dimensional vector of <paramref name="model"/> each: (1, i, 0) for the i-th.</summary>
    public static ChunkDraft[] Embedded(string model, params string[] texts) =>
        Chunks(texts).Select((c, i) => c with { Vector = new ChunkVector(model, new float[] { 1, i, 0 }) }).ToArray();
}
