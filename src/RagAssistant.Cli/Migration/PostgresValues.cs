using System.Globalization;
using NpgsqlTypes;

namespace RagAssistant.Cli.Migration;

/// <summary>
/// A SQLite value as the PostgreSQL column of the same name takes it. SQLite stores times as round-trip text, flags as
/// 0/1, dates as yyyy-MM-dd, JSON as text and job ids as text; the target's column type says which it was.
/// </summary>
internal static class PostgresValues
{
    public static object? Convert(object? value, string postgresType)
    {
        if (value is null or DBNull) return null;
        var invariant = CultureInfo.InvariantCulture;
        return postgresType switch
        {
            "int8" => System.Convert.ToInt64(value, invariant),
            "int4" => System.Convert.ToInt32(value, invariant),
            "int2" => System.Convert.ToInt16(value, invariant),
            "bool" => System.Convert.ToInt64(value, invariant) != 0,
            "float8" => System.Convert.ToDouble(value, invariant),
            "float4" => System.Convert.ToSingle(value, invariant),
            "text" or "varchar" or "bpchar" or "jsonb" or "json" => value as string ?? System.Convert.ToString(value, invariant),
            // Every store writes UTC round-trip text; a time without an offset is read as UTC, as the stores read it.
            "timestamptz" => DateTimeOffset.Parse((string)value, invariant, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            "date" => DateOnly.Parse((string)value, invariant),
            "bytea" => (byte[])value,
            "uuid" => Guid.Parse((string)value),
            _ => throw new InvalidOperationException($"no conversion to PostgreSQL type {postgresType}"),
        };
    }

    /// <summary>The binary COPY type of a column; null for a type <see cref="Convert"/> does not know.</summary>
    public static NpgsqlDbType? DbType(string postgresType) => postgresType switch
    {
        "int8" => NpgsqlDbType.Bigint,
        "int4" => NpgsqlDbType.Integer,
        "int2" => NpgsqlDbType.Smallint,
        "bool" => NpgsqlDbType.Boolean,
        "float8" => NpgsqlDbType.Double,
        "float4" => NpgsqlDbType.Real,
        "text" => NpgsqlDbType.Text,
        "varchar" => NpgsqlDbType.Varchar,
        "bpchar" => NpgsqlDbType.Char,
        "jsonb" => NpgsqlDbType.Jsonb,
        "json" => NpgsqlDbType.Json,
        "timestamptz" => NpgsqlDbType.TimestampTz,
        "date" => NpgsqlDbType.Date,
        "bytea" => NpgsqlDbType.Bytea,
        "uuid" => NpgsqlDbType.Uuid,
        _ => null,
    };
}
