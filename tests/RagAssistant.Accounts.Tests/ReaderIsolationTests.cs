using RagAssistant.Core.Access;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Search;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>
/// A Reader of line-a reads nothing of line-b — by search in every mode, by asking, in the viewer, as a download, by
/// deleting, or by guessing ids — while line-a stays readable to them.
/// </summary>
public sealed class ReaderIsolationTests(SharedPlant plant) : IClassFixture<SharedPlant>
{
    private const string LineBQuestion = "KX-7730-0042 第40工序 铰孔 转速";

    private ProtectedKnowledgeBase Kb => plant.Kb.KnowledgeBase;
    private AccessScope Reader => plant.ReaderOfLineA;

    /// <summary>Line-b's card, the id after it (nothing yet), and ids that never exist.</summary>
    private IEnumerable<long> LineBAndGuessedIds => [plant.Kb.CardB, plant.Kb.CardB + 1, plant.Kb.CardB + 1000, 0, -1, long.MaxValue];

    [Fact]
    public void ReaderOfLineA_HasAScopeOfLineAOnly()
    {
        Assert.Equal([LineA], Reader.ReadableLibraries);
        Assert.Empty(Reader.WritableLibraries!);
        Assert.False(Reader.CanUpload);
        Assert.False(Reader.IsAdministrator);
    }

    [Theory]
    [InlineData(RetrieverMode.Hybrid)]
    [InlineData(RetrieverMode.Dense)]
    [InlineData(RetrieverMode.Keyword)]
    public async Task ReaderOfLineA_SearchingLineBsCard_GetsNoChunkOfLineB(RetrieverMode mode)
    {
        var (_, results) = await Kb.SearchAsync(Reader, LineBQuestion, new SearchOptions(Top: 50, Mode: mode));

        Assert.All(results, r => Assert.Equal(LineA, r.Chunk.Library));
        Assert.DoesNotContain(results, r => r.Chunk.DocumentId == plant.Kb.CardB);
    }

    [Theory]
    [InlineData(RetrieverMode.Hybrid)]
    [InlineData(RetrieverMode.Dense)]
    [InlineData(RetrieverMode.Keyword)]
    public async Task ReaderOfLineA_ChoosingLineBInTheFilter_GetsNothing(RetrieverMode mode)
    {
        var filter = new SearchFilter(Libraries: [LineB]);
        var (_, results) = await Kb.SearchAsync(Reader, LineBQuestion, new SearchOptions(Top: 50, Mode: mode, Filter: filter));

        Assert.Empty(results);
    }

    [Theory]
    [InlineData(RetrieverMode.Hybrid)]
    [InlineData(RetrieverMode.Dense)]
    [InlineData(RetrieverMode.Keyword)]
    public async Task Admin_SearchingTheSameQuestion_FindsLineBsCard(RetrieverMode mode)
    {
        // The control: the question does reach line-b's card for someone who may read it.
        var (_, results) = await Kb.SearchAsync(plant.Admin, LineBQuestion, new SearchOptions(Top: 50, Mode: mode));

        Assert.Contains(results, r => r.Chunk.DocumentId == plant.Kb.CardB);
    }

    [Fact]
    public async Task ReaderOfLineA_SearchingLineAsCard_FindsIt()
    {
        var (_, results) = await Kb.SearchAsync(Reader, "JD-2105-0318 精车外圆 转速", new SearchOptions(Top: 10));

        Assert.Contains(results, r => r.Chunk.DocumentId == plant.Kb.CardA);
    }

    [Fact]
    public async Task ReaderOfLineA_AskingAboutLineBsCard_CitesNothingOfLineB()
    {
        var answer = await Kb.AskAsync(Reader, new AskRequest(LineBQuestion + "是多少？"));

        Assert.All(answer.Citations, c => Assert.Equal(plant.Kb.CardA, c.DocumentId));
        Assert.True(answer.Mode == AnswerMode.Abstain || answer.Citations.Count > 0, $"mode {answer.Mode} without citations");
        Assert.DoesNotContain("KX-7730", answer.Answer);
        Assert.DoesNotContain("Z3050", answer.Answer);
    }

    [Fact]
    public async Task ReaderOfLineA_AskingWithALineBFilter_CitesNothing()
    {
        var answer = await Kb.AskAsync(Reader, new AskRequest(LineBQuestion, Filter: new SearchFilter(Libraries: [LineB])));

        Assert.Empty(answer.Citations);
        Assert.DoesNotContain("Z3050", answer.Answer);
    }

    [Fact]
    public async Task ReaderOfLineA_GuessingLineBsDocumentIds_FindsNoDocument()
    {
        foreach (var id in LineBAndGuessedIds)
        {
            Assert.Null(await Kb.GetDocumentAsync(Reader, id));
            Assert.Empty(await Kb.GetChunksAsync(Reader, id));
            Assert.Empty(await Kb.GetPagesAsync(Reader, id));
        }
    }

    [Fact]
    public async Task ReaderOfLineA_DownloadingLineBsOrGuessedIds_GetsNothing()
    {
        foreach (var id in LineBAndGuessedIds)
            Assert.Null(await Kb.OpenOriginalAsync(Reader, id));
    }

    [Fact]
    public async Task ReaderOfLineA_DeletingLineBsOrGuessedIds_GetsNotFound()
    {
        foreach (var id in LineBAndGuessedIds)
            Assert.Equal(WriteOutcome.NotFound, await Kb.DeleteDocumentAsync(Reader, id));
        Assert.NotNull(await Kb.GetDocumentAsync(plant.Admin, plant.Kb.CardB));
    }

    [Fact]
    public async Task ReaderOfLineA_LineBsDocument_LooksExactlyLikeOneThatDoesNotExist()
    {
        // Same answers for an existing forbidden id and a missing one, so ids cannot be probed.
        var missing = plant.Kb.CardB + 1000;
        Assert.Equal(await Kb.GetDocumentAsync(Reader, missing), await Kb.GetDocumentAsync(Reader, plant.Kb.CardB));
        Assert.Equal(await Kb.OpenOriginalAsync(Reader, missing), await Kb.OpenOriginalAsync(Reader, plant.Kb.CardB));
        Assert.Equal(await Kb.DeleteDocumentAsync(Reader, missing), await Kb.DeleteDocumentAsync(Reader, plant.Kb.CardB));
    }

    [Fact]
    public async Task ReaderOfLineA_ViewsAndDownloadsLineAsCard()
    {
        Assert.NotNull(await Kb.GetDocumentAsync(Reader, plant.Kb.CardA));
        Assert.NotEmpty(await Kb.GetChunksAsync(Reader, plant.Kb.CardA));
        Assert.NotNull(await Kb.OpenOriginalAsync(Reader, plant.Kb.CardA));
    }

    [Fact]
    public async Task ReaderOfLineA_ListingDocuments_SeesOnlyLineA()
    {
        Assert.Equal([plant.Kb.CardA], (await Kb.ListDocumentsAsync(Reader)).Select(d => d.Id));
        Assert.Equal([plant.Kb.CardA], (await Kb.ListDocumentsAsync(Reader, LineA)).Select(d => d.Id));
        Assert.Empty(await Kb.ListDocumentsAsync(Reader, LineB));
    }

    [Fact]
    public async Task Admin_ReadsEveryLibrary()
    {
        Assert.Null(plant.Admin.ReadableLibraries);
        Assert.True(plant.Admin.IsAdministrator);
        Assert.Equal(2, (await Kb.ListDocumentsAsync(plant.Admin)).Count);
        Assert.NotNull(await Kb.OpenOriginalAsync(plant.Admin, plant.Kb.CardB));
        Assert.NotEmpty(await Kb.GetChunksAsync(plant.Admin, plant.Kb.CardB));
    }
}
