using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace RagAssistant.Generation.Llm;

/// <summary>Turns whatever Semantic Kernel, the OpenAI SDK, HttpClient or LLamaSharp threw into what the caller sees.</summary>
internal static class LlmErrors
{
    /// <summary>
    /// In this order: the caller's cancellation stays an <see cref="OperationCanceledException"/>; the call's deadline
    /// becomes a timeout; an <see cref="LlmException"/> anywhere in the chain (from <see cref="LlmHttpHandler"/> or
    /// <see cref="SseWatchStream"/>) is passed on; a failed connection is "unreachable" with the socket's reason; an
    /// HTTP status, a broken body, malformed JSON, anything else — each named.
    /// </summary>
    /// <param name="received">Text deltas already delivered; -1 for a non-streamed call.</param>
    public static Exception Translate(Exception e, string label, string provider, CancellationToken callerToken, bool timedOut, int timeoutSeconds, int received)
    {
        if (callerToken.IsCancellationRequested)
            return e as OperationCanceledException ?? new OperationCanceledException("The caller cancelled the LLM call.", e, callerToken);
        if (timedOut)
        {
            var when = received switch
            {
                < 0 => "waiting for the answer",
                0 => "waiting for the first byte of the answer",
                _ => $"before the answer finished ({received} parts received)",
            };
            return new LlmException($"{label} timed out after {timeoutSeconds} s (Rag:Llm:TimeoutSeconds) {when}", LlmFailure.Timeout, innerException: e);
        }
        if (Find<LlmException>(e) is { } llm) return llm;

        var socket = Find<SocketException>(e);
        var request = Find<HttpRequestException>(e);
        if (socket is not null
            || request?.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
            return new LlmException($"{label} is unreachable: {socket?.Message ?? request!.Message}", LlmFailure.Unreachable, innerException: e);
        if (e is OperationCanceledException && Find<TimeoutException>(e) is not null)
            return new LlmException($"{label} is unreachable: the connection timed out", LlmFailure.Unreachable, innerException: e);
        if (Find<HttpOperationException>(e) is { StatusCode: { } status } http)
            return new LlmException($"{label} returned {(int)status} {status}: {ErrorText.From(http.ResponseContent ?? http.Message)}", LlmFailure.HttpStatus, (int)status, e);
        if (Find<JsonException>(e) is { } json)
            return new LlmException($"{label} sent a malformed answer (not the expected JSON): {json.Message}", LlmFailure.Malformed, innerException: e);
        if (request?.HttpRequestError is HttpRequestError.ResponseEnded || Find<IOException>(e) is not null)
            return new LlmException($"{label} cut the answer off: {Innermost(e).Message}", LlmFailure.StreamCutOff, innerException: e);
        return new LlmException($"{label} failed: {Innermost(e).Message}", provider == LlmOptions.Llama ? LlmFailure.Model : LlmFailure.Other, innerException: e);
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T found) return found;
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
