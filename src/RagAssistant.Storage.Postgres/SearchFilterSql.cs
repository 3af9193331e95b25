using System.Text;
using Npgsql;
using NpgsqlTypes;
using RagAssistant.Core.Search;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Every <see cref="SearchFilter"/> condition as SQL over <c>chunks c</c>, <c>documents d</c> and <c>libraries l</c>:
/// the same conditions for keyword search, chunk loading and (through <see cref="IndexedVector"/>'s tags) dense search.
/// </summary>
internal static class SearchFilterSql
{
    public static void Append(NpgsqlCommand command, SearchFilter filter, StringBuilder where)
    {
        if (filter.Libraries is { Count: > 0 } libraries)
        {
            // PostgreSQL text cannot hold U+0000, which AccessScope's "no library" name uses precisely so that it names no
            // real library (Libraries.Check refuses control characters): such names match nothing, and a list of only
            // such names must still match nothing rather than become "no restriction".
            var names = libraries.Where(name => !name.Contains('\0', StringComparison.Ordinal)).ToArray();
            where.Append(" AND l.name = ANY(@filter_libraries)");
            command.Parameters.Add(new NpgsqlParameter("filter_libraries", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = names });
        }
        if (filter.Kinds is { Count: > 0 } kinds)
        {
            where.Append(" AND d.kind = ANY(@filter_kinds)");
            command.Parameters.Add(new NpgsqlParameter("filter_kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = kinds.ToArray() });
        }
        if (filter.Identity is { } identity)
        {
            // A blank identity has no key: "= NULL" matches nothing, as in the SQLite store.
            where.Append(" AND d.identity_key = @filter_identity");
            command.Parameters.Add(new NpgsqlParameter("filter_identity", NpgsqlDbType.Text) { Value = (object?)IdentityKeys.Of(identity) ?? DBNull.Value });
        }
        if (filter.CurrentOnly) where.Append(" AND NOT d.superseded");
        if (filter.Language is { } language)
        {
            where.Append(" AND c.language = @filter_language");
            command.Parameters.Add(new NpgsqlParameter("filter_language", NpgsqlDbType.Text) { Value = language });
        }
    }
}
