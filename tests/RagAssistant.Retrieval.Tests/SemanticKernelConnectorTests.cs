// VectorStoreTextSearch is SK's own VectorData text search, marked experimental (SKEXP0001) in 1.82.
#pragma warning disable SKEXP0001
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Data;
using RagAssistant.Retrieval.VectorData;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// Semantic Kernel code using the knowledge base like any VectorData connector: the kernel resolves the
/// <see cref="VectorStore"/> from its services, SK's own <see cref="VectorStoreTextSearch{TRecord}"/> wraps the chunks
/// collection (mappers instead of attributes on <see cref="ChunkRecord"/>), and its search functions run through the kernel.
/// </summary>
public class SemanticKernelConnectorTests(CorpusSearchFixture corpus) : IClassFixture<CorpusSearchFixture>
{
    private Kernel NewKernel() => new(corpus.Services);

    private static VectorStoreTextSearch<ChunkRecord> TextSearch(Kernel kernel)
    {
        var chunks = kernel.Services.GetRequiredService<VectorStore>().GetCollection<long, ChunkRecord>(ChunkRecord.CollectionName);
        return new VectorStoreTextSearch<ChunkRecord>(
            chunks,
            new TextSearchStringMapper(r => ((ChunkRecord)r).Text),
            new TextSearchResultMapper(r => r is ChunkRecord c ? new TextSearchResult(c.Text) { Name = c.Title, Link = c.Source } : throw new ArgumentException("not a chunk", nameof(r))));
    }

    [Fact]
    public async Task KernelSearchFunction_FindsTheTorqueOfAnM8Bolt()
    {
        var kernel = NewKernel();
        kernel.Plugins.Add(TextSearch(kernel).CreateWithSearch("SearchPlugin"));

        var result = await kernel.InvokeAsync("SearchPlugin", "Search", new KernelArguments { ["query"] = "M8 螺栓拧紧扭矩", ["count"] = 5 });

        var texts = Assert.IsAssignableFrom<IEnumerable<string>>(result.GetValue<object>()).ToList();
        Assert.NotEmpty(texts);
        Assert.Contains(texts, t => t.Contains("M8") && t.Contains("25±2"));
    }

    [Fact]
    public async Task KernelGetTextSearchResults_MapsTitleAndSource()
    {
        var kernel = NewKernel();
        kernel.Plugins.Add(TextSearch(kernel).CreateWithGetTextSearchResults("SearchPlugin"));

        var result = await kernel.InvokeAsync("SearchPlugin", "GetTextSearchResults", new KernelArguments { ["query"] = "M8 螺栓拧紧扭矩", ["count"] = 5 });

        var results = Assert.IsAssignableFrom<IEnumerable<TextSearchResult>>(result.GetValue<object>()).ToList();
        Assert.Contains(results, r => r.Value.Contains("25±2"));
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.Link)));
    }

    [Fact]
    public async Task KernelFunction_WithALinqFilter_KeepsOnlyThatKind()
    {
        var kernel = NewKernel();
        ITextSearch<ChunkRecord> textSearch = TextSearch(kernel);
        kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions("SearchPlugin",
        [
            KernelFunctionFactory.CreateFromMethod(
                async ([Description("what to search for")] string query, [Description("document kind")] string kind) =>
                {
                    var results = await textSearch.GetSearchResultsAsync(query, new TextSearchOptions<ChunkRecord> { Top = 10, Filter = r => r.Kind == kind && !r.Superseded });
                    return await results.Results.ToListAsync();
                },
                "SearchByKind"),
        ]));

        var result = await kernel.InvokeAsync("SearchPlugin", "SearchByKind", new KernelArguments { ["query"] = "surface hardness", ["kind"] = "standard" });

        var records = result.GetValue<List<ChunkRecord>>()!;
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("standard", r.Kind));
        Assert.All(records, r => Assert.False(r.Superseded));
    }

    [Fact]
    public async Task KernelSearch_WithTheLegacyEqualityFilter_KeepsOnlyThatKind()
    {
        var kernel = NewKernel();
#pragma warning disable CS0618 // TextSearchFilter / TextSearchOptions: SK's older filter form, converted by SK into a LINQ filter
        var filtered = TextSearch(kernel).CreateGetSearchResults(searchOptions: new TextSearchOptions
        {
            Top = 10,
            Filter = new TextSearchFilter().Equality(nameof(ChunkRecord.Kind), "standard"),
        });
#pragma warning restore CS0618
        kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions("SearchPlugin", [filtered]));

        var result = await kernel.InvokeAsync("SearchPlugin", filtered.Name, new KernelArguments { ["query"] = "surface hardness" });

        var records = Assert.IsAssignableFrom<IEnumerable<object>>(result.GetValue<object>()).Cast<ChunkRecord>().ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("standard", r.Kind));
    }
}
