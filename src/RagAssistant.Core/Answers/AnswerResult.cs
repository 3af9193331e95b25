using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Answers;

/// <summary>The answer modes of the ask contract.</summary>
public static class AnswerMode
{
    public const string Llm = "llm";
    public const string Extractive = "extractive";
    public const string Abstain = "abstain";
}

/// <summary>An answer as the ask contract shows it: checked text, mode, conversation, the sources it cites, checks and timings.</summary>
public sealed record AnswerResult
{
    public required string Answer { get; init; }
    public required string Mode { get; init; }
    public required string ConversationId { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public AnswerChecks Checks { get; init; } = new(0, []);
    public AnswerTimings Timings { get; init; } = new(0, 0);

    /// <summary>Why the answer came out so, when the request asked for it (<see cref="AskRequest.Explain"/>); never stored with the conversation.</summary>
    public AnswerExplain? Explain { get; init; }

    /// <summary>The cited chunks, in citation order.</summary>
    public IReadOnlyList<long> CitedChunkIds => Citations.Select(c => c.ChunkId).ToList();
}

/// <summary>
/// One cited source: where it is (document, page, locator, boxes for highlighting) and the exact text that supports
/// the answer (a sentence, a table row or the chunk).
/// </summary>
public sealed record Citation
{
    public required int N { get; init; }
    public required long ChunkId { get; init; }
    public required long DocumentId { get; init; }
    public required string Source { get; init; }
    public required string Title { get; init; }

    /// <summary>
    /// The library of the cited document, kept with the stored conversation so access control can hide sources a user
    /// may no longer read; null when unknown.
    /// </summary>
    public string? Library { get; init; }

    public string? Identity { get; init; }
    public string? Revision { get; init; }
    public bool Superseded { get; init; }
    public int? Page { get; init; }
    public required string Locator { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<PageBox> Boxes { get; init; } = [];
    public double Score { get; init; }

    /// <summary>The cited text was read by OCR from a scan: the lowest confidence of its lines; null for a text layer.</summary>
    public double? OcrConfidence => Boxes.Min(b => b.Ocr);

    /// <summary>Some of the cited text was read by OCR with a confidence under the threshold (<see cref="PageBox.Uncertain"/>).</summary>
    public bool OcrUncertain => Boxes.Any(b => b.Uncertain);
}

/// <summary>What the citation check found: citations to sources that were not provided, and numbers no cited source contains.</summary>
public sealed record AnswerChecks(int RemovedCitations, IReadOnlyList<string> UnsupportedNumbers);

/// <summary>Milliseconds spent retrieving and generating.</summary>
public sealed record AnswerTimings(double RetrieveMs, double GenerateMs);
