using Microsoft.Extensions.Options;
using RagAssistant.Core.Contracts;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;
using RagAssistant.Web.Access;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Limits;
using RagAssistant.Web.Security;

namespace RagAssistant.Web.Endpoints;

/// <summary>
/// GET/POST/PATCH/DELETE /api/documents and the original file of a document. Every handler asks the access seam first and
/// answers a document the caller may not read exactly as one that does not exist (404), so ids cannot be probed.
/// </summary>
internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents", ListAsync);
        // An API for other systems: no browser form, no antiforgery token (CrossSiteRequestGuard keeps other sites out).
        // The one endpoint whose body may be large: up to what the ingestion queue may hold.
        var upload = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<WebOptions>>().Value.MaxQueuedBytes;
        api.MapPost("/documents", UploadAsync).DisableAntiforgery().WithBodyLimit(upload);
        api.MapGet("/documents/jobs", ListJobs);
        api.MapDelete("/documents/{id:long}", DeleteAsync);
        api.MapPatch("/documents/{id:long}", EditAsync);
        api.MapGet("/documents/{id:long}/file", FileAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ProtectedKnowledgeBase knowledgeBase, string? library, string? kind)
    {
        var scope = await context.AccessAsync();
        var documents = (await knowledgeBase.ListDocumentsAsync(scope, library, context.RequestAborted))
            .Where(d => kind is null || d.Kind == kind)
            .Select(DocumentJson.From).ToList();
        return TypedResults.Json(new DocumentListJson(documents), ApiJsonContext.Relaxed.DocumentListJson);
    }

    /// <summary>multipart/form-data with one or more files (any field name) and an optional <c>library</c> field; 202 with one job per file; 429 with Retry-After beyond the user's upload rate.</summary>
    private static async Task<IResult> UploadAsync(HttpContext context, DocumentWrites writes, UserRateLimits limits,
        IOptions<WebOptions> web, IOptions<IngestionOptions> ingestion)
    {
        var scope = await context.AccessAsync();
        if (!scope.CanUpload) return Error(StatusCodes.Status403Forbidden, "you may not upload documents");
        // Before the body is read: a refused upload costs the server nothing.
        if (limits.TryUpload(scope.User) is { } refusal) return LimitResponses.Result(refusal);
        if (!context.Request.HasFormContentType)
            return Error(StatusCodes.Status415UnsupportedMediaType, "send the files as multipart/form-data");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        // A body cut at the endpoint's limit is left to RequestBodyLimits (413), not called unreadable.
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Error(StatusCodes.Status400BadRequest, $"the upload could not be read: {ex.Message}");
        }
        var library = Libraries.Normalize(form["library"].FirstOrDefault());
        if (Libraries.Problem(library) is { } problem) return Error(StatusCodes.Status400BadRequest, $"field 'library': {problem}");
        if (!scope.MayWrite(library)) return Error(StatusCodes.Status403Forbidden, $"you may not upload to library '{library}'");
        if (form.Files.Count == 0) return Error(StatusCodes.Status400BadRequest, "no file in the upload (send at least one file part)");
        if (form.Files.Count > web.Value.MaxFilesPerUpload)
            return Error(StatusCodes.Status400BadRequest, $"{form.Files.Count} files in one upload, over the limit of {web.Value.MaxFilesPerUpload}");

        var jobs = new List<JobJson>();
        foreach (var file in form.Files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > ingestion.Value.MaxFileBytes)
            {
                jobs.Add(new JobJson(Guid.Empty, name, library, IngestJobState.Failed.Name(), FileStatus.Failed, null, 0,
                    $"{name}: {ingestion.Value.TooLargeReason(file.Length)}", Problem: IngestProblem.TooLarge.Name()));
                continue;
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, context.RequestAborted);
            jobs.Add(ToJson(await writes.UploadAsync(scope, name, buffer.ToArray(), library, context.Connection.RemoteIpAddress?.ToString())));
        }
        return TypedResults.Json(new UploadJson(jobs), ApiJsonContext.Relaxed.UploadJson, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ListJobs(HttpContext context, IngestionQueue queue)
    {
        var scope = await context.AccessAsync();
        var jobs = queue.Jobs.Where(j => scope.MayRead(j.Library)).Select(ToJson).ToList();
        return TypedResults.Json(new JobListJson(jobs), ApiJsonContext.Relaxed.JobListJson);
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, DocumentWrites writes)
    {
        var scope = await context.AccessAsync();
        return await writes.DeleteAsync(scope, id, context.Connection.RemoteIpAddress?.ToString()) switch
        {
            WriteOutcome.NotFound => Error(StatusCodes.Status404NotFound, $"no document {id}"),
            WriteOutcome.Forbidden => Error(StatusCodes.Status403Forbidden, $"you may not delete documents of this library"),
            _ => TypedResults.Json(new DeletedJson(id, true), ApiJsonContext.Relaxed.DeletedJson),
        };
    }

    /// <summary>
    /// Corrects title, identity, revision and kind (JSON; a field left out keeps its value): 200 with the document, 400
    /// naming each field at fault, 403 for a reader of the library, 404 for a document the caller may not read.
    /// </summary>
    private static async Task<IResult> EditAsync(long id, HttpContext context, ProtectedKnowledgeBase knowledgeBase, DocumentWrites writes)
    {
        var scope = await context.AccessAsync();
        var document = await knowledgeBase.GetDocumentAsync(scope, id, context.RequestAborted);
        if (document is null) return Error(StatusCodes.Status404NotFound, $"no document {id}");
        if (!scope.MayWrite(document.Library)) return Error(StatusCodes.Status403Forbidden, "you may not edit documents of this library");
        DocumentPatchBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync(ApiJsonContext.Relaxed.DocumentPatchBody, context.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return Error(StatusCodes.Status400BadRequest, $"send a JSON object {{\"title\", \"identity\", \"revision\", \"kind\"}}: {ex.Message}");
        }
        if (body is null) return Error(StatusCodes.Status400BadRequest, "send a JSON object {\"title\", \"identity\", \"revision\", \"kind\"}");
        var metadata = Core.Documents.DocumentMetadata.Create(body.Title ?? document.Title, body.Identity ?? document.Identity,
            body.Revision ?? document.Revision, body.Kind ?? document.Kind);
        if (metadata.Problems() is { Count: > 0 } problems)
            return Error(StatusCodes.Status400BadRequest, string.Join("; ", problems.Select(p => p.Message)));
        var (outcome, updated) = await writes.EditAsync(scope, id, metadata, context.Connection.RemoteIpAddress?.ToString());
        return outcome switch
        {
            WriteOutcome.NotFound => Error(StatusCodes.Status404NotFound, $"no document {id}"),
            WriteOutcome.Forbidden => Error(StatusCodes.Status403Forbidden, "you may not edit documents of this library"),
            _ => TypedResults.Json(DocumentJson.From(updated!), ApiJsonContext.Relaxed.DocumentJson),
        };
    }

    /// <summary>The original file: inline when inert (the PDF viewer fetches it), otherwise, or with <c>?download=true</c>, a download.</summary>
    private static async Task<IResult> FileAsync(long id, bool? download, HttpContext context, ProtectedKnowledgeBase knowledgeBase)
    {
        var scope = await context.AccessAsync();
        var document = await knowledgeBase.GetDocumentAsync(scope, id, context.RequestAborted);
        if (document is null) return Error(StatusCodes.Status404NotFound, $"no document {id}");
        var bytes = await knowledgeBase.OpenOriginalAsync(scope, id, context.RequestAborted);
        if (bytes is null)
            return Error(StatusCodes.Status404NotFound, $"the original of document {id} ({document.FileName}) was not kept; re-ingest it to view or download it");
        return InertOriginals.Serve(context, document, bytes, download == true);
    }

    internal static JobJson ToJson(IngestJob job) =>
        new(job.Id, job.FileName, job.Library, job.State.Name(), job.Outcome, job.DocumentId, job.Chunks, job.Reason,
            job.State == IngestJobState.Ocr ? $"{job.OcrPagesDone}/{job.OcrPagesTotal}" : null, job.Problem?.Name());

    private static IResult Error(int status, string message) =>
        TypedResults.Json(new ApiError(message), ApiJsonContext.Relaxed.ApiError, statusCode: status);
}
