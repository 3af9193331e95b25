using System.Text.Json;
using RagAssistant.Core.Documents;

namespace RagAssistant.Storage.Postgres;

/// <summary>A chunk's page boxes as JSON (a jsonb column), written as the SQLite store writes it (read by <see cref="Core.Storage.StoreRows.Boxes"/>).</summary>
internal static class BoxesJson
{
    public static string Write(IReadOnlyList<PageBox> boxes) => JsonSerializer.Serialize(boxes, JsonSerializerOptions.Web);
}
