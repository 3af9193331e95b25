namespace RagAssistant.Embeddings.Tests;

/// <summary>
/// Questions first, on the real model: a question embedded while a long document is being embedded in the background
/// takes the session after at most the batch that is running, not after the document.
/// </summary>
[Collection(RealModelCollection.Name)]
public sealed class QuestionsFirstTests(RealModelFixture model)
{
    [Fact]
    public async Task QuestionDuringADocument_WaitsForAtMostTheRunningBatch()
    {
        var engine = model.Provider.Engine;
        var chunks = Enumerable.Range(0, 12 * engine.BatchSize)
            .Select(i => $"Clause {i}: the spindle bearing is greased every {i % 50 + 1} hours with lithium grease; check the level gauge.")
            .ToList();
        var batchesStarted = 0;
        var firstBatch = new TaskCompletionSource();
        var document = Task.Run(() => engine.EmbedInBackground(chunks, () =>
        {
            Interlocked.Increment(ref batchesStarted);
            firstBatch.TrySetResult();
        }));
        await firstBatch.Task;

        var before = Volatile.Read(ref batchesStarted);
        var question = engine.Embed(["How often is the spindle bearing greased?"]);
        var during = Volatile.Read(ref batchesStarted) - before;

        Assert.Single(question.Vectors);
        Assert.False(document.IsCompleted, "the document finished before the question was answered");
        // The batch running when the question came, and at most one that had already passed its gate check.
        Assert.True(during <= 2, $"{during} document batches started while the question waited");
        Assert.Equal(chunks.Count, (await document).Vectors.Length);
    }
}
