using RagAssistant.Core.Access;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Testing;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// Every <see cref="SearchFilter"/> condition — library, kind, identity, superseded, language — holds for keyword
/// search and for loading chunks, and the tags of the dense indexes' vectors carry what the same filter reads; an
/// access scope that excludes a library never yields its chunks by any of the three paths.
/// </summary>
public abstract class SearchFilterContract<TEngine> : StoreContract<TEngine> where TEngine : IStoreEngine
{
    private const string Model = "m";

    /// <summary>Five documents that differ each in one fact, every chunk holding the word "torque" and a vector.</summary>
    private static async Task<(KnowledgeBase Kb, Dictionary<string, long> Chunks)> CorpusAsync(KnowledgeBase kb)
    {
        var chunks = new Dictionary<string, long>();
        foreach (var (doc, text) in FilterSamples.Documents)
        {
            var document = await kb.Documents.SaveAsync(doc, Embedded(Model, text));
            chunks[document.Source] = Assert.Single(await kb.Documents.GetChunksAsync(document.Id)).Id;
        }
        return (kb, chunks);
    }

    private static async Task<string[]> KeywordAsync(KnowledgeBase kb, Dictionary<string, long> chunks, SearchFilter filter)
    {
        var hits = await kb.Search.KeywordSearchAsync("\"torque\"", filter, 100);
        return SourcesOf(chunks, hits.Select(h => h.ChunkId));
    }

    private static async Task<string[]> LoadedAsync(KnowledgeBase kb, Dictionary<string, long> chunks, SearchFilter filter) =>
        SourcesOf(chunks, (await kb.Search.GetChunksAsync(chunks.Values.ToList(), filter)).Select(c => c.ChunkId));

    private static string[] SourcesOf(Dictionary<string, long> chunks, IEnumerable<long> ids) =>
        ids.Select(id => chunks.Single(c => c.Value == id).Key).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string, string[]> Filters => FilterSamples.Theory;

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public async Task EachFilter_HoldsForKeywordSearchAndLoading(string filter, string[] expected)
    {
        var (kb, chunks) = await CorpusAsync(await OpenAsync());

        Assert.Equal(expected, await KeywordAsync(kb, chunks, FilterSamples.Named(filter)));
        Assert.Equal(expected, await LoadedAsync(kb, chunks, FilterSamples.Named(filter)));
    }

    [SkippableFact]
    public async Task VectorTags_CarryWhatFiltersRead()
    {
        var (kb, chunks) = await CorpusAsync(await OpenAsync());

        var tags = (await kb.Search.ReadVectorsAsync(Model)).ToDictionary(v => SourcesOf(chunks, [v.ChunkId]).Single());

        Assert.Equal(("lab", DocumentKind.Other, null, false, ChunkLanguage.English),
            (tags["lab.md"].Library, tags["lab.md"].Kind, tags["lab.md"].IdentityKey, tags["lab.md"].Superseded, tags["lab.md"].Language));
        Assert.Equal(("Q/JD 105", true), (tags["std-a.md"].IdentityKey, tags["std-a.md"].Superseded));
        Assert.Equal(("Q/JD 105", false), (tags["std-b.md"].IdentityKey, tags["std-b.md"].Superseded));
        Assert.Equal(ChunkLanguage.Chinese, tags["zh.md"].Language);
        Assert.Equal([1f, 0f, 0f], tags["plant.md"].Vector);
    }

    [SkippableFact]
    public async Task AScopeExcludingALibrary_NeverYieldsItsChunks()
    {
        var (kb, chunks) = await CorpusAsync(await OpenAsync());
        var scope = new AccessScope("ann", ReadableLibraries: ["lab"], WritableLibraries: []);
        var filter = scope.Restrict(SearchFilter.None);

        Assert.Equal(["lab.md"], await KeywordAsync(kb, chunks, filter));
        Assert.Equal(["lab.md"], await LoadedAsync(kb, chunks, filter));
        // Dense search filters the in-memory index by these tags: only the readable library's vectors pass.
        var readable = (await kb.Search.ReadVectorsAsync(Model)).Where(v => scope.MayRead(v.Library)).Select(v => v.ChunkId);
        Assert.Equal(["lab.md"], SourcesOf(chunks, readable));
        // Choosing a library the caller may not read gives nothing, not everything.
        var chosen = scope.Restrict(new SearchFilter(Libraries: ["plant"]));
        Assert.Empty(await KeywordAsync(kb, chunks, chosen));
        Assert.Empty(await LoadedAsync(kb, chunks, chosen));
    }

    [SkippableFact]
    public async Task AScopeReadingNothing_FindsNothing()
    {
        var (kb, chunks) = await CorpusAsync(await OpenAsync());
        var filter = AccessScope.Nobody("mallory").Restrict(SearchFilter.None);

        Assert.Empty(await KeywordAsync(kb, chunks, filter));
        Assert.Empty(await LoadedAsync(kb, chunks, filter));
    }

    [SkippableFact]
    public async Task DeletedChunks_AreNotFoundByAnyPath()
    {
        var (kb, chunks) = await CorpusAsync(await OpenAsync());
        var lab = (await kb.Documents.FindBySourceAsync("lab", "lab.md"))!;

        Assert.True(await kb.Documents.DeleteAsync(lab.Id));

        Assert.DoesNotContain("lab.md", await KeywordAsync(kb, chunks, SearchFilter.None));
        Assert.DoesNotContain("lab.md", await LoadedAsync(kb, chunks, SearchFilter.None));
        Assert.DoesNotContain(chunks["lab.md"], (await kb.Search.ReadVectorsAsync(Model)).Select(v => v.ChunkId));
    }

    [SkippableFact]
    public async Task GetChunks_KeepsTheCallersOrder_AndSkipsUnknownIds()
    {
        var (kb, chunks) = await CorpusAsync(await OpenAsync());
        long[] asked = [chunks["zh.md"], 987654, chunks["plant.md"], chunks["lab.md"]];

        var loaded = await kb.Search.GetChunksAsync(asked, SearchFilter.None);

        Assert.Equal([chunks["zh.md"], chunks["plant.md"], chunks["lab.md"]], loaded.Select(c => c.ChunkId));
        Assert.Equal(("zh.md", "default", "torque 拧紧 扭矩", "ctx", "line 1"), (loaded[0].Source, loaded[0].Library, loaded[0].Text, loaded[0].Context, loaded[0].Locator));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"-\"")]
    [InlineData("\"nothing-like-it\" OR \"x'); DROP TABLE chunks; --\"")]
    public async Task QueriesMatchingNoWord_FindNothing_AndHarmNothing(string match)
    {
        var (kb, _) = await CorpusAsync(await OpenAsync());

        Assert.Empty(await kb.Search.KeywordSearchAsync(match, SearchFilter.None, 10));
        Assert.Equal(5, (await kb.Documents.ListAsync()).Count);
    }

    [SkippableFact]
    public async Task WriteGeneration_GrowsWithEveryWrite()
    {
        var kb = await OpenAsync();
        var before = await kb.Search.WriteGenerationAsync();
        var saved = await kb.Documents.SaveAsync(Doc("a.md"), Chunks("x"));
        var afterSave = await kb.Search.WriteGenerationAsync();
        await kb.Documents.DeleteAsync(saved.Id);

        Assert.True(afterSave > before);
        Assert.True(await kb.Search.WriteGenerationAsync() > afterSave);
    }
}

public sealed class SqliteSearchFilterContract : SearchFilterContract<SqliteEngine>;

public sealed class PostgresSearchFilterContract : SearchFilterContract<PostgresEngine>;
