namespace RagAssistant.Generation.Llm;

/// <summary>Why a call to the language model failed (<see cref="LlmException.Failure"/>).</summary>
public enum LlmFailure
{
    /// <summary>Anything not listed below.</summary>
    Other,

    /// <summary>The settings cannot be used (unknown provider, missing endpoint, model file missing or not GGUF).</summary>
    Configuration,

    /// <summary>No connection: refused, DNS failure, TLS failure.</summary>
    Unreachable,

    /// <summary>The server answered an HTTP error status (after any retries).</summary>
    HttpStatus,

    /// <summary>The call took longer than <c>Rag:Llm:TimeoutSeconds</c>.</summary>
    Timeout,

    /// <summary>The answer stream ended before the server said it was finished.</summary>
    StreamCutOff,

    /// <summary>The server sent something that is not the protocol (a stream chunk that is not JSON).</summary>
    Malformed,

    /// <summary>The local model failed to load or generate.</summary>
    Model,
}
