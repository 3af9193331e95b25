using System.Text;
using RagAssistant.Web.Access;
using RagAssistant.Web.Conversations;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Endpoints;

/// <summary>
/// GET /api/conversations/{id}/export?format=md: one of the caller's conversations as a Markdown download. Someone
/// else's conversation is answered exactly like a missing one (404), so ids cannot be probed.
/// </summary>
internal static class ConversationEndpoints
{
    public const string Markdown = "md";

    public static void Map(RouteGroupBuilder api) => api.MapGet("/conversations/{id}/export", ExportAsync);

    /// <summary>
    /// The words around the sources follow <c>lang</c> (zh or en) when given, else the UI language the browser chose
    /// (its cookie), else Chinese, as the UI starts.
    /// </summary>
    private static async Task<IResult> ExportAsync(string id, string? format, string? lang, HttpContext context,
        ProtectedKnowledgeBase knowledgeBase, TimeProvider clock)
    {
        if ((format ?? Markdown) != Markdown)
            return Error(StatusCodes.Status400BadRequest, $"field 'format': '{format}' is not supported; use '{Markdown}' (Markdown)");
        if (lang is not null && lang != UiLanguages.Chinese && lang != UiLanguages.English)
            return Error(StatusCodes.Status400BadRequest, $"field 'lang': '{lang}' is not supported; use '{UiLanguages.Chinese}' or '{UiLanguages.English}'");
        var scope = await context.AccessAsync();
        var conversation = await knowledgeBase.GetConversationAsync(scope, id, context.RequestAborted);
        if (conversation is null) return Error(StatusCodes.Status404NotFound, $"no conversation {id}");
        var text = UiText.For(lang ?? UiLanguages.FromCookie(context.Request.Cookies[UiLanguages.Cookie]));
        var markdown = ConversationMarkdown.Write(conversation, text, clock.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", ConversationMarkdown.FileName(conversation));
    }

    private static IResult Error(int status, string message) =>
        TypedResults.Json(new ApiError(message), ApiJsonContext.Relaxed.ApiError, statusCode: status);
}
