using RagAssistant.Core.Search;

namespace RagAssistant.Web.Components.Library;

/// <summary>
/// The library page's search in the documents' text: the keyword retriever that answering uses (FTS5 BM25 over text
/// segmented like the index, identifiers kept whole, glossary expansions), run through <see cref="ProtectedKnowledgeBase"/>
/// so the caller's libraries bound it as they bound every answer.
/// </summary>
public static class LibrarySearch
{
    /// <summary>Chunks read per search: enough to name every document a term occurs in, in a library of thousands of chunks.</summary>
    public const int MaxChunks = 200;

    /// <summary>The longest search accepted, in characters (a search box, not a question).</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// The documents whose text matches <paramref name="text"/>, best first, one hit each (its best chunk). Keyword mode
    /// only, without MMR or evidence re-ranking: the list names documents, it does not answer. The marked words are the
    /// analyzed terms, identifiers and expansions plus the words as typed.
    /// </summary>
    public static async Task<IReadOnlyList<ContentHit>> FindAsync(
        ProtectedKnowledgeBase knowledgeBase, AccessScope scope, string text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return [];
        var (query, results) = await knowledgeBase.SearchAsync(scope, text,
            new SearchOptions(Top: MaxChunks, Mode: RetrieverMode.Keyword, Mmr: false, Evidence: false), ct);
        var terms = query.Terms.Concat(query.Identifiers).Concat(query.Expansions)
            .Concat(text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var seen = new HashSet<long>();
        return results.Where(r => seen.Add(r.Chunk.DocumentId))
            .Select(r => new ContentHit(r.Chunk.DocumentId, r.Chunk.ChunkId, r.Chunk.Page, r.Chunk.Locator, Snippet.Of(r.Chunk.Text, terms)))
            .ToList();
    }
}
