namespace RagAssistant.Storage.Postgres;

/// <summary>
/// A keyword query as the retriever writes it (<c>AnalyzedQuery.MatchExpression</c>): phrases OR-ed, each
/// double-quoted (a doubled quote inside is one quote) or a bare word. Each phrase is tokenized like the index
/// (<see cref="KeywordTokens"/>). Duplicates are kept, as FTS5 keeps them: a phrase given twice counts twice in BM25.
/// </summary>
internal sealed record KeywordQuery(IReadOnlyList<IReadOnlyList<string>> Phrases)
{
    /// <summary>Parses <paramref name="expression"/>; throws <see cref="ArgumentException"/> on syntax this store does not run (AND, NOT, NEAR, groups, columns).</summary>
    public static KeywordQuery Parse(string expression)
    {
        var phrases = new List<IReadOnlyList<string>>();
        var i = 0;
        var expectPhrase = true;
        while (true)
        {
            while (i < expression.Length && char.IsWhiteSpace(expression[i])) i++;
            if (i >= expression.Length) break;
            if (!expectPhrase)
            {
                if (string.CompareOrdinal(expression, i, "OR", 0, 2) != 0 || (i + 2 < expression.Length && !char.IsWhiteSpace(expression[i + 2]) && expression[i + 2] != '"'))
                    throw Invalid(expression, $"expected OR at {i}");
                i += 2;
                expectPhrase = true;
                continue;
            }
            string phrase;
            if (expression[i] == '"')
            {
                var text = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= expression.Length) throw Invalid(expression, "unterminated string");
                    if (expression[i] == '"')
                    {
                        if (i + 1 < expression.Length && expression[i + 1] == '"') { text.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    text.Append(expression[i++]);
                }
                phrase = text.ToString();
            }
            else
            {
                var start = i;
                while (i < expression.Length && !char.IsWhiteSpace(expression[i])) i++;
                phrase = expression[start..i];
                if (phrase is "AND" or "NOT" or "NEAR" || phrase.IndexOfAny(['(', ')', ':', '*', '^', '+', '{', '}']) >= 0)
                    throw Invalid(expression, $"'{phrase}' is FTS5 syntax this store does not run (only OR-ed phrases)");
            }
            phrases.Add(KeywordTokens.Of(phrase));
            expectPhrase = false;
        }
        if (expectPhrase && phrases.Count > 0) throw Invalid(expression, "ends with OR");
        return new KeywordQuery(phrases);
    }

    private static ArgumentException Invalid(string expression, string why) =>
        new($"invalid keyword query: {why}: {expression}", "matchExpression");
}
