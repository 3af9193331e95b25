using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.SignalR;
using RagAssistant.Web.Accounts;

namespace RagAssistant.Web.Security;

/// <summary>
/// Holds every request body to its endpoint's limit before anything reads it: <see cref="DefaultBytes"/> unless the
/// endpoint says otherwise with <see cref="IRequestSizeLimitMetadata"/> (the upload: <see cref="WithBodyLimit"/>). A
/// declared <c>Content-Length</c> over the limit is answered 413 at once, the body unread; a chunked body is cut by
/// Kestrel at the limit (<see cref="IHttpMaxRequestBodySizeFeature"/>), and the error it throws to the reader is
/// answered 413 here too, never 500. Both answers are the API's <c>{"error"}</c> naming the limit.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>
    /// 64 KB for everything but uploads: the largest question (4,000 characters, under 24 KB as JSON even if every
    /// character is escaped), the sign-in and admin forms, all fit with room to spare.
    /// </summary>
    public const long DefaultBytes = 64 * 1024;

    /// <summary>Raises (or lowers) the request body limit of one endpoint.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        // Blazor's hub keeps Kestrel's limit: its own per-message limit (32 KB) governs, and a long-polling POST batches several messages.
        if (endpoint?.Metadata.GetMetadata<HubMetadata>() is not null)
        {
            await next(context);
            return;
        }
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared ? declared.MaxRequestBodySize : DefaultBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            await TooLargeAsync(context, max, $"the request body has {context.Request.ContentLength} bytes");
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && limit is { } cut && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, cut, "the request body is longer");
        }
    });

    private static Task TooLargeAsync(HttpContext context, long limit, string what) =>
        ApiProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
            $"{what}, over this endpoint's limit of {Describe(limit)} ({limit} bytes)");

    private static string Describe(long bytes) =>
        bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
