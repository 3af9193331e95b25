using Microsoft.Data.Sqlite;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>Raw SQL for tests that build old schemas or look inside the file.</summary>
internal static class Sql
{
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Runs the shipped migrations up to <paramref name="version"/>, as an older build left the file.</summary>
    public static void MigrateTo(SqliteConnection connection, int version)
    {
        for (var i = 0; i < version; i++)
            Execute(connection, SchemaMigrations.All[i] + $"\nPRAGMA user_version = {i + 1};");
    }
}
