using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;

namespace RagAssistant.Core.Storage;

/// <summary>
/// Rows of the knowledge-base stores read into Core's records, for every engine: each store selects the same columns in
/// the same order (<see cref="DocumentColumns"/>, <see cref="RetrievedChunkColumns"/>). Where the engines store a value
/// differently — a flag as 0/1 or a boolean, a date or a time as ISO text or as a date type — the value is read for
/// what it is.
/// </summary>
public static class StoreRows
{
    /// <summary>A document with its library name, chunk count and whether its original is kept.</summary>
    public const string DocumentColumns = """
        d.id, l.name, d.source, d.file_name, d.title, d.kind, d.identity, d.revision, d.effective_date,
        d.revision_year, d.superseded, d.sha256, d.size, d.pages, d.content_type, d.status, d.error, d.warnings,
        d.created_at, d.updated_at, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id),
        EXISTS (SELECT 1 FROM document_files f WHERE f.document_id = d.id)
        """;

    /// <summary>A chunk with what a citation needs from its document (chunks c, documents d, libraries l).</summary>
    public const string RetrievedChunkColumns = """
        c.id, d.id, l.name, d.source, d.title, d.kind, d.identity, d.revision, d.superseded,
        c.page, c.locator, c.context, c.text, c.token_count, c.boxes
        """;

    /// <summary>Chunks' vectors with the tags dense filters read (<see cref="IndexedVector"/>); the stores add the WHERE.</summary>
    public const string IndexedVectorRows = """
        SELECT c.id, c.vector, l.name, d.kind, d.identity_key, d.superseded, c.language
        FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
        """;

    /// <summary>Chunks' tags alone (<see cref="IndexedTag"/>); the stores add the WHERE.</summary>
    public const string IndexedTagRows = """
        SELECT c.id, l.name, d.kind, d.identity_key, d.superseded, c.language
        FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
        """;

    public static StoredDocument Document(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Library = r.GetString(1),
        Source = r.GetString(2),
        FileName = r.GetString(3),
        Title = r.GetString(4),
        Kind = r.GetString(5),
        Identity = r.IsDBNull(6) ? null : r.GetString(6),
        Revision = r.IsDBNull(7) ? null : r.GetString(7),
        EffectiveDate = r.IsDBNull(8) ? null : Date(r.GetValue(8)),
        RevisionYear = r.IsDBNull(9) ? null : r.GetInt32(9),
        Superseded = Flag(r.GetValue(10)),
        Sha256 = r.GetString(11),
        Size = r.GetInt64(12),
        Pages = r.IsDBNull(13) ? null : r.GetInt32(13),
        ContentType = r.GetString(14),
        Status = r.GetString(15),
        Error = r.IsDBNull(16) ? null : r.GetString(16),
        Warnings = IngestNotesJson.Read(r.GetString(17)),
        CreatedAt = Time(r.GetValue(18)),
        UpdatedAt = Time(r.GetValue(19)),
        Chunks = Convert.ToInt32(r.GetValue(20), CultureInfo.InvariantCulture),
        HasOriginal = Flag(r.GetValue(21)),
    };

    public static RetrievedChunk RetrievedChunk(DbDataReader r) => new()
    {
        ChunkId = r.GetInt64(0),
        DocumentId = r.GetInt64(1),
        Library = r.GetString(2),
        Source = r.GetString(3),
        Title = r.GetString(4),
        Kind = r.GetString(5),
        Identity = r.IsDBNull(6) ? null : r.GetString(6),
        Revision = r.IsDBNull(7) ? null : r.GetString(7),
        Superseded = Flag(r.GetValue(8)),
        Page = r.IsDBNull(9) ? null : r.GetInt32(9),
        Locator = r.GetString(10),
        Context = r.GetString(11),
        Text = r.GetString(12),
        TokenCount = r.GetInt32(13),
        Boxes = Boxes(r.GetString(14)),
    };

    /// <summary>A chunk's page boxes, stored as a JSON array of <see cref="PageBox"/>.</summary>
    public static List<PageBox> Boxes(string json) => JsonSerializer.Deserialize<List<PageBox>>(json, JsonSerializerOptions.Web) ?? [];

    private static bool Flag(object value) => value is bool flag ? flag : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;

    private static DateOnly Date(object value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => DateOnly.Parse((string)value, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset Time(object value) => value switch
    {
        DateTimeOffset time => time,
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture),
    };
}
