using System.Text.Json;
using RagAssistant.Core.Search;
using RagAssistant.Testing;
using Xunit.Abstractions;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// `rag eval`'s questions asked of the sample corpus on both stores: the hybrid retriever returns the same passages in
/// the same order with the same scores, so the evaluation's figures are the same on SQLite and PostgreSQL (issue #27
/// allows ±0.02). Dense vectors come from the hash embedder on both; what could differ is the store: keyword ranking,
/// filters, the vectors read back, chunk loading.
/// </summary>
public sealed class StoreParityTests(CorpusSearchFixture sqlite, PostgresCorpusSearchFixture postgres, ITestOutputHelper output)
    : IClassFixture<CorpusSearchFixture>, IClassFixture<PostgresCorpusSearchFixture>
{
    [SkippableTheory]
    [InlineData(RetrieverMode.Hybrid)]
    [InlineData(RetrieverMode.Keyword)]
    public async Task EvalQuestions_RetrieveTheSamePassages_OnBothStores(RetrieverMode mode)
    {
        SharedPostgres.SkipUnlessAvailable();
        var questions = File.ReadLines(Path.Combine(RepositoryPaths.Root, "corpus", "eval", "questions.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!)
            .ToList();
        var largest = 0.0;
        foreach (var question in questions)
        {
            var expected = (await sqlite.Retriever.SearchAsync(question, new SearchOptions(10, mode))).Results;
            var actual = (await postgres.Retriever.SearchAsync(question, new SearchOptions(10, mode))).Results;

            Assert.Equal(expected.Select(r => (r.Chunk.Source, r.Chunk.Locator, r.Chunk.Text)), actual.Select(r => (r.Chunk.Source, r.Chunk.Locator, r.Chunk.Text)));
            for (var i = 0; i < expected.Count; i++)
            {
                var difference = Math.Abs(expected[i].Score - actual[i].Score) / Math.Max(Math.Abs(expected[i].Score), 1e-12);
                largest = Math.Max(largest, difference);
                Assert.True(difference < 1e-9, $"{question}: rank {i + 1} scores {expected[i].Score:R} on SQLite, {actual[i].Score:R} on PostgreSQL");
            }
        }
        output.WriteLine($"{questions.Count} questions, {mode}: largest relative score difference {largest:E2}");
    }
}
