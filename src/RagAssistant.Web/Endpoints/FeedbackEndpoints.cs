using System.Text;
using RagAssistant.Core.Feedback;
using RagAssistant.Retrieval.Evaluation;
using RagAssistant.Web.Access;
using RagAssistant.Web.Feedback;

namespace RagAssistant.Web.Endpoints;

/// <summary>
/// GET /api/feedback/export[?split=dev|test]: the marked 👎 answers as an evaluation question file (EVAL.md, JSON lines),
/// downloaded as feedback-questions.jsonl; administrators only (403 for anyone else).
/// </summary>
internal static class FeedbackEndpoints
{
    public const string ExportPath = "/api/feedback/export";

    public static void Map(RouteGroupBuilder api) => api.MapGet("/feedback/export", ExportAsync);

    private static async Task<IResult> ExportAsync(HttpContext context, FeedbackReview review, string? split)
    {
        var scope = await context.AccessAsync();
        if (!scope.IsAdministrator) return Error(StatusCodes.Status403Forbidden, "only an administrator may export feedback");
        if (split is not null && !FeedbackMarkRules.Splits.Contains(split))
            return Error(StatusCodes.Status400BadRequest, $"query 'split': must be {string.Join(" or ", FeedbackMarkRules.Splits)}");
        var questions = await review.ExportAsync(scope, split, context.RequestAborted);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(FeedbackQuestions.ToJsonl(questions));
        return TypedResults.File(bytes, "application/x-ndjson", split is null ? "feedback-questions.jsonl" : $"feedback-questions-{split}.jsonl");
    }

    private static IResult Error(int status, string message) =>
        TypedResults.Json(new ApiError(message), ApiJsonContext.Relaxed.ApiError, statusCode: status);
}
