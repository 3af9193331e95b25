using Npgsql;
using RagAssistant.Core.Documents;

namespace RagAssistant.Storage.Postgres;

/// <summary>The revisions of one identity group (library + kind + identity key) and their superseded marks.</summary>
internal static class RevisionGroup
{
    /// <summary>Marks every revision of the group superseded except the newest (<see cref="RevisionMarks.Superseded"/>).</summary>
    public static async Task RemarkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long libraryId, string kind, string? identityKey, CancellationToken cancellationToken)
    {
        if (identityKey is null) return;
        var revisions = new List<(long Id, DocumentRevision Revision)>();
        await using (var command = Sql.Command(connection, transaction, """
            SELECT id, revision, effective_date, revision_year, identity FROM documents
            WHERE library_id = @library AND kind = @kind AND identity_key = @key
            """, ("library", libraryId), ("kind", kind), ("key", identityKey)))
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
                revisions.Add((r.GetInt64(0), RevisionMarks.Read(
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(1) ? null : r.GetString(1),
                    r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetInt32(3))));
        }
        if (revisions.Count == 0) return;
        foreach (var (id, superseded) in RevisionMarks.Superseded(revisions))
            await Sql.ExecuteAsync(connection, transaction, "UPDATE documents SET superseded = @s WHERE id = @id", cancellationToken, ("s", superseded), ("id", id));
    }
}
