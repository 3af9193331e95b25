namespace RagAssistant.Core.Language;

/// <summary>
/// The words that frame a question rather than say what it is about (的, 什么, 如何, the, what …), read from the data file
/// question-words.txt; the query analyzer leaves them out of the terms, and a Chinese interrogative or pronoun term
/// (<see cref="LanguagePatterns.FunctionWord"/>) weighs nothing in an answer.
/// </summary>
public static class QuestionWords
{
    private static readonly Lazy<HashSet<string>> Words = new(() => LanguagePatterns.ReadResource("question-words.txt")
        .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether a folded term is a framing word.</summary>
    public static bool IsFraming(string term) => Words.Value.Contains(term);

    /// <summary>Whether a folded term of a question says how it is asked (a framing word, an interrogative, a pronoun), not what about.</summary>
    public static bool IsFunctionWord(string term) => IsFraming(term) || LanguagePatterns.FunctionWord.IsMatch(term);

    public static int Count => Words.Value.Count;
}
