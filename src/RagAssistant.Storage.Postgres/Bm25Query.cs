using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using RagAssistant.Core.Search;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Keyword search ranked by BM25 exactly as SQLite's FTS5 computes <c>bm25(chunks_fts, 1.0, 1.0)</c>, from the term
/// statistics in <c>chunk_terms</c>, <c>chunks.term_count</c> and <c>kb_counters</c>:
/// <code>
/// score = Σ over the query's phrases i of  idf(i) · f(i)·(k1 + 1) / (f(i) + k1·(1 − b + b·D/avgdl))
/// idf(i) = ln((N − n(i) + 0.5) / (n(i) + 0.5)), and 1e-6 where that is not positive
/// </code>
/// with k1 = 1.2, b = 0.75 (FTS5's constants); f(i) = instances of phrase i in the chunk (context and text, both
/// weighted 1.0, a phrase never spanning the two), D = the chunk's tokens in both columns, avgdl = all tokens / N,
/// N = keyword rows, n(i) = chunks holding phrase i — statistics over the whole knowledge base, before any filter, as
/// FTS5's are; N and the token total count every row ever indexed, deleted ones too, as FTS5's contentless-delete
/// table does (<see cref="ChunkTermRows.CopyAsync"/>). Every phrase of the query counts, repeated ones too, as in FTS5.
/// The terms are added in the query's phrase order and each is computed in FTS5's order of operations, so the scores
/// are FTS5's to the last bit: chunks that tie on SQLite tie here too and keep the same order (by id), where a sum in
/// another order would part them by a rounding error and swap them.
/// </summary>
internal static class Bm25Query
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    /// <summary>FTS5's floor for the idf of a phrase in half the chunks or more.</summary>
    private const double MinIdf = 1e-6;

    public static NpgsqlCommand Build(NpgsqlConnection connection, KeywordQuery query, SearchFilter filter, int top)
    {
        var command = new NpgsqlCommand { Connection = connection };
        var hits = new List<string>();
        for (var i = 0; i < query.Phrases.Count; i++)
        {
            var tokens = query.Phrases[i];
            if (tokens.Count == 0) continue; // a phrase without a word matches nothing
            for (var j = 0; j < tokens.Count; j++)
                command.Parameters.Add(new NpgsqlParameter($"t{i}_{j}", NpgsqlDbType.Text) { Value = tokens[j] });
            hits.Add(tokens.Count == 1 ? Term(i) : Phrase(i, tokens.Count));
        }
        if (hits.Count == 0) return command;

        var where = new StringBuilder("TRUE");
        SearchFilterSql.Append(command, filter, where);
        var (k1, b, minIdf) = (Literal(K1), Literal(B), Literal(MinIdf));
        command.CommandText = $"""
            WITH hits (phrase, chunk_id, f) AS (
                {string.Join("\n    UNION ALL\n    ", hits)}
            ),
            matched AS (
                SELECT phrase, chunk_id, f::float8 AS f, count(*) OVER (PARTITION BY phrase)::float8 AS n_hit FROM hits WHERE f > 0
            ),
            stats AS (SELECT keyword_rows::float8 AS n, keyword_terms::float8 / greatest(keyword_rows, 1) AS avgdl FROM kb_counters WHERE id = 1)
            SELECT c.id, sum(
                   CASE WHEN ln((s.n - m.n_hit + 0.5) / (m.n_hit + 0.5)) <= 0 THEN {minIdf} ELSE ln((s.n - m.n_hit + 0.5) / (m.n_hit + 0.5)) END
                   * ((m.f * ({k1} + 1.0)) / (m.f + {k1} * (1 - {b} + {b} * c.term_count / s.avgdl)))
                   ORDER BY m.phrase) AS score
            FROM matched m CROSS JOIN stats s JOIN chunks c ON c.id = m.chunk_id
            JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
            WHERE {where}
            GROUP BY c.id
            ORDER BY score DESC, c.id
            LIMIT @top
            """;
        command.Parameters.Add(new NpgsqlParameter("top", NpgsqlDbType.Integer) { Value = top });
        return command;
    }

    /// <summary>A one-word phrase: its frequency is the number of its positions.</summary>
    private static string Term(int i) => $"SELECT {i}, chunk_id, cardinality(positions) FROM chunk_terms WHERE term = @t{i}_0";

    /// <summary>A phrase of several words: the positions of its first word followed, one by one, by the others.</summary>
    private static string Phrase(int i, int length)
    {
        var joins = new StringBuilder();
        var follows = new StringBuilder();
        for (var j = 1; j < length; j++)
        {
            joins.Append(CultureInfo.InvariantCulture, $" JOIN chunk_terms a{j} ON a{j}.term = @t{i}_{j} AND a{j}.chunk_id = a0.chunk_id");
            follows.Append(CultureInfo.InvariantCulture, $" AND p + {j} = ANY(a{j}.positions)");
        }
        return $"SELECT {i}, a0.chunk_id, (SELECT count(*) FROM unnest(a0.positions) p WHERE TRUE{follows})::int FROM chunk_terms a0{joins} WHERE a0.term = @t{i}_0";
    }

    private static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "::float8";
}
