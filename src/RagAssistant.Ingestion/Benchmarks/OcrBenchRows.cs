using System.Text.Json.Serialization;

namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>One row of <c>rag bench ocr</c>: <c>case</c> says what was measured ("cer", "speed" or "answers").</summary>
[JsonDerivedType(typeof(OcrCerRow))]
[JsonDerivedType(typeof(OcrSpeedRow))]
[JsonDerivedType(typeof(OcrAnswersRow))]
// Order -1: "case" leads each row (derived records would otherwise write it last).
public abstract record OcrBenchRow([property: JsonPropertyOrder(-1)] string Case);

/// <summary>
/// Character error rate of OCR against the PDFs' text layer (the baseline: what the page says) at one resolution, for
/// the reference lines of one language (zh: the line has a CJK character; en: it has none). <c>cer</c> = edits ÷
/// reference characters (<see cref="CharacterErrorRate"/>), the characters of reference lines no OCR line covered
/// (<c>unmatchedLines</c>, <c>unmatchedChars</c>) counted as deleted. <c>cerInVocabulary</c> is the same with the
/// reference characters the recogniser's character list cannot produce left out of the reference
/// (<c>outOfVocabularyChars</c> of them); <c>cerWithoutLeaders</c> the same with leader dots removed from both sides
/// (<c>leaderChars</c> of the reference; <see cref="OcrAccuracyBenchmark.WithoutLeaders"/>). <c>extraOcrChars</c>:
/// characters OCR read where the text layer has no line (not in the CER).
/// </summary>
public sealed record OcrCerRow(
    double Dpi, string Lang, int Pages, int ReferenceLines, int ReferenceChars, int Edits, double? Cer,
    int UnmatchedLines, int UnmatchedChars, int OutOfVocabularyChars, double? CerInVocabulary, int ExtraOcrLines, int ExtraOcrChars)
    : OcrBenchRow("cer")
{
    public int LeaderChars { get; init; }

    public double? CerWithoutLeaders { get; init; }
}

/// <summary>
/// Render + OCR speed at one resolution on the dense pages (at least <c>denseChars</c> text-layer characters): pages
/// ÷ seconds, after a warm-up read that is not timed; <c>renderSeconds</c> of <c>seconds</c> went to PDFium. The
/// <c>all…</c> figures cover every page read. <c>threads</c>: ONNX Runtime's intra-op threads (all cores when 0 was asked).
/// </summary>
public sealed record OcrSpeedRow(
    double Dpi, int DenseChars, int Pages, double Seconds, double RenderSeconds, double? PagesPerSec,
    int AllPages, double AllSeconds, double? AllPagesPerSec, int Threads, int Cores)
    : OcrBenchRow("speed")
{
    /// <summary>The same dense pages read as ingestion reads them: <see cref="Workers"/> engines at once (Rag:Ocr:Parallelism), one rendered page each.</summary>
    public int? Workers { get; init; }

    /// <summary>Dense pages per second with <see cref="Workers"/> engines (wall clock, after each engine's warm-up read).</summary>
    public double? WorkersPagesPerSec { get; init; }
}

/// <summary>
/// Retrieval and extractive answers on the image-only copies read by OCR against the originals with their text layer
/// (the baseline), measured in the same run on the same questions (those whose gold passages are in the PDFs), for all
/// questions (<c>split</c> "all") and each split. Metric keys are EVAL.md's; <c>ratio…</c> = copy ÷ original.
/// </summary>
public sealed record OcrAnswersRow(
    string Split, int Questions, int Answerable,
    [property: JsonPropertyName("hit@5")] double? Hit5,
    [property: JsonPropertyName("answer_contains")] double? AnswerContains,
    [property: JsonPropertyName("baselineHit@5")] double? BaselineHit5,
    [property: JsonPropertyName("baselineAnswer_contains")] double? BaselineAnswerContains,
    [property: JsonPropertyName("ratioHit@5")] double? RatioHit5,
    [property: JsonPropertyName("ratioAnswer_contains")] double? RatioAnswerContains)
    : OcrBenchRow("answers");

/// <summary>A matched group of lines with its edits (the worst lines of a run, for reading what goes wrong).</summary>
public sealed record OcrLineError(double Dpi, string Lang, string Document, int Page, string Reference, string Ocr, int Edits, double Cer);

/// <summary>How often one character edit (reference → recognised, ∅ for none) occurred at one resolution in one language.</summary>
public sealed record OcrConfusion(double Dpi, string Lang, string Edit, int Count);
