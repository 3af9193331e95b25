using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Extractive;
using RagAssistant.Retrieval;

namespace RagAssistant.Generation.Tests.Answering;

/// <summary>The real query analyzer (jieba with the manufacturing dictionary and glossary) and hand-made chunks.</summary>
internal static class TestSources
{
    public static IQueryAnalyzer Analyzer { get; } = new ServiceCollection()
        .AddLogging()
        .AddRagRetrieval(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<IQueryAnalyzer>();

    public static QuestionTerms Terms(string question) => QuestionTerms.From(Analyzer.Analyze(question), null, Analyzer);

    /// <summary>The answer options when <c>Rag:Answers</c> sets nothing (a new instance each time).</summary>
    public static AnswerOptions Answers => new();

    /// <summary>The sentences and rows of a text, cut as the answerer cuts them by default.</summary>
    public static IReadOnlyList<AnswerUnit> Units(string text) => UnitSplitter.Split(text, Answers.MaxSentenceChars);

    public static RetrievedChunk Chunk(long id, string title, string text, string locator = "", string context = "",
        string? identity = null, string? revision = null, bool superseded = false) => new()
    {
        ChunkId = id,
        DocumentId = id,
        Library = "default",
        Source = $"/docs/doc-{id}.pdf",
        Title = title,
        Kind = "pdf",
        Locator = locator,
        Context = context,
        Text = text,
        Identity = identity,
        Revision = revision,
        Superseded = superseded,
    };
}
