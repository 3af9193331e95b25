using System.Text.Json;

namespace RagAssistant.Generation.Llm;

/// <summary>The human part of a server's error body, short enough for one message line.</summary>
internal static class ErrorText
{
    private const int MaxLength = 400;

    /// <summary>
    /// <c>error.message</c> (OpenAI, Azure, vLLM, llama.cpp), <c>error</c> as a string (Ollama), <c>message</c> or
    /// <c>detail</c> (FastAPI servers); else the body itself with whitespace collapsed; cut at 400 characters.
    /// </summary>
    public static string From(string body)
    {
        var text = body.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.String) text = error.GetString() ?? text;
                    else if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) text = m.GetString() ?? text;
                }
                else if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String) text = message.GetString() ?? text;
                else if (root.TryGetProperty("detail", out var detail)) text = detail.ValueKind == JsonValueKind.String ? detail.GetString() ?? text : detail.GetRawText();
            }
            catch (JsonException)
            {
            }
        }
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) return "(empty response body)";
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
