using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagAssistant.Storage.Sqlite.Benchmarks;

/// <summary>
/// Fills a knowledge base with synthetic documents of embedded chunks for benchmarks of the dense index (<c>rag bench
/// index</c>): one transaction of plain inserts, so a million chunks take minutes rather than the hours ingestion would.
/// The rows are real rows (the schema's triggers run: write generation, index change log); only the keyword index is left
/// out, as nothing the benchmark measures reads it.
/// </summary>
public static class SyntheticKnowledgeBase
{
    /// <summary>Adds <paramref name="chunks"/> chunks, <paramref name="chunksPerDocument"/> per document, each with the next vector of <paramref name="nextVector"/>.</summary>
    public static void Write(SqliteDatabase database, string library, string model, int chunks, int chunksPerDocument, Func<float[]> nextVector,
        Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunksPerDocument);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, "INSERT OR IGNORE INTO libraries (name, created_at) VALUES ($name, $now)", ("$name", library), ("$now", now));
        var libraryId = (long)Scalar(connection, "SELECT id FROM libraries WHERE name = $name", ("$name", library))!;
        var first = (long)Scalar(connection, "SELECT coalesce(max(id), 0) + 1 FROM documents")!;

        using var document = connection.CreateCommand();
        document.CommandText = """
            INSERT INTO documents (library_id, source, file_name, title, kind, identity, identity_key, sha256, size, content_type,
                status, created_at, updated_at)
            VALUES ($library, $source, $source, $source, 'other', $source, $source, $source, 0, 'text', 'ready', $now, $now) RETURNING id
            """;
        document.Parameters.AddWithValue("$library", libraryId);
        document.Parameters.AddWithValue("$now", now);
        var pSource = document.Parameters.Add("$source", SqliteType.Text);

        using var chunk = connection.CreateCommand();
        chunk.CommandText = """
            INSERT INTO chunks (document_id, ordinal, text, context, locator, token_count, vector, model, dimension, language)
            VALUES ($doc, $ordinal, $text, '', $text, 1, $vector, $model, $dimension, 'en')
            """;
        var pDoc = chunk.Parameters.Add("$doc", SqliteType.Integer);
        var pOrdinal = chunk.Parameters.Add("$ordinal", SqliteType.Integer);
        var pText = chunk.Parameters.Add("$text", SqliteType.Text);
        var pVector = chunk.Parameters.Add("$vector", SqliteType.Blob);
        var pDimension = chunk.Parameters.Add("$dimension", SqliteType.Integer);
        chunk.Parameters.AddWithValue("$model", model);

        for (var written = 0; written < chunks;)
        {
            pSource.Value = string.Create(CultureInfo.InvariantCulture, $"synthetic-{first + written / chunksPerDocument}");
            pDoc.Value = (long)document.ExecuteScalar()!;
            for (var ordinal = 0; ordinal < chunksPerDocument && written < chunks; ordinal++, written++)
            {
                var vector = nextVector();
                pOrdinal.Value = ordinal;
                pText.Value = string.Create(CultureInfo.InvariantCulture, $"chunk {written}");
                pVector.Value = VectorBlob.ToBytes(vector);
                pDimension.Value = vector.Length;
                chunk.ExecuteNonQuery();
            }
            if (written % 100_000 < chunksPerDocument) log?.Invoke($"{written:N0} / {chunks:N0} chunks written");
        }
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
