namespace RagAssistant.Generation.Llm;

/// <summary>
/// The language model the answers come from. Bound from the configuration section <c>Rag:Llm</c>
/// (environment: <c>Rag__Llm__Provider</c>, …). With <see cref="Provider"/> <c>none</c> (the default) the product answers
/// extractively, offline.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Rag:Llm";

    /// <summary>No model: answers are extractive.</summary>
    public const string None = "none";

    /// <summary>Any OpenAI-compatible endpoint: Ollama, vLLM, LM Studio, llama.cpp server, DeepSeek, Qwen, OpenAI.</summary>
    public const string OpenAi = "openai";

    /// <summary>Azure OpenAI: <see cref="Endpoint"/> is the resource URL, <see cref="Model"/> the deployment name.</summary>
    public const string Azure = "azure";

    /// <summary>A local GGUF file (<see cref="ModelPath"/>) run in-process through LLamaSharp on the CPU.</summary>
    public const string Llama = "llama";

    public static IReadOnlyList<string> Providers { get; } = [None, OpenAi, Azure, Llama];

    /// <summary><c>none</c> (default), <c>openai</c>, <c>azure</c> or <c>llama</c> (case-insensitive).</summary>
    public string Provider { get; set; } = None;

    /// <summary>Base URL: for openai the one ending in /v1 (<c>http://host:11434/v1</c>); for azure the resource URL
    /// (<c>https://NAME.openai.azure.com</c>). Required for openai and azure.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model id (<c>qwen2.5:7b</c>, <c>deepseek-chat</c>); for azure the deployment name. Required for openai and azure.</summary>
    public string? Model { get; set; }

    /// <summary>API key. Optional for openai-compatible local servers (a placeholder key is sent); required for azure.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The GGUF model file for llama. Required for llama.</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// Seconds one call (a streamed answer or a short completion) may take, retries included: it bounds both the wait
    /// for the first byte and the whole answer. Default 120; raise it for a slow local model writing long answers.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries of a request answered 429 or 5xx before any text arrived. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay in seconds when the server gives no Retry-After; doubled on each retry. Default 1.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>Longest wait before a retry, also capping a server's Retry-After. Default 20 seconds.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 20;

    /// <summary>Most tokens an answer may have. Default 800.</summary>
    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>Sampling temperature. Default 0.1: answers should stick to the sources, not vary.</summary>
    public double Temperature { get; set; } = 0.1;

    /// <summary>llama: the context window in tokens (prompt + answer). Default 4096.</summary>
    public int ContextSize { get; set; } = 4096;

    /// <summary>llama: CPU threads; 0 = let llama.cpp decide. Default 0.</summary>
    public int Threads { get; set; }

    /// <summary>The provider name trimmed and lower-cased.</summary>
    public string NormalizedProvider => (Provider ?? "").Trim().ToLowerInvariant() is { Length: > 0 } p ? p : None;

    /// <summary>Whether a model is configured (the provider is not <c>none</c>).</summary>
    public bool IsConfigured => NormalizedProvider != None;

    /// <summary>
    /// What is wrong with these settings, one message per problem, each naming the setting
    /// (<c>Rag:Llm:ModelPath: file not found: /x/y.gguf</c>); empty when they can be used, and always empty for
    /// <c>none</c>. For llama it reads the first four bytes of the model file to check the GGUF magic.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var provider = NormalizedProvider;
        if (!Providers.Contains(provider))
        {
            errors.Add($"{Section}:Provider: unknown provider '{Provider}' (use {string.Join(", ", Providers)})");
            return errors;
        }
        if (provider == None) return errors; // nothing else is read without a model
        if (TimeoutSeconds < 1) errors.Add($"{Section}:TimeoutSeconds: must be at least 1 (is {TimeoutSeconds})");
        if (MaxRetries is < 0 or > 10) errors.Add($"{Section}:MaxRetries: must be 0 to 10 (is {MaxRetries})");
        if (RetryDelaySeconds < 0 || MaxRetryDelaySeconds < 0) errors.Add($"{Section}:RetryDelaySeconds and MaxRetryDelaySeconds: must not be negative");
        if (MaxOutputTokens < 1) errors.Add($"{Section}:MaxOutputTokens: must be at least 1 (is {MaxOutputTokens})");
        if (Temperature is < 0 or > 2) errors.Add($"{Section}:Temperature: must be 0 to 2 (is {Temperature})");
        switch (provider)
        {
            case OpenAi or Azure:
                if (string.IsNullOrWhiteSpace(Endpoint))
                    errors.Add($"{Section}:Endpoint: required for the {provider} provider ({(provider == Azure ? "the resource URL, https://NAME.openai.azure.com" : "the base URL, e.g. http://localhost:11434/v1")})");
                else if (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    errors.Add($"{Section}:Endpoint: '{Endpoint}' is not an http(s) URL");
                if (string.IsNullOrWhiteSpace(Model))
                    errors.Add($"{Section}:Model: required for the {provider} provider ({(provider == Azure ? "the deployment name" : "the model id, e.g. qwen2.5:7b")})");
                if (provider == Azure && string.IsNullOrWhiteSpace(ApiKey))
                    errors.Add($"{Section}:ApiKey: required for the azure provider");
                break;
            case Llama:
                if (string.IsNullOrWhiteSpace(ModelPath)) errors.Add($"{Section}:ModelPath: required for the llama provider (a .gguf file)");
                else if (GgufFile.Check(ModelPath) is { } problem) errors.Add($"{Section}:ModelPath: {problem}");
                if (ContextSize < 64) errors.Add($"{Section}:ContextSize: must be at least 64 (is {ContextSize})");
                if (Threads < 0) errors.Add($"{Section}:Threads: must be 0 (auto) or more (is {Threads})");
                break;
        }
        return errors;
    }

    /// <summary>
    /// The configured model in a few words: <c>openai qwen2.5:7b at http://localhost:11434/v1</c>,
    /// <c>llama stories260K.gguf at /models/stories260K.gguf</c>, or <c>none</c>.
    /// </summary>
    public string Describe() => NormalizedProvider switch
    {
        None => None,
        Llama => $"{Llama} {Path.GetFileName(ModelPath ?? "")} at {ModelPath}",
        var p => $"{p} {Model} at {Endpoint?.Trim()}",
    };
}
