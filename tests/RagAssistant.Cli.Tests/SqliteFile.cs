using Microsoft.Data.Sqlite;

namespace RagAssistant.Cli.Tests;

/// <summary>Raw SQL on a knowledge-base file, for tests that damage or inspect it behind rag's back (no pool: the file is closed after).</summary>
public static class SqliteFile
{
    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadWriteCreate;Pooling=False");
        connection.Open();
        return connection;
    }
}
