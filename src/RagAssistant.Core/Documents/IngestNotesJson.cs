using System.Text;
using System.Text.Json;

namespace RagAssistant.Core.Documents;

/// <summary>
/// How a store keeps a list of <see cref="IngestNote"/>s: a JSON array of objects {code, text, count, pages, name, file}.
/// Lists written before notes had codes are arrays of strings; they read back as notes of code <see cref="IngestWarning.Other"/>.
/// </summary>
public static class IngestNotesJson
{
    public static string Write(IReadOnlyList<IngestNote> notes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var note in notes)
            {
                json.WriteStartObject();
                json.WriteString("code", note.Code.ToString());
                json.WriteString("text", note.Text);
                if (note.Count != 0) json.WriteNumber("count", note.Count);
                if (note.Pages.Count > 0)
                {
                    json.WriteStartArray("pages");
                    foreach (var page in note.Pages) json.WriteNumberValue(page);
                    json.WriteEndArray();
                }
                if (note.Name is not null) json.WriteString("name", note.Name);
                if (note.File is not null) json.WriteString("file", note.File);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<IngestNote> Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        using var json = JsonDocument.Parse(text);
        var notes = new List<IngestNote>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                notes.Add(new IngestNote(IngestWarning.Other, item.GetString() ?? ""));
                continue;
            }
            notes.Add(new IngestNote(IngestWarnings.Parse(Text(item, "code")), Text(item, "text") ?? "")
            {
                Count = item.TryGetProperty("count", out var count) ? count.GetInt32() : 0,
                Pages = item.TryGetProperty("pages", out var pages) ? pages.EnumerateArray().Select(p => p.GetInt32()).ToList() : [],
                Name = Text(item, "name"),
                File = Text(item, "file"),
            });
        }
        return notes;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
