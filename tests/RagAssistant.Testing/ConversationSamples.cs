using RagAssistant.Core.Answers;
using RagAssistant.Core.Documents;

namespace RagAssistant.Testing;

/// <summary>Citations and answers for conversation-store tests, and a citation comparison that compares boxes by value.</summary>
public static class ConversationSamples
{
    private static readonly IReadOnlyList<PageBox> NoBoxes = [];

    public static Citation Cite(int n, string text, int? page = null, params PageBox[] boxes) => new()
    {
        N = n,
        ChunkId = 100 + n,
        DocumentId = 10 + n,
        Library = "plant1",
        Source = $"manuals/doc{n}.pdf",
        Title = $"Document {n}",
        Locator = page is null ? "section 2" : $"p. {page}",
        Page = page,
        Text = text,
        Boxes = boxes,
        Score = 0.5 + n / 10.0,
    };

    public static AnswerResult Answer(string text, params Citation[] citations) => new()
    {
        Answer = text,
        Mode = AnswerMode.Llm,
        ConversationId = "ignored",
        Citations = citations,
    };

    /// <summary>Citations are records, but their box lists compare by reference: compare the boxes by value.</summary>
    public static void AssertSameCitation(Citation expected, Citation actual)
    {
        Assert.Equal(expected with { Boxes = NoBoxes }, actual with { Boxes = NoBoxes });
        Assert.Equal(expected.Boxes, actual.Boxes);
    }
}
