namespace RagAssistant.Generation.Llm;

/// <summary>
/// A language-model call or configuration failed. The message names the provider, its endpoint or model file and
/// the reason in plain words ("LLM provider openai at http://127.0.0.1:9/v1 is unreachable: Connection refused"), so it
/// can be shown to the user as it is. Cancellation by the caller is never an LlmException (it stays an
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
}
