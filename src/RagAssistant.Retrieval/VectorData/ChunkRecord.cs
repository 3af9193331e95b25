using Microsoft.Extensions.VectorData;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.VectorData;

/// <summary>
/// A knowledge-base chunk as a VectorData record: its key, its document's provenance, its text and its vector. The
/// schema is <see cref="Definition"/>, built at run time because the vector's dimension is the configured model's.
/// </summary>
public sealed class ChunkRecord
{
    public const string CollectionName = "chunks";
    public const string EmbeddingProperty = nameof(Embedding);

    public long Id { get; set; }
    public long DocumentId { get; set; }
    public string Library { get; set; } = "";
    public string Source { get; set; } = "";
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Identity { get; set; }
    public string? Revision { get; set; }
    public bool Superseded { get; set; }
    public int? Page { get; set; }
    public string Locator { get; set; } = "";
    public string Context { get; set; } = "";
    public string Text { get; set; } = "";
    public int TokenCount { get; set; }

    /// <summary>"zh" when <see cref="Text"/> has a CJK character, else "en" (<see cref="ChunkLanguage"/>).</summary>
    public string Language { get; set; } = ChunkLanguage.English;

    /// <summary>The stored vector of the configured model; null unless vectors were asked for (or none is stored).</summary>
    public ReadOnlyMemory<float>? Embedding { get; set; }

    /// <summary>
    /// The record's schema: key <see cref="Id"/>; the filterable facts indexed; <see cref="Text"/> and
    /// <see cref="Context"/> full-text indexed (FTS5); <see cref="Embedding"/> with <paramref name="dimensions"/>
    /// (the model's) compared by cosine similarity over a flat (exact, int8 above a size) index.
    /// </summary>
    public static VectorStoreCollectionDefinition Definition(int dimensions) => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty(nameof(Id), typeof(long)),
            new VectorStoreDataProperty(nameof(DocumentId), typeof(long)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(Library), typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(Source), typeof(string)),
            new VectorStoreDataProperty(nameof(Title), typeof(string)),
            new VectorStoreDataProperty(nameof(Kind), typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(Identity), typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(Revision), typeof(string)),
            new VectorStoreDataProperty(nameof(Superseded), typeof(bool)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(Page), typeof(int?)),
            new VectorStoreDataProperty(nameof(Locator), typeof(string)),
            new VectorStoreDataProperty(nameof(Context), typeof(string)) { IsFullTextIndexed = true },
            new VectorStoreDataProperty(nameof(Text), typeof(string)) { IsFullTextIndexed = true },
            new VectorStoreDataProperty(nameof(TokenCount), typeof(int)),
            new VectorStoreDataProperty(nameof(Language), typeof(string)) { IsIndexed = true },
            new VectorStoreVectorProperty(nameof(Embedding), typeof(ReadOnlyMemory<float>?), dimensions)
            {
                DistanceFunction = DistanceFunction.CosineSimilarity,
                IndexKind = IndexKind.Flat,
            },
        ],
    };

    internal static ChunkRecord From(RetrievedChunk chunk, ReadOnlyMemory<float>? embedding) => new()
    {
        Id = chunk.ChunkId,
        DocumentId = chunk.DocumentId,
        Library = chunk.Library,
        Source = chunk.Source,
        Title = chunk.Title,
        Kind = chunk.Kind,
        Identity = chunk.Identity,
        Revision = chunk.Revision,
        Superseded = chunk.Superseded,
        Page = chunk.Page,
        Locator = chunk.Locator,
        Context = chunk.Context,
        Text = chunk.Text,
        TokenCount = chunk.TokenCount,
        Language = ChunkLanguage.Of(chunk.Text),
        Embedding = embedding,
    };
}
