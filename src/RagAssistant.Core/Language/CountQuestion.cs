using System.Text.RegularExpressions;

namespace RagAssistant.Core.Language;

/// <summary>
/// "How many shareholders" asks for the number of shareholders: glossaries and documents name the count as a noun
/// phrase (股东总数 "number of shareholders", 齿数 "number of teeth", 员工人数 "number of employees"), which a question
/// asking "how many" never writes. Read as "number of", the question's English meets those phrases.
/// </summary>
public static partial class CountQuestion
{
    /// <summary>The English words of a folded text, "how many" read as "number of" (Chinese and other characters left out).</summary>
    public static string EnglishAsNumberOf(string folded) =>
        HowMany().Replace(string.Join(" ", EnglishWord().Matches(folded).Select(m => m.Value)), "number of");

    /// <summary>Whether a folded text asks "how many".</summary>
    public static bool AsksHowMany(string folded) => HowMany().IsMatch(folded);

    [GeneratedRegex(@"\bhow many\b")]
    private static partial Regex HowMany();

    [GeneratedRegex(@"[a-z][a-z0-9]*")]
    private static partial Regex EnglishWord();
}
