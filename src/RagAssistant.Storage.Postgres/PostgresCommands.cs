using Npgsql;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Statements with positional parameters ($1, $2, …) in the order of the values given: the stores' SQL reads top to
/// bottom without a name per value. A null value is sent as SQL NULL.
/// </summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, CancellationToken cancellationToken, string sql, params object?[] values)
    {
        await using var command = Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A time as Npgsql writes it to timestamptz: it accepts only offset zero.</summary>
    public static DateTimeOffset Utc(DateTimeOffset at) => at.ToUniversalTime();
}
