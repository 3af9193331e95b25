using RagAssistant.Core.Answers;
using RagAssistant.Core.Documents;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// Long background writes never hold the write lock for long: re-embedding writes batch by batch, so a conversation turn
/// written meanwhile — by a store whose busy timeout is one second, far shorter than the run — is saved.
/// </summary>
public sealed class ShortTransactionsTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task ConversationTurn_WrittenWhileA5000ChunkReembedRuns_IsSaved()
    {
        var chunks = Enumerable.Range(0, 5000)
            .Select(i => new ChunkDraft(i, $"工序 {i}：主轴转速 {900 + i % 100} r/min，进给 0.{i % 9 + 1} mm/r。", "工艺卡片", $"row {i + 1}", null, 20)
            {
                Vector = new ChunkVector(HashEmbeddingGenerator.DefaultModelId, _h.Embedder.Embed($"chunk {i}")),
            }).ToList();
        await _h.Store.SaveAsync(new DocumentInfo
        {
            Library = "default", Source = "card.xlsx", FileName = "card.xlsx", Title = "工艺卡片", Kind = "process_card",
            Sha256 = "sha", Size = 1, ContentType = "xlsx", Status = DocumentStatus.Ready, Revision = new DocumentRevision(null, null),
        }, chunks);

        using var changed = _h.WithEmbedder(new HashEmbeddingGenerator("test:hash-32", 32));
        var conversations = new SqliteConversationStore(new SqliteDatabase(_h.Folder.File("kb.db"), busyTimeoutSeconds: 1), TimeProvider.System);
        var conversation = await conversations.CreateAsync("", "engineer");

        var reembed = Task.Run(() => changed.Reembed.ReembedAsync());
        var written = new List<long>();
        do
        {
            written.Add(await conversations.AddTurnAsync(conversation, "主轴转速？", "主轴转速", new AnswerResult
            {
                Answer = "950 r/min", Mode = AnswerMode.Extractive, ConversationId = conversation,
            }));
        }
        while (!reembed.IsCompleted);

        Assert.Equal(5000, (await reembed).Reembedded);
        Assert.Equal(written.Count, (await conversations.GetAsync(conversation))!.Turns.Count);
    }
}
