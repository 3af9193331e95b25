using System.Data.Common;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Jobs;

namespace RagAssistant.Core.Storage.Rows;

/// <summary>
/// An <c>ingest_jobs</c> row as both stores read it back: the columns in one order and the job they make. The drivers
/// convert the stored id and times (SQLite keeps them as text, PostgreSQL as uuid and timestamptz) to
/// <see cref="Guid"/> and <see cref="DateTimeOffset"/>.
/// </summary>
public static class IngestJobRow
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "id, file_name, library, bytes, state, outcome, document_id, chunks, reason, warnings, user_name, attempts, queued_at, finished_at, problem";

    public static IngestJob Read(DbDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetFieldValue<DateTimeOffset>(12))
        {
            State = IngestJobStates.Parse(r.GetString(4)),
            Outcome = NullableString(r, 5),
            DocumentId = r.IsDBNull(6) ? null : r.GetInt64(6),
            Chunks = r.GetInt32(7),
            Reason = NullableString(r, 8),
            Warnings = IngestNotesJson.Read(r.GetString(9)),
            Problem = IngestProblems.Parse(NullableString(r, 14)),
            User = NullableString(r, 10),
            Attempts = r.GetInt32(11),
            FinishedAt = r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13),
        };

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
