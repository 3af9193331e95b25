using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Contracts;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Llm;
using RagAssistant.Web.Access;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Limits;

namespace RagAssistant.Web.Endpoints;

/// <summary>
/// POST /api/ask for other systems (MES, PLM): body <c>{"question", "conversationId"?, "library"?, "explain"?}</c>, answered as
/// Server-Sent Events — <c>delta</c> events with checked text as it is produced, then <c>citations</c>, then
/// <c>done</c> carrying the <c>rag ask --json</c> object, whose answer is the final text and replaces what the deltas
/// showed (it may differ: an abstention, a note on a superseded source); a failure after the stream began is an
/// <c>error</c> event. A valid question then passes <see cref="AnswerAdmission"/>: refused with 429 (the user's rate or
/// open answers) or 503 (every answer slot and the queue taken), with <c>Retry-After</c>, before the stream begins.
/// </summary>
internal static class AskEndpoint
{
    /// <summary>Longer questions are refused: nobody types 4,000 characters, and retrieval time grows with them.</summary>
    public const int MaxQuestionChars = 4000;

    public static async Task HandleAsync(
        HttpContext context, ProtectedKnowledgeBase knowledgeBase, AnswerAdmission admission, RecentErrors errors, ILogger<AskBody> logger)
    {
        var scope = await context.AccessAsync();
        var (body, problem) = await ReadBodyAsync(context);
        if (problem is null && body!.Library is { Length: > 0 } library && !scope.MayRead(library))
            problem = (StatusCodes.Status403Forbidden, $"no read access to library '{library}'");
        // Someone else's conversation is answered exactly like a missing one.
        if (problem is null && body!.ConversationId is { Length: > 0 } id && await knowledgeBase.GetConversationAsync(scope, id, context.RequestAborted) is null)
            problem = (StatusCodes.Status404NotFound, $"field 'conversationId': no conversation {id}");
        if (problem is { } p)
        {
            await TypedResults.Json(new ApiError(p.Message), ApiJsonContext.Relaxed.ApiError, statusCode: p.Status).ExecuteAsync(context);
            return;
        }
        var question = body!.Question!.Trim();
        var filter = body.Library is { Length: > 0 } chosen ? new SearchFilter(Libraries: [chosen]) : SearchFilter.None;

        Admission admitted;
        try
        {
            admitted = await admission.AdmitAsync(scope.User, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // left the queue: nobody to answer
        }
        // Held until the answer is written or the caller goes away (RequestAborted cancels the answer, and this returns).
        using var held = admitted;
        if (admitted.Refusal is { } refusal)
        {
            await LimitResponses.WriteAsync(context, refusal);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // a reverse proxy must not hold the stream back
        await response.StartAsync(context.RequestAborted);
        // The headers go out now, not with the first event: the caller learns at once that the question was admitted
        // (a refusal is a 429/503 instead), however long retrieval and the model take.
        await response.Body.FlushAsync(context.RequestAborted);
        try
        {
            var result = await knowledgeBase.AskAsync(scope, new AskRequest(question, body.ConversationId is { Length: > 0 } c ? c : null, filter, Explain: body.Explain),
                delta => new ValueTask(WriteEventAsync(response, "delta", new DeltaEvent(delta), ApiJsonContext.Relaxed.DeltaEvent, context.RequestAborted)),
                context.RequestAborted);
            var contract = AskJson.From(result);
            await WriteEventAsync(response, "citations", new CitationsEvent(contract.Citations), ApiJsonContext.Relaxed.CitationsEvent, context.RequestAborted);
            await WriteEventAsync(response, "done", contract, ApiJsonContext.Relaxed.AskJson, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nothing left to tell.
        }
        catch (LlmException ex)
        {
            // The detail (endpoint, model path, upstream error text) is for the log; callers and the status page get
            // what kind of failure it was.
            Log.LlmFailed(logger, ex.Message);
            errors.Add("api/ask", ex.UserMessage);
            await WriteEventAsync(response, "error", new ApiError(ex.UserMessage), ApiJsonContext.Relaxed.ApiError, CancellationToken.None);
        }
        catch (RagAssistant.Core.Storage.KnowledgeBaseException ex)
        {
            errors.Add("api/ask", ex.Message);
            await WriteEventAsync(response, "error", new ApiError(ex.Message), ApiJsonContext.Relaxed.ApiError, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AnswerFailed(logger, ex);
            errors.Add("api/ask", ex.Message);
            await WriteEventAsync(response, "error", new ApiError($"answering failed: {ex.Message}"), ApiJsonContext.Relaxed.ApiError, CancellationToken.None);
        }
    }

    /// <summary>The body, or the status and message naming what is wrong with it.</summary>
    private static async Task<(AskBody? Body, (int Status, string Message)? Problem)> ReadBodyAsync(HttpContext context)
    {
        AskBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync(ApiJsonContext.Relaxed.AskBody, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return (null, (StatusCodes.Status400BadRequest, $"the request body is not valid JSON: {ex.Message}"));
        }
        catch (InvalidOperationException ex)
        {
            return (null, (StatusCodes.Status415UnsupportedMediaType, $"send the question as JSON (Content-Type: application/json): {ex.Message}"));
        }
        var question = body?.Question?.Trim();
        if (string.IsNullOrEmpty(question)) return (body, (StatusCodes.Status400BadRequest, "field 'question' is required and must not be empty"));
        if (question.Length > MaxQuestionChars)
            return (body, (StatusCodes.Status400BadRequest, $"field 'question' has {question.Length} characters, over the limit of {MaxQuestionChars}"));
        return (body, null);
    }

    private static async Task WriteEventAsync<T>(HttpResponse response, string name, T value, JsonTypeInfo<T> type, CancellationToken ct)
    {
        // One JSON document per data line: JSON never contains a raw newline, so the event cannot be split.
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(value, type)}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
