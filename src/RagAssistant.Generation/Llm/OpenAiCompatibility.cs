using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagAssistant.Generation.Llm;

/// <summary>
/// What one server is known to reject, learned from its 400 answers and applied to every later request of the same
/// <see cref="ChatModel"/>. The OpenAI SDK under Semantic Kernel sends <c>max_completion_tokens</c> (OpenAI's newer name;
/// older vLLM, LM Studio and llama.cpp builds know only <c>max_tokens</c>) and, when streaming,
/// <c>stream_options</c> (for usage counts; some servers reject unknown fields). A 400 whose body mentions one of them
/// (however worded: "Unrecognized request argument", "unknown field", "extra inputs are not permitted") switches the
/// matching rewrite on: <c>max_completion_tokens</c> → <c>max_tokens</c>, <c>stream_options</c> dropped.
/// </summary>
internal sealed class OpenAiCompatibility
{
    public const string MaxCompletionTokens = "max_completion_tokens";
    public const string MaxTokens = "max_tokens";
    public const string StreamOptions = "stream_options";

    private volatile bool useMaxTokens;
    private volatile bool dropStreamOptions;

    public bool UsesMaxTokens => useMaxTokens;

    public bool DropsStreamOptions => dropStreamOptions;

    /// <summary>
    /// Learns from a 400 <paramref name="errorBody"/> answering <paramref name="sentBody"/>: the field it switched off
    /// (one per call, so each resend is explained), or null when the error is about something else.
    /// </summary>
    public string? Learn(string errorBody, byte[] sentBody)
    {
        if (!useMaxTokens && errorBody.Contains(MaxCompletionTokens, StringComparison.Ordinal) && Has(sentBody, MaxCompletionTokens))
        {
            useMaxTokens = true;
            return MaxCompletionTokens;
        }
        if (!dropStreamOptions && errorBody.Contains(StreamOptions, StringComparison.Ordinal) && Has(sentBody, StreamOptions))
        {
            dropStreamOptions = true;
            return StreamOptions;
        }
        return null;
    }

    /// <summary><paramref name="body"/> with the learned rewrites applied (the same array when none applies).</summary>
    public byte[] Apply(byte[] body)
    {
        if (!useMaxTokens && !dropStreamOptions) return body;
        if (Parse(body) is not { } json) return body;
        var changed = false;
        if (dropStreamOptions) changed |= json.Remove(StreamOptions);
        if (useMaxTokens && json[MaxCompletionTokens] is { } limit)
        {
            json.Remove(MaxCompletionTokens);
            json[MaxTokens] = limit.DeepClone();
            changed = true;
        }
        if (!changed) return body;
        using var buffer = new MemoryStream(body.Length);
        using (var writer = new Utf8JsonWriter(buffer)) json.WriteTo(writer);
        return buffer.ToArray();
    }

    private static bool Has(byte[] body, string field) => Parse(body)?.ContainsKey(field) == true;

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
