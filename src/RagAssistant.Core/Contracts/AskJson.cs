using System.Text.Json.Serialization;
using RagAssistant.Core.Answers;

namespace RagAssistant.Core.Contracts;

/// <summary>
/// The ask contract (ARCHITECTURE.md, <c>rag ask --json</c>), shared by the CLI and the web API's <c>done</c> event so
/// the two can never drift apart. Serialized camelCase.
/// </summary>
public sealed record AskJson(
    string Answer, string Mode, string ConversationId, IReadOnlyList<CitationJson> Citations, ChecksJson Checks, TimingsJson TimingsMs)
{
    /// <summary>Why the answer came out so: present only when asked for (<c>--explain</c>, <c>"explain": true</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AnswerExplain? Explain { get; init; }

    public static AskJson From(AnswerResult r) => new(
        r.Answer, r.Mode, r.ConversationId,
        r.Citations.Select(CitationJson.From).ToList(),
        new ChecksJson(r.Checks.RemovedCitations, r.Checks.UnsupportedNumbers),
        new TimingsJson(r.Timings.RetrieveMs, r.Timings.GenerateMs)) { Explain = r.Explain };
}

public sealed record CitationJson(
    int N, long ChunkId, long DocumentId, string Source, string Title, string? Identity, string? Revision, bool Superseded,
    int? Page, string Locator, string Text, IReadOnlyList<BoxJson> Boxes, double Score)
{
    /// <summary>The cited text was read by OCR from a scan: the lowest confidence of its lines; absent for a text layer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OcrConfidence { get; init; }

    /// <summary>Some of the cited text was read by OCR with a confidence under Rag:Ocr:MinConfidence: check it against the original.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OcrUncertain { get; init; }

    public static CitationJson From(Citation c) => new(c.N, c.ChunkId, c.DocumentId, c.Source, c.Title, c.Identity, c.Revision, c.Superseded,
        c.Page, c.Locator, c.Text, c.Boxes.Select(b => new BoxJson(b.Page, b.Left, b.Bottom, b.Right, b.Top)).ToList(), c.Score)
    {
        OcrConfidence = c.OcrConfidence,
        OcrUncertain = c.OcrUncertain,
    };
}

public sealed record BoxJson(int Page, double Left, double Bottom, double Right, double Top);

public sealed record ChecksJson(int RemovedCitations, IReadOnlyList<string> UnsupportedNumbers);

public sealed record TimingsJson(double Retrieve, double Generate);
