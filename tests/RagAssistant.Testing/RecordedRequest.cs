using System.Text.Json.Nodes;

namespace RagAssistant.Testing;

/// <summary>One request as <see cref="ScriptedOpenAiServer"/> received it.</summary>
/// <param name="Method">GET, POST, …</param>
/// <param name="Path">The path without the query (<c>/v1/chat/completions</c>).</param>
/// <param name="Query">The query string with its leading '?', or empty.</param>
/// <param name="Headers">Request headers, names case-insensitive (repeated headers joined with ", ").</param>
/// <param name="Body">The raw body as UTF-8 text (empty when there was none).</param>
public sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The body parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json { get; } = TryParse(Body);

    /// <summary>Whether the JSON body has <paramref name="property"/> at its top level.</summary>
    public bool Has(string property) => Json is JsonObject o && o.ContainsKey(property);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    private static JsonNode? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
