using System.Security.Cryptography;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>Each document's original bytes: kept with it, replaced with it, gone with it; attached later only when they are its bytes.</summary>
public abstract class DocumentOriginalsContract<TEngine> : StoreContract<TEngine> where TEngine : IStoreEngine
{
    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [SkippableFact]
    public async Task Save_KeepsTheOriginal_ByteForByte()
    {
        var kb = await OpenAsync();
        var content = Bytes("# Lathe\n\nSpindle 950 rpm.");
        var saved = await kb.Documents.SaveAsync(Doc("a.md") with { Content = content }, Chunks("x"));

        Assert.True(saved.HasOriginal);
        Assert.Equal(content, await kb.Documents.OpenOriginalAsync(saved.Id));
    }

    [SkippableFact]
    public async Task Save_WithoutContent_KeepsNone()
    {
        var kb = await OpenAsync();
        var saved = await kb.Documents.SaveAsync(Doc("a.md"), Chunks("x"));
        Assert.False(saved.HasOriginal);
        Assert.Null(await kb.Documents.OpenOriginalAsync(saved.Id));
        Assert.Null(await kb.Documents.OpenOriginalAsync(12345));
    }

    [SkippableFact]
    public async Task Replacing_ReplacesTheOriginal()
    {
        var kb = await OpenAsync();
        var first = await kb.Documents.SaveAsync(Doc("a.md") with { Content = Bytes("old") }, Chunks("x"));
        var second = await kb.Documents.SaveAsync(Doc("a.md", sha: "sha-2") with { Content = Bytes("new") }, Chunks("y"));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(Bytes("new"), await kb.Documents.OpenOriginalAsync(second.Id));
        Assert.Equal(1L, await kb.CountAsync("SELECT count(*) FROM document_files"));
    }

    [SkippableFact]
    public async Task Replacing_WithoutContent_DropsTheOldOriginal()
    {
        var kb = await OpenAsync();
        var first = await kb.Documents.SaveAsync(Doc("a.md") with { Content = Bytes("old") }, Chunks("x"));
        await kb.Documents.SaveAsync(Doc("a.md", sha: "sha-2"), Chunks("y"));
        Assert.Null(await kb.Documents.OpenOriginalAsync(first.Id));
    }

    [SkippableFact]
    public async Task Delete_RemovesTheOriginal()
    {
        var kb = await OpenAsync();
        var saved = await kb.Documents.SaveAsync(Doc("a.md") with { Content = Bytes("text") }, Chunks("x"));
        Assert.True(await kb.Documents.DeleteAsync(saved.Id));

        Assert.Null(await kb.Documents.OpenOriginalAsync(saved.Id));
        Assert.Equal(0L, await kb.CountAsync("SELECT count(*) FROM document_files"));
    }

    [SkippableFact]
    public async Task KeepOriginalsOff_StoresNone()
    {
        var kb = await OpenAsync();
        var store = Keep(kb.Another(keepOriginals: false)).Documents;
        var content = Bytes("text");
        var saved = await store.SaveAsync(Doc("a.md", sha: Sha(content)) with { Content = content }, Chunks("x"));

        Assert.False(saved.HasOriginal);
        Assert.Null(await store.OpenOriginalAsync(saved.Id));
        Assert.False(await store.AttachOriginalAsync(saved.Id, content));
    }

    [SkippableFact]
    public async Task Attach_StoresTheOriginal_OnlyWhenItsHashIsTheDocuments()
    {
        var kb = await OpenAsync();
        var content = Bytes("text");
        var saved = await kb.Documents.SaveAsync(Doc("a.md", sha: Sha(content)), Chunks("x"));

        Assert.False(await kb.Documents.AttachOriginalAsync(saved.Id, Bytes("other")));
        Assert.False(await kb.Documents.AttachOriginalAsync(999, content));
        Assert.True(await kb.Documents.AttachOriginalAsync(saved.Id, content));
        Assert.Equal(content, await kb.Documents.OpenOriginalAsync(saved.Id));
        Assert.True((await kb.Documents.GetAsync(saved.Id))!.HasOriginal);
    }
}

public sealed class SqliteDocumentOriginalsContract : DocumentOriginalsContract<SqliteEngine>;

public sealed class PostgresDocumentOriginalsContract : DocumentOriginalsContract<PostgresEngine>;
