using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RagAssistant.Core.Contracts;

namespace RagAssistant.Web.Endpoints;

/// <summary>POST /api/ask body.</summary>
/// <param name="Explain">Add the key <c>explain</c> to the final event: why the answer came out so (<see cref="Core.Answers.AnswerExplain"/>).</param>
public sealed record AskBody(string? Question, string? ConversationId, string? Library, bool Explain = false);

/// <summary>Every API error: what was wrong, naming the field or file.</summary>
public sealed record ApiError(string Error);

/// <summary>A request refused by a limit (429, 503): the error, the setting that set the limit, and the Retry-After it was sent with.</summary>
public sealed record LimitErrorJson(string Error, string Limit, int RetryAfterSeconds);

public sealed record DeltaEvent(string Text);

public sealed record CitationsEvent(IReadOnlyList<CitationJson> Citations);

/// <summary>One uploaded file as the API reports it; <c>state</c> is a job state (queued, …, failed) and <c>job</c> its id.</summary>
/// <param name="OcrPages">While the state is ocr: "done/total" pages read by OCR, e.g. "37/300".</param>
/// <param name="Problem">Why it failed or was skipped, as a code (password_protected, too_large, …); <c>reason</c> has the detail.</param>
public sealed record JobJson(Guid Job, string FileName, string Library, string State, string? Outcome, long? DocumentId, int Chunks, string? Reason,
    string? OcrPages = null, string? Problem = null);

public sealed record UploadJson(IReadOnlyList<JobJson> Files);

public sealed record JobListJson(IReadOnlyList<JobJson> Jobs);

/// <summary>PATCH /api/documents/{id} body: the fields to correct; a field left out (or null) keeps its value, "" clears identity or revision.</summary>
public sealed record DocumentPatchBody(string? Title, string? Identity, string? Revision, string? Kind);

public sealed record DeletedJson(long DocumentId, bool Deleted);

public sealed record HealthJson(string Status, string Version);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AskBody))]
[JsonSerializable(typeof(AskJson))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(LimitErrorJson))]
[JsonSerializable(typeof(DeltaEvent))]
[JsonSerializable(typeof(CitationsEvent))]
[JsonSerializable(typeof(UploadJson))]
[JsonSerializable(typeof(JobListJson))]
[JsonSerializable(typeof(DocumentListJson))]
[JsonSerializable(typeof(DeletedJson))]
[JsonSerializable(typeof(DocumentPatchBody))]
[JsonSerializable(typeof(DocumentJson))]
[JsonSerializable(typeof(HealthJson))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>camelCase, Chinese kept readable (responses are JSON, never HTML).</summary>
    public static ApiJsonContext Relaxed { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
