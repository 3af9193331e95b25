using RagAssistant.Testing;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Retrieval.VectorData;

namespace RagAssistant.Retrieval.Tests;

public abstract class LanguageFilterTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus> where TCorpus : CorpusSearchFixture
{
    private async Task<IReadOnlyList<SearchResult>> Search(string query, RetrieverMode mode, string? language) =>
        (await corpus.Retriever.SearchAsync(query, new SearchOptions(20, mode, new SearchFilter(Language: language)))).Results;

    [SkippableTheory]
    [InlineData(RetrieverMode.Hybrid)]
    [InlineData(RetrieverMode.Keyword)]
    [InlineData(RetrieverMode.Dense)]
    public async Task English_ReturnsOnlyChunksWithoutCjk(RetrieverMode mode)
    {
        var results = await Search("扭矩 torque spindle", mode, "en");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.False(CjkText.ContainsCjk(r.Chunk.Text), r.Chunk.Text));
    }

    [SkippableTheory]
    [InlineData(RetrieverMode.Hybrid)]
    [InlineData(RetrieverMode.Keyword)]
    [InlineData(RetrieverMode.Dense)]
    public async Task Chinese_ReturnsOnlyChunksWithCjk(RetrieverMode mode)
    {
        var results = await Search("扭矩 torque spindle", mode, "zh");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(CjkText.ContainsCjk(r.Chunk.Text), r.Chunk.Text));
    }

    [SkippableFact]
    public async Task NoLanguage_ReturnsBoth()
    {
        var results = await Search("扭矩 torque", RetrieverMode.Hybrid, null);
        Assert.Contains(results, r => CjkText.ContainsCjk(r.Chunk.Text));
        Assert.Contains(results, r => !CjkText.ContainsCjk(r.Chunk.Text));
    }

    [SkippableFact]
    public void VectorDataFilter_TranslatesLanguage()
    {
        Assert.Equal("zh", ChunkFilterTranslator.Translate(r => r.Language == "zh" && r.Kind == "standard").Language);
        Assert.Equal("\0none", ChunkFilterTranslator.Translate(r => r.Language == "zh" && r.Language == "en").Language);
    }
}

public sealed class SqliteLanguageFilterTests(CorpusSearchFixture corpus) : LanguageFilterTests<CorpusSearchFixture>(corpus);

public sealed class PostgresLanguageFilterTests : LanguageFilterTests<PostgresCorpusSearchFixture>
{
    public PostgresLanguageFilterTests(PostgresCorpusSearchFixture corpus) : base(corpus) => SharedPostgres.SkipUnlessAvailable();
}
