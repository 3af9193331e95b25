using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace RagAssistant.Generation.Llm;

/// <summary>
/// The HTTP layer under one openai/azure <see cref="ChatModel"/>: every chat request (a POST to …/chat/completions)
/// passes here, so the policies live in one place and do not depend on what the SDK above does.
/// <list type="bullet">
/// <item>Compatibility: a 400 naming <c>max_completion_tokens</c> or <c>stream_options</c> switches on the body
/// rewrite (<see cref="OpenAiCompatibility"/>) and the request is resent at once; the rewrite stays on for later calls.</item>
/// <item>Retries: a 429 or 5xx is retried up to <see cref="LlmOptions.MaxRetries"/> times, waiting the server's
/// <c>retry-after-ms</c> / <c>Retry-After</c> when given, else <see cref="LlmOptions.RetryDelaySeconds"/> × 2^attempt;
/// every wait capped at <see cref="LlmOptions.MaxRetryDelaySeconds"/>. Only the status of an answer decides a retry,
/// before its body is handed up, so a stream that delivered text is never replayed.</item>
/// <item>Errors: any other error status, or the last retryable one, becomes an <see cref="LlmException"/> carrying the
/// status and the server's error text.</item>
/// <item>Streams: a <c>text/event-stream</c> answer is wrapped in <see cref="SseWatchStream"/> (cut-off and malformed chunks).</item>
/// </list>
/// The SDK's own retry policy is off: Semantic Kernel gives the OpenAI/Azure client <c>ClientRetryPolicy(maxRetries: 0)</c>
/// and an infinite network timeout whenever it is handed an HttpClient (ClientCore.GetOpenAIClientOptions,
/// AzureClientCore.GetAzureOpenAIClientOptions), which <see cref="ChatModel"/> always does. Retrying here instead of there
/// keeps one policy for both providers, lets the 400 rewrite share it, and keeps attempts from multiplying (3 SDK
/// retries × 3 of ours would be 16 requests); the tests pin the exact request count.
/// </summary>
internal sealed class LlmHttpHandler(LlmOptions options, string label, ILogger logger) : DelegatingHandler
{
    /// <summary>Error bodies beyond this are not read (only their start goes into a message).</summary>
    private const int MaxErrorBody = 16 * 1024;

    public OpenAiCompatibility Compatibility { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.Content is null
            || request.RequestUri?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // Buffer the body once: a request is resent (retry, rewrite) and the SDK's content is not meant to be reread.
        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentType = request.Content.Headers.ContentType ?? new MediaTypeHeaderValue("application/json");
        var retries = 0;
        var rewrites = 0;
        while (true)
        {
            var sent = Compatibility.Apply(body);
            request.Content = new ByteArrayContent(sent) { Headers = { ContentType = contentType } };
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return await WatchAsync(response, cancellationToken).ConfigureAwait(false);

            var status = (int)response.StatusCode;
            var reason = response.ReasonPhrase is { Length: > 0 } phrase ? phrase : response.StatusCode.ToString();
            var wait = RetryDelay(response, retries);
            string errorBody;
            using (response) errorBody = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);

            if (status == (int)HttpStatusCode.BadRequest && rewrites < 2 && Compatibility.Learn(errorBody, sent) is { } field)
            {
                rewrites++;
                LlmLog.Rewriting(logger, label, field);
                continue;
            }
            if ((status == 429 || status >= 500) && retries < options.MaxRetries)
            {
                retries++;
                LlmLog.Retrying(logger, label, status, retries, options.MaxRetries, wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var after = retries > 0 ? $" after {retries} {(retries == 1 ? "retry" : "retries")}" : "";
            var hint = status == 404 && options.NormalizedProvider == LlmOptions.OpenAi && request.RequestUri?.AbsolutePath.Contains("/v1/", StringComparison.Ordinal) != true
                ? " (most OpenAI-compatible servers expect Rag:Llm:Endpoint to end in /v1)" : "";
            throw new LlmException($"{label} returned {status} {reason}{after}: {ErrorText.From(errorBody)}{hint}", LlmFailure.HttpStatus, status);
        }
    }

    private async Task<HttpResponseMessage> WatchAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase)) return response;
        var original = response.Content;
        var watched = new StreamContent(new SseWatchStream(await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), label));
        foreach (var header in original.Headers) watched.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = watched;
        return response;
    }

    /// <summary>The wait before retry number <paramref name="retries"/> + 1: the server's hint, else exponential; capped.</summary>
    private TimeSpan RetryDelay(HttpResponseMessage response, int retries)
    {
        TimeSpan? hinted = null;
        // OpenAI sends retry-after-ms (fractional seconds matter when rate limits reset quickly); others Retry-After.
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            hinted = TimeSpan.FromMilliseconds(millis);
        else if (response.Headers.RetryAfter is { } retryAfter)
            hinted = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        var wait = hinted ?? TimeSpan.FromSeconds(options.RetryDelaySeconds * Math.Pow(2, retries));
        var cap = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBody];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (IOException e)
        {
            return $"(the error body could not be read: {e.Message})";
        }
    }
}
