using System.Text.Json;
using System.Text.Json.Serialization;
using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Storage.Rows;

/// <summary>
/// The JSON the stores keep in their list columns (a citation's boxes, a turn's unsupported numbers, a mark's history
/// and expected strings), written by one rule so a row moved between the SQLite and PostgreSQL stores reads back the
/// same. Web defaults (camelCase), so stored boxes have the same shape as <c>chunks.boxes</c>.
/// </summary>
public static class StoredJson
{
    public static string Write(IReadOnlyList<string> strings) => JsonSerializer.Serialize(strings, StoredJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize(json, StoredJsonContext.Default.IReadOnlyListString) ?? [];

    public static string Write(IReadOnlyList<PageBox> boxes) => JsonSerializer.Serialize(boxes, StoredJsonContext.Default.IReadOnlyListPageBox);

    public static IReadOnlyList<PageBox> ReadBoxes(string json) => JsonSerializer.Deserialize(json, StoredJsonContext.Default.IReadOnlyListPageBox) ?? [];
}

/// <summary>Source-generated serializers for <see cref="StoredJson"/> (no reflection at run time).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<PageBox>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
