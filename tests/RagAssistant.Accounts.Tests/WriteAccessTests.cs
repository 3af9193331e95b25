using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>Who may delete: an Editor in the libraries granted for writing; a read grant or the Reader role is not enough.</summary>
public sealed class WriteAccessTests : IAsyncLifetime
{
    private PlantKnowledgeBase _kb = null!;

    public async Task InitializeAsync() => _kb = await CreateAsync();

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Fact]
    public async Task EditorWithWriteGrantOnLineA_DeletingLineAsCard_IsDone()
    {
        var editor = await _kb.AddUserAsync("chen", Roles.Editor, (LineA, GrantAccess.Write));

        Assert.Equal([LineA], editor.WritableLibraries);
        Assert.Equal(WriteOutcome.Done, await _kb.KnowledgeBase.DeleteDocumentAsync(editor, _kb.CardA));
        Assert.Null(await _kb.KnowledgeBase.GetDocumentAsync(AccessScope.LocalOperator, _kb.CardA));
    }

    [Fact]
    public async Task EditorWithWriteGrantOnLineA_DeletingLineBsCard_GetsNotFound()
    {
        var editor = await _kb.AddUserAsync("chen", Roles.Editor, (LineA, GrantAccess.Write));

        Assert.Equal(WriteOutcome.NotFound, await _kb.KnowledgeBase.DeleteDocumentAsync(editor, _kb.CardB));
        Assert.NotNull(await _kb.KnowledgeBase.GetDocumentAsync(AccessScope.LocalOperator, _kb.CardB));
    }

    [Fact]
    public async Task EditorWithOnlyAReadGrant_DeletingLineAsCard_IsForbidden()
    {
        var editor = await _kb.AddUserAsync("zhao", Roles.Editor, (LineA, GrantAccess.Read));

        Assert.Empty(editor.WritableLibraries!);
        Assert.Equal(WriteOutcome.Forbidden, await _kb.KnowledgeBase.DeleteDocumentAsync(editor, _kb.CardA));
        Assert.NotNull(await _kb.KnowledgeBase.GetDocumentAsync(AccessScope.LocalOperator, _kb.CardA));
    }

    [Fact]
    public async Task ReaderWithAWriteGrant_StillCannotWrite()
    {
        var reader = await _kb.AddUserAsync("sun", Roles.Reader, (LineA, GrantAccess.Write));

        Assert.Equal([LineA], reader.ReadableLibraries); // write includes read
        Assert.False(reader.CanUpload);
        Assert.Equal(WriteOutcome.Forbidden, await _kb.KnowledgeBase.DeleteDocumentAsync(reader, _kb.CardA));
    }

    [Fact]
    public async Task EditorWithAWriteGrantThroughTheirRole_DeletesInThatLibrary()
    {
        await _kb.Libraries.GrantAsync(LineB, GrantSubject.Role, Roles.Editor, GrantAccess.Write, Actor);
        var editor = await _kb.AddUserAsync("chen", Roles.Editor);

        Assert.Equal(WriteOutcome.Done, await _kb.KnowledgeBase.DeleteDocumentAsync(editor, _kb.CardB));
    }

    [Fact]
    public async Task Admin_DeletesInEveryLibrary()
    {
        var admin = await _kb.AddUserAsync("boss", Roles.Admin);

        Assert.Equal(WriteOutcome.Done, await _kb.KnowledgeBase.DeleteDocumentAsync(admin, _kb.CardB));
        Assert.Equal(WriteOutcome.NotFound, await _kb.KnowledgeBase.DeleteDocumentAsync(admin, _kb.CardB));
    }
}
