namespace RagAssistant.Generation.Llm;

/// <summary>
/// A language-model call or configuration failed. The message names the provider, its endpoint or model file and
/// the reason in plain words ("LLM provider openai at http://127.0.0.1:9/v1 is unreachable: Connection refused"), for
/// the server log and the local operator of the <c>rag</c> command; users of the web app and the HTTP API are told
/// <see cref="UserMessage"/> instead. Cancellation by the caller is never an LlmException (it stays an
/// <see cref="OperationCanceledException"/>).
/// </summary>
public sealed class LlmException : Exception
{
    public LlmException(string message)
        : this(message, LlmFailure.Other)
    {
    }

    public LlmException(string message, Exception innerException)
        : this(message, LlmFailure.Other, innerException: innerException)
    {
    }

    public LlmException(string message, LlmFailure failure, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    public LlmException()
        : this("The language model failed.")
    {
    }

    /// <summary>The kind of failure, for callers that react differently (fall back to extractive answers, say "try later").</summary>
    public LlmFailure Failure { get; }

    /// <summary>The HTTP status the server answered, when it was an HTTP error.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// What went wrong, for users: the kind of failure and, for an HTTP error, its status ("the language model endpoint
    /// failed: HTTP 500") — never the endpoint's address, the model file's path, a key or the server's error text,
    /// which may name internal hosts or echo secrets. <see cref="Exception.Message"/> has those, for the server log.
    /// </summary>
    public string UserMessage => Failure switch
    {
        LlmFailure.HttpStatus => StatusCode is { } status ? $"the language model endpoint failed: HTTP {status}" : "the language model endpoint failed",
        LlmFailure.Timeout => "the language model endpoint timed out",
        LlmFailure.Unreachable => Refused() ? "the language model endpoint refused the connection" : "the language model endpoint could not be reached",
        LlmFailure.StreamCutOff => "the language model endpoint cut the answer off",
        LlmFailure.Malformed => "the language model endpoint sent a malformed answer",
        LlmFailure.Configuration => "the language model is not configured correctly (see the server log)",
        LlmFailure.Model => "the local language model failed",
        _ => "the language model failed",
    };

    private bool Refused()
    {
        for (var e = InnerException; e is not null; e = e.InnerException)
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }) return true;
        return false;
    }
}
