using System.Globalization;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Jobs;
using RagAssistant.Core.Storage.Rows;

namespace RagAssistant.Storage.Sqlite;

/// <summary>The ingestion queue's jobs in the knowledge-base file (table of migration 9); each write is one short statement.</summary>
public sealed class SqliteIngestJobStore(SqliteDatabase database) : IIngestJobStore
{
    private const string Columns = IngestJobRow.Columns;

    public Task AddAsync(IngestJob job, QueuedFile file, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO ingest_jobs ({Columns}, content, path, source)
                VALUES ($id, $file, $library, $bytes, $state, $outcome, $document, $chunks, $reason, $warnings, $user, $attempts, $queued, $finished, $problem,
                        $content, $path, $source)
                """;
            Bind(command, job);
            command.Parameters.AddWithValue("$content", (object?)file.Content ?? DBNull.Value);
            command.Parameters.AddWithValue("$path", (object?)file.Path ?? DBNull.Value);
            command.Parameters.AddWithValue("$source", (object?)file.Source ?? DBNull.Value);
            command.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IngestJob>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var jobs = new List<IngestJob>();
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM ingest_jobs ORDER BY queued_at, rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read()) jobs.Add(IngestJobRow.Read(reader));
        });
        return Task.FromResult<IReadOnlyList<IngestJob>>(jobs);
    }

    public Task<QueuedFile?> ReadFileAsync(Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        QueuedFile? file = null;
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT content, path, source FROM ingest_jobs WHERE id = $id AND finished_at IS NULL";
            command.Parameters.AddWithValue("$id", Key(id));
            using var reader = command.ExecuteReader();
            if (reader.Read())
                file = new QueuedFile(reader.IsDBNull(0) ? null : (byte[])reader[0], Text(reader, 1), Text(reader, 2));
        });
        return Task.FromResult(file);
    }

    public Task SaveAsync(IngestJob job, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            // A finished job's bytes go in the same statement: they are either stored as the document's original now, or refused.
            command.CommandText = """
                UPDATE ingest_jobs SET state = $state, outcome = $outcome, document_id = $document, chunks = $chunks, reason = $reason,
                    warnings = $warnings, attempts = $attempts, finished_at = $finished, problem = $problem,
                    content = CASE WHEN $finished IS NULL THEN content END
                WHERE id = $id
                """;
            Bind(command, job);
            command.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return Task.CompletedTask;
        Run(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM ingest_jobs WHERE id = $id";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            foreach (var each in ids)
            {
                id.Value = Key(each);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        });
        return Task.CompletedTask;
    }

    private void Run(Action<SqliteConnection> action)
    {
        using var connection = database.Open();
        try
        {
            action(connection);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    private static void Bind(SqliteCommand command, IngestJob job)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", Key(job.Id));
        p.AddWithValue("$file", job.FileName);
        p.AddWithValue("$library", job.Library);
        p.AddWithValue("$bytes", job.Bytes);
        p.AddWithValue("$state", job.State.Name());
        p.AddWithValue("$outcome", (object?)job.Outcome ?? DBNull.Value);
        p.AddWithValue("$document", (object?)job.DocumentId ?? DBNull.Value);
        p.AddWithValue("$chunks", job.Chunks);
        p.AddWithValue("$reason", (object?)job.Reason ?? DBNull.Value);
        p.AddWithValue("$warnings", IngestNotesJson.Write(job.Warnings));
        p.AddWithValue("$problem", (object?)job.Problem?.ToString() ?? DBNull.Value);
        p.AddWithValue("$user", (object?)job.User ?? DBNull.Value);
        p.AddWithValue("$attempts", job.Attempts);
        p.AddWithValue("$queued", Time(job.QueuedAt));
        p.AddWithValue("$finished", job.FinishedAt is { } at ? Time(at) : DBNull.Value);
    }

    private static string Key(Guid id) => id.ToString("D");
    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // Round-trip ("o") text sorts in time order within one offset, and every time here is UTC.
    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
}
