using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RagAssistant.Core.Contracts;

namespace RagAssistant.Cli.Output;

/// <summary>JSON shapes of ARCHITECTURE.md's contracts, with camelCase names.</summary>
internal sealed record IngestJson(int Ingested, int Unchanged, int Replaced, int Skipped, int Failed, IReadOnlyList<IngestFileJson> Files);

internal sealed record IngestFileJson(string Path, string Status, long? DocumentId, int Chunks, IReadOnlyList<string> Warnings, string? Error);


internal sealed record DocumentDetailJson(DocumentDetail Document, IReadOnlyList<ChunkJson> Chunks)
{
    /// <summary>Per-page status of paged documents (text, needs_ocr, ocr_done, empty, failed).</summary>
    public IReadOnlyList<PageJson> PageDetails { get; init; } = [];
}

/// <param name="Rotation">Degrees clockwise the page as shown must be turned for its text to read upright (0, 90, 180, 270).</param>
internal sealed record PageJson(int Page, string Status, int Characters, string? Error, int Rotation);

internal sealed record DocumentDetail(
    long Id, string Library, string Source, string FileName, string Title, string Kind, string? Identity, string? Revision,
    string? EffectiveDate, bool Superseded, string Status, string ContentType, string Sha256, long Size, int? Pages,
    int Chunks, IReadOnlyList<string> Warnings, string CreatedAt, string UpdatedAt);

internal sealed record ChunkJson(long Id, int Ordinal, string Context, string Locator, int? Page, int TokenCount, string Text, string? Model);

internal sealed record DeleteJson(long Id, bool Deleted);

internal sealed record SearchJson(IReadOnlyList<SearchResultJson> Results)
{
    /// <summary>Each result's score as the lists and ranking rules built it: present only with <c>--explain</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RagAssistant.Core.Answers.ChunkExplain>? Explain { get; init; }
}

/// <param name="DenseScore">The dense retriever's own score (cosine) where the chunk was in a dense list, as the retrieval page shows it.</param>
/// <param name="KeywordScore">The keyword retriever's own score (BM25) where the chunk was in the keyword list.</param>
internal sealed record SearchResultJson(
    int Rank, long ChunkId, string Source, int? Page, string Locator, string Text, double Score,
    int? DenseRank, int? KeywordRank, bool Superseded, double? DenseScore, double? KeywordScore);

internal sealed record SearchBenchJson(IReadOnlyList<RagAssistant.Retrieval.Benchmarks.SearchBenchRow> Results);

internal sealed record IndexBenchJson(IReadOnlyList<RagAssistant.Retrieval.Benchmarks.IndexUpdateBenchResult> Results);

internal sealed record TablesJson(IReadOnlyList<RagAssistant.Ingestion.Tables.FoundTable> Tables);

internal sealed record TableBenchJson(IReadOnlyList<RagAssistant.Ingestion.Tables.TableSetScore> Sets);

internal sealed record BenchJson(IReadOnlyList<RagAssistant.Ingestion.Benchmarks.PdfBenchResult> Results);

internal sealed record ReembedJson(string Model, int Dimension, int Reembedded, int Total);

internal sealed record BenchEmbedJson(IReadOnlyList<BenchEmbedRow> Results);

/// <summary>One row of <c>rag bench embed</c> (ARCHITECTURE.md); the graph-alone keys only on CUDA.</summary>
internal sealed record BenchEmbedRow(
    string Input, string Device, string Model, int SeqLen, int Batch, double ChunksPerSec, double TokensPerSec,
    double? PeerChunksPerSec, double? Ratio)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? GraphChunksPerSec { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RatioToGraph { get; init; }
}

/// <summary>
/// <c>rag bench ocr --json</c>: the rows (cer, speed, answers); the PDFs read; the sideways text-layer characters left
/// out of the reference; the worst line groups and most frequent character edits per resolution; the answers half's
/// ingestion figures and the questions whose hit one side has and the other lacks (null with <c>--ocr-only</c>).
/// </summary>
internal sealed record BenchOcrJson(
    IReadOnlyList<RagAssistant.Ingestion.Benchmarks.OcrBenchRow> Results, int Pdfs, int SidewaysChars,
    IReadOnlyList<RagAssistant.Ingestion.Benchmarks.OcrLineError> Worst, IReadOnlyList<RagAssistant.Ingestion.Benchmarks.OcrConfusion> Edits,
    BenchOcrAnswersJson? Answers);

internal sealed record BenchOcrAnswersJson(
    int Questions, Bench.OcrIngestFigures Original, Bench.OcrIngestFigures ImageOnly, IReadOnlyList<string> LostHits,
    IReadOnlyList<string> GainedHits, IReadOnlyList<string> Warnings);

/// <summary><c>rag bench load --json</c>: one row for the questions, and the upload's ingestion when there was one.</summary>
internal sealed record BenchLoadJson(IReadOnlyList<LoadAskRow> Results, LoadIngestRow? Ingestion);

/// <summary>
/// The loaded phase's figures and the idle phase's (<c>idle…</c>), measured in the same run. <c>ratio</c> = answers/s
/// ÷ idle answers/s; <c>p50VsIdle</c>… = latency ÷ idle latency. <c>errors</c> counts questions by HTTP status
/// (<c>429</c>, <c>503</c>, …), <c>error-event</c>, <c>no-answer</c> and <c>network</c>.
/// </summary>
internal sealed record LoadAskRow(
    string Case, string Url, int Users, string? WhileUpload, double Seconds, int Answers, double AnswersPerSec,
    double? P50Ms, double? P95Ms, double? P99Ms, IReadOnlyDictionary<string, int> Errors,
    int IdleUsers, double IdleSeconds, int IdleAnswers, double IdleAnswersPerSec,
    double? IdleP50Ms, double? IdleP95Ms, double? IdleP99Ms, IReadOnlyDictionary<string, int> IdleErrors,
    double? Ratio, double? P50VsIdle, double? P95VsIdle, double? P99VsIdle);

/// <summary>The upload's ingestion: <c>seconds</c> while the users asked, <c>idleSeconds</c> alone; <c>ratio</c> = idle ÷ loaded time (throughput), <c>secondsVsIdle</c> its inverse.</summary>
internal sealed record LoadIngestRow(string File, string Library, int Chunks, double Seconds, double IdleSeconds, double? Ratio, double? SecondsVsIdle);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IngestJson))]
[JsonSerializable(typeof(DocumentListJson))]
[JsonSerializable(typeof(DocumentDetailJson))]
[JsonSerializable(typeof(DeleteJson))]
[JsonSerializable(typeof(SearchJson))]
[JsonSerializable(typeof(AskJson))]
[JsonSerializable(typeof(ReembedJson))]
[JsonSerializable(typeof(BenchEmbedJson))]
[JsonSerializable(typeof(BenchJson))]
[JsonSerializable(typeof(TablesJson))]
[JsonSerializable(typeof(TableBenchJson))]
[JsonSerializable(typeof(SearchBenchJson))]
[JsonSerializable(typeof(BenchLoadJson))]
[JsonSerializable(typeof(BenchOcrJson))]
[JsonSerializable(typeof(IndexBenchJson))]
[JsonSerializable(typeof(UserListJson))]
[JsonSerializable(typeof(UserPasswordJson))]
[JsonSerializable(typeof(PasswordResetJson))]
[JsonSerializable(typeof(ApiKeyCreatedJson))]
[JsonSerializable(typeof(ApiKeyListJson))]
[JsonSerializable(typeof(LibraryListJson))]
[JsonSerializable(typeof(AuditListJson))]
[JsonSerializable(typeof(BackupJson))]
[JsonSerializable(typeof(RestoreJson))]
[JsonSerializable(typeof(CheckJson))]
[JsonSerializable(typeof(MigrateJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

internal static class JsonOutput
{
    // Chinese text stays readable instead of \uXXXX escapes; stdout is a UTF-8 document, not HTML.
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write<T>(T value)
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Context.GetTypeInfo(typeof(T))!;
        Console.Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }

    public static void WriteTo<T>(Stream stream, T value)
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Context.GetTypeInfo(typeof(T))!;
        JsonSerializer.Serialize(stream, value, typeInfo);
    }
}
