using RagAssistant.Core.Access;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Search;

namespace RagAssistant.Accounts.Tests;

/// <summary>A Reader of library A reads nothing of library B — by search, by asking, in the viewer, as a download, or by guessing ids.</summary>
public sealed class ProtectedKnowledgeBaseTests : IAsyncLifetime
{
    private PlantKnowledgeBase _kb = null!;
    private AccessScope _readerOfA = null!;

    public async Task InitializeAsync()
    {
        _kb = await PlantKnowledgeBase.CreateAsync();
        await _kb.Users.AddAsync("wang", Roles.Reader, "correct-horse-battery", actor: "test");
        await _kb.Libraries.GrantAsync(PlantKnowledgeBase.LineA, GrantSubject.User, "wang", GrantAccess.Read, actor: "test");
        _readerOfA = await _kb.Access.ForUserNameAsync("wang");
    }

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Fact]
    public void ReaderOfA_HasAScopeOfLibraryAOnly()
    {
        Assert.Equal([PlantKnowledgeBase.LineA], _readerOfA.ReadableLibraries);
        Assert.Empty(_readerOfA.WritableLibraries!);
        Assert.False(_readerOfA.CanUpload);
    }

    [Fact]
    public async Task Search_ForLibraryBsCard_ReturnsNoChunkOfLibraryB()
    {
        var (_, results) = await _kb.KnowledgeBase.SearchAsync(_readerOfA, "KX-7730-0042 铰孔 转速", new SearchOptions(Top: 20));
        Assert.DoesNotContain(results, r => r.Chunk.DocumentId == _kb.CardB);
        var (_, admin) = await _kb.KnowledgeBase.SearchAsync(AccessScope.LocalOperator, "KX-7730-0042 铰孔 转速", new SearchOptions(Top: 20));
        Assert.Contains(admin, r => r.Chunk.DocumentId == _kb.CardB);
    }

    [Fact]
    public async Task Viewer_Download_AndDeletion_TreatLibraryBsDocumentAsMissing()
    {
        Assert.Null(await _kb.KnowledgeBase.GetDocumentAsync(_readerOfA, _kb.CardB));
        Assert.Empty(await _kb.KnowledgeBase.GetChunksAsync(_readerOfA, _kb.CardB));
        Assert.Null(await _kb.KnowledgeBase.OpenOriginalAsync(_readerOfA, _kb.CardB));
        Assert.Equal(WriteOutcome.NotFound, await _kb.KnowledgeBase.DeleteDocumentAsync(_readerOfA, _kb.CardB));
        Assert.Equal(WriteOutcome.Forbidden, await _kb.KnowledgeBase.DeleteDocumentAsync(_readerOfA, _kb.CardA));
        Assert.NotNull(await _kb.KnowledgeBase.GetDocumentAsync(_readerOfA, _kb.CardA));
        Assert.NotNull(await _kb.KnowledgeBase.OpenOriginalAsync(_readerOfA, _kb.CardA));
    }

    [Fact]
    public async Task Ask_AboutLibraryBsCard_CitesNothingOfLibraryB()
    {
        var answer = await _kb.KnowledgeBase.AskAsync(_readerOfA, new AskRequest("KX-7730-0042 第40工序铰孔转速是多少？"));
        Assert.DoesNotContain(answer.Citations, c => c.DocumentId == _kb.CardB);
        Assert.DoesNotContain("120", answer.Answer);
    }
}
