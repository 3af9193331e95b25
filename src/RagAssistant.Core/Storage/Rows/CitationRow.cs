using System.Data.Common;
using RagAssistant.Core.Answers;

namespace RagAssistant.Core.Storage.Rows;

/// <summary>
/// A stored copy of a <see cref="Citation"/> (a <c>turn_citations</c> row without its turn and ordinal): the columns in
/// one order, the values to bind and the reader back, shared by the SQLite and PostgreSQL stores so both keep the same
/// copy. Engine differences stay in the drivers: a flag binds as a bool (SQLite keeps 0/1, PostgreSQL a boolean) and the
/// boxes as JSON text (a TEXT column, or a jsonb column the statement casts to).
/// </summary>
public static class CitationRow
{
    /// <summary>The columns, in the order of <see cref="Values"/> and <see cref="Read"/>.</summary>
    public const string Columns = "n, chunk_id, document_id, library, source, title, identity, revision, superseded, page, locator, text, boxes, score";

    /// <summary>The columns as a statement that joins reads them from table alias <paramref name="alias"/>.</summary>
    public static string ColumnsOf(string alias) => string.Join(", ", Columns.Split(", ").Select(c => $"{alias}.{c}"));

    /// <summary>How many columns <see cref="Columns"/> names.</summary>
    public const int Count = 14;

    /// <summary>The values of <see cref="Columns"/>; null where the citation has none.</summary>
    public static object?[] Values(Citation c) =>
    [
        c.N, c.ChunkId, c.DocumentId, c.Library, c.Source, c.Title, c.Identity, c.Revision, c.Superseded, c.Page, c.Locator,
        c.Text, StoredJson.Write(c.Boxes), c.Score,
    ];

    /// <summary>The citation whose <see cref="Columns"/> start at column <paramref name="first"/> of the reader's row.</summary>
    public static Citation Read(DbDataReader r, int first) => new()
    {
        N = r.GetInt32(first),
        ChunkId = r.GetInt64(first + 1),
        DocumentId = r.GetInt64(first + 2),
        Library = NullableString(r, first + 3),
        Source = r.GetString(first + 4),
        Title = r.GetString(first + 5),
        Identity = NullableString(r, first + 6),
        Revision = NullableString(r, first + 7),
        Superseded = r.GetBoolean(first + 8),
        Page = r.IsDBNull(first + 9) ? null : r.GetInt32(first + 9),
        Locator = r.GetString(first + 10),
        Text = r.GetString(first + 11),
        Boxes = StoredJson.ReadBoxes(r.GetString(first + 12)),
        Score = r.GetDouble(first + 13),
    };

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
