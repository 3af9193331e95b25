using System.Text.Json;
using RagAssistant.Core.Documents;

namespace RagAssistant.Storage.Postgres;

/// <summary>A chunk's page boxes as JSON (a jsonb column), written and read as the SQLite store does.</summary>
internal static class BoxesJson
{
    public static string Write(IReadOnlyList<PageBox> boxes) => JsonSerializer.Serialize(boxes, JsonSerializerOptions.Web);

    public static List<PageBox> Read(string json) => JsonSerializer.Deserialize<List<PageBox>>(json, JsonSerializerOptions.Web) ?? [];
}
