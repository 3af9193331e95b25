using System.Text.Json;
using System.Text.Json.Serialization;
using RagAssistant.Core.Documents;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Source-generated JSON for the conversation tables' JSON columns. Web defaults (camelCase) so stored boxes have the
/// same shape as <c>chunks.boxes</c>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<PageBox>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
