using System.Text.RegularExpressions;

namespace RagAssistant.Retrieval;

/// <summary>
/// Makes a follow-up question searchable without an LLM: "那M10的呢？" after "M8 螺栓拧紧扭矩是多少？" carries no subject of
/// its own, so the previous question is put in front of it. A question counts as a follow-up when it opens with a
/// referring word (那/那么/它/这个/还有/and/what about …) or is short (≤ 12 characters of Chinese, ≤ 5 English words).
/// </summary>
public static partial class FollowUpQuery
{
    public static string Compose(IReadOnlyList<string> history, string question)
    {
        if (history.Count == 0) return question;
        return IsFollowUp(question) ? history[^1] + " " + question : question;
    }

    public static bool IsFollowUp(string question)
    {
        var q = question.Trim();
        if (Referring().IsMatch(q)) return true;
        var language = QueryAnalyzer.LanguageOf(q.ToLowerInvariant());
        return language == "zh" ? q.Count(c => !char.IsPunctuation(c) && !char.IsWhiteSpace(c)) <= 12 : q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;
    }

    [GeneratedRegex(@"^(那|那么|它|它的|这个|这些|那个|该|还有|另外|其|and\b|what about|how about|and the|also|same for|its\b|their\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Referring();
}
