using RagAssistant.Testing;
using RagAssistant.Core.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using RagAssistant.Retrieval.VectorData;

namespace RagAssistant.Retrieval.Tests;

/// <summary>The knowledge base as a VectorData collection: the same collection over either store's chunk search.</summary>
public abstract class ChunkCollectionTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus> where TCorpus : CorpusSearchFixture
{
    private VectorStore Store => corpus.Services.GetRequiredService<VectorStore>();
    private VectorStoreCollection<long, ChunkRecord> Chunks => Store.GetCollection<long, ChunkRecord>(ChunkRecord.CollectionName);

    private static async Task<List<VectorSearchResult<ChunkRecord>>> List(IAsyncEnumerable<VectorSearchResult<ChunkRecord>> results)
    {
        var list = new List<VectorSearchResult<ChunkRecord>>();
        await foreach (var r in results) list.Add(r);
        return list;
    }

    [SkippableFact]
    public async Task Store_HoldsTheChunksCollection_Only()
    {
        Assert.True(await Store.CollectionExistsAsync(ChunkRecord.CollectionName));
        Assert.False(await Store.CollectionExistsAsync("other"));
        Assert.True(await Chunks.CollectionExistsAsync());
        await Chunks.EnsureCollectionExistsAsync();
        Assert.Equal([ChunkRecord.CollectionName], await Store.ListCollectionNamesAsync().ToListAsync());
        Assert.Throws<NotSupportedException>(() => Store.GetCollection<string, ChunkRecord>("chunks"));
        await Assert.ThrowsAsync<NotSupportedException>(() => Store.EnsureCollectionDeletedAsync(ChunkRecord.CollectionName));
    }

    [SkippableFact]
    public void Definition_TakesTheModelsDimension()
    {
        var definition = (VectorStoreCollectionDefinition)Chunks.GetService(typeof(VectorStoreCollectionDefinition))!;
        var vector = Assert.Single(definition.Properties.OfType<VectorStoreVectorProperty>());
        var dimensions = corpus.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()
            .GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions;
        Assert.Equal(dimensions, vector.Dimensions);
        Assert.Contains(definition.Properties.OfType<VectorStoreDataProperty>(), p => p.Name == nameof(ChunkRecord.Text) && p.IsFullTextIndexed);
    }

    [SkippableFact]
    public async Task Get_ReturnsTheRecord_WithItsVectorWhenAsked()
    {
        var found = (await List(Chunks.SearchAsync("spindle warm-up", 1))).Single().Record;
        var record = await Chunks.GetAsync(found.Id, new RecordRetrievalOptions { IncludeVectors = true });
        Assert.NotNull(record);
        Assert.Equal(found.Text, record.Text);
        Assert.False(string.IsNullOrEmpty(record.Locator));
        Assert.Equal(64, record.Embedding?.Length);
        Assert.Null((await Chunks.GetAsync(found.Id))!.Embedding);
        Assert.Null(await Chunks.GetAsync(-1));
    }

    [SkippableFact]
    public async Task Search_ByTextOrVector_ReturnsTopOrderedByScore()
    {
        var byText = await List(Chunks.SearchAsync("spindle warm-up", 5));
        Assert.Equal(5, byText.Count);
        Assert.Equal(byText.Select(r => r.Score).OrderDescending(), byText.Select(r => r.Score));

        var vector = await corpus.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateVectorAsync("spindle warm-up");
        var byVector = await List(Chunks.SearchAsync(vector, 5));
        Assert.Equal(byText.Select(r => r.Record.Id), byVector.Select(r => r.Record.Id));

        var skipped = await List(Chunks.SearchAsync(vector, 3, new VectorSearchOptions<ChunkRecord> { Skip = 2 }));
        Assert.Equal(byText.Skip(2).Select(r => r.Record.Id), skipped.Select(r => r.Record.Id));
    }

    [SkippableFact]
    public async Task Search_Filter_KeepsOnlyMatchingRecords()
    {
        var kind = "standard";
        var standards = await List(Chunks.SearchAsync("surface hardness", 10, new VectorSearchOptions<ChunkRecord> { Filter = r => r.Kind == kind && !r.Superseded }));
        Assert.NotEmpty(standards);
        Assert.All(standards, r => Assert.Equal("standard", r.Record.Kind));
        Assert.All(standards, r => Assert.False(r.Record.Superseded));
    }

    [SkippableFact]
    public async Task Search_UnsupportedFilter_Throws()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            List(Chunks.SearchAsync("spindle", 5, new VectorSearchOptions<ChunkRecord> { Filter = r => r.Text.Contains("spindle") })));
    }

    [SkippableTheory]
    [InlineData("4.2.3", "Q/JD 105 4.2.3条")]
    [InlineData("M10×1.5", "M10×1.5 螺栓拧紧扭矩")]
    public async Task HybridSearch_FindsIdentifiers(string keyword, string question)
    {
        var hybrid = (IKeywordHybridSearchable<ChunkRecord>)Chunks;
        var results = await List(hybrid.HybridSearchAsync(question, [keyword], 3));
        Assert.Contains(results, r => keyword == "4.2.3" ? r.Record.Locator == "4.2.3" : r.Record.Text.Contains("48±3"));
    }

    [SkippableFact]
    public async Task HybridSearch_RanksTheCurrentRevisionAboveTheSupersededOne()
    {
        // RevA and RevB of the process card both state this step; RevB is the current revision.
        const string question = "JD-2105-0318 精车Φ35k6 轴颈 刀片寿命";
        var hybrid = (IKeywordHybridSearchable<ChunkRecord>)Chunks;
        var results = await List(hybrid.HybridSearchAsync(question, [question], 20));
        var seen = string.Join("; ", results.Select(r => $"{r.Record.Source}|{r.Record.Identity}|{r.Record.Revision}|{r.Record.Superseded}|{r.Score:F5}"));

        bool Card(ChunkRecord r) => r.Source.Contains("JD-2105-0318_输出轴_工艺过程卡", StringComparison.Ordinal);
        var old = results.FindIndex(r => Card(r.Record) && r.Record.Source.Contains("RevA", StringComparison.Ordinal));
        Assert.True(old >= 0, "the superseded RevA process card is still searchable: " + seen);
        Assert.True(results[old].Record.Superseded, seen);
        var current = results.FindIndex(r => Card(r.Record) && !r.Record.Superseded);
        Assert.True(current >= 0 && current < old, $"current revision at {current}, superseded at {old}: {seen}");
        Assert.True(results[current].Score > results[old].Score);
    }

    [SkippableFact]
    public async Task HybridSearch_FusesAndDemotesExactlyLikeTheHybridRetriever()
    {
        var hybrid = (IKeywordHybridSearchable<ChunkRecord>)Chunks;
        foreach (var question in new[] { "JD-2105-0318 输出轴 第60工序 精车 主轴转速", "JD-2105-0318 A版和B版有什么变化" })
        {
            var (_, expected) = await corpus.Retriever.SearchAsync(question, new SearchOptions(Top: 10, Mmr: false));
            var actual = await List(hybrid.HybridSearchAsync(question, [question], 10));
            Assert.Equal(expected.Select(r => (r.Chunk.ChunkId, r.Chunk.Superseded)), actual.Select(r => (r.Record.Id, r.Record.Superseded)));
            Assert.Equal(expected.Select(r => r.Score), actual.Select(r => r.Score ?? double.NaN));
        }
    }

    [SkippableFact]
    public async Task Writes_AreNotSupported()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => Chunks.UpsertAsync(new ChunkRecord { Id = 1 }));
        await Assert.ThrowsAsync<NotSupportedException>(() => Chunks.DeleteAsync(1L));
    }
}

public sealed class SqliteChunkCollectionTests(CorpusSearchFixture corpus) : ChunkCollectionTests<CorpusSearchFixture>(corpus);

public sealed class PostgresChunkCollectionTests : ChunkCollectionTests<PostgresCorpusSearchFixture>
{
    public PostgresChunkCollectionTests(PostgresCorpusSearchFixture corpus) : base(corpus) => SharedPostgres.SkipUnlessAvailable();
}

public class ChunkFilterTranslatorTests
{
    [Fact]
    public void Translate_CombinesTheSupportedForms()
    {
        string[] libraries = ["a", "b"];
        var filter = ChunkFilterTranslator.Translate(r => libraries.Contains(r.Library) && r.Library == "b" && r.Identity == "Q/JD 105" && r.Superseded == false);
        Assert.Equal(["b"], filter.Libraries);
        Assert.Equal("Q/JD 105", filter.Identity);
        Assert.True(filter.CurrentOnly);
        Assert.Null(filter.Kinds);
    }

    [Fact]
    public void Translate_RejectsOrAndOtherProperties()
    {
        Assert.Throws<NotSupportedException>(() => ChunkFilterTranslator.Translate(r => r.Kind == "standard" || r.Kind == "manual"));
        Assert.Throws<NotSupportedException>(() => ChunkFilterTranslator.Translate(r => r.Page == 3));
        Assert.Throws<NotSupportedException>(() => ChunkFilterTranslator.Translate(r => r.Kind == r.Library));
    }
}
