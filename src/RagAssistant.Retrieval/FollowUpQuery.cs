using RagAssistant.Core.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Retrieval;

/// <summary>
/// Makes a follow-up question searchable without an LLM. A question counts as a follow-up when it opens with a
/// referring word (那/那么/它/这个/还有/and/what about …) or is short (≤ 12 characters of Chinese, ≤ 5 English words).
/// When the follow-up names something of the same type as the previous question — a thread (M8 → M10), an operation
/// (第60工序 → 第40工序), a material, an alarm or part code, a clause, a quantity with its unit (1.2 MPa → 1.8 MPa) — the
/// previous question is repeated with that slot replaced ("那M10的呢？" after "M8 螺栓拧紧扭矩是多少？" becomes
/// "M10 螺栓拧紧扭矩是多少？"), and a manufacturing term replaces the previous question's term of the same kind ("剃齿呢？"
/// after a question on 滚齿); otherwise the previous question is put in front of the follow-up.
/// </summary>
public static partial class FollowUpQuery
{
    /// <param name="isTerm">Whether a Chinese word is a manufacturing term (the segmenter's dictionary); with it, a named
    /// operation or property replaces the one of the same kind in the previous question (滚齿 → 剃齿).</param>
    public static string Compose(IReadOnlyList<string> history, string question, Func<string, bool>? isTerm = null)
    {
        if (history.Count == 0 || !IsFollowUp(question)) return question;
        var previous = history[^1];
        return Substitute(previous, question) ?? (isTerm is null ? null : SubstituteSameKind(previous, question, isTerm)) ?? previous + " " + question;
    }

    /// <summary>
    /// "剃齿呢？" after a question on 滚齿, "心部呢？" after one on 表面硬度: Chinese terms of one kind share their last
    /// characters (滚齿/剃齿, 粗车/精车, 表面硬度/心部硬度), so the follow-up's word replaces the previous question's
    /// dictionary term of the same length and last character, or — where the word plus that term's ending is a dictionary
    /// term (心部 + 硬度) — takes the place of the term's head. Null when nothing of the kind is found.
    /// </summary>
    private static string? SubstituteSameKind(string previous, string followUp, Func<string, bool> isTerm)
    {
        foreach (var named in CjkSpans(followUp, 4, 2))
            foreach (var (at, old) in CjkSpans(previous, 6, 2).Where(s => isTerm(s.Text) && !s.Text.Contains(named.Text)))
                if (Replacement(old, named.Text, isTerm) is { } replacement)
                    return previous[..at] + replacement + previous[(at + old.Length)..];
        return null;
    }

    private static string? Replacement(string old, string named, Func<string, bool> isTerm)
    {
        if (named.Length == old.Length && named[^1] == old[^1] && isTerm(named)) return named;
        for (var head = 1; head <= old.Length - 2; head++)
            if (isTerm(named + old[head..])) return named + old[head..];
        return null;
    }

    /// <summary>Runs of Chinese characters of the given lengths, longest first, with where they start.</summary>
    private static IEnumerable<(int At, string Text)> CjkSpans(string text, int longest, int shortest)
    {
        for (var length = longest; length >= shortest; length--)
            for (var at = 0; at + length <= text.Length; at++)
            {
                var span = text.Substring(at, length);
                if (span.All(Core.Text.CjkText.IsCjk)) yield return (at, span);
            }
    }

    public static bool IsFollowUp(string question)
    {
        var q = question.Trim();
        if (Referring().IsMatch(q)) return true;
        var language = TextLanguage.Of(q);
        return language == "zh" ? q.Count(c => !char.IsPunctuation(c) && !char.IsWhiteSpace(c)) <= 12 : q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;
    }

    /// <summary>The previous question with each slot the follow-up names replaced, or null when no slot matched.</summary>
    private static string? Substitute(string previous, string followUp)
    {
        var result = previous;
        var replaced = false;
        var used = new List<(int Start, int End)>();
        foreach (var slot in Slots)
        {
            var wanted = slot.Match(followUp);
            if (!wanted.Success || used.Any(u => wanted.Index < u.End && u.Start < wanted.Index + wanted.Length)) continue;
            used.Add((wanted.Index, wanted.Index + wanted.Length));
            var old = slot.Match(result);
            if (!old.Success || string.Equals(old.Value, wanted.Value, StringComparison.OrdinalIgnoreCase)) continue;
            result = result[..old.Index] + wanted.Value + result[(old.Index + old.Length)..];
            replaced = true;
        }
        return replaced ? result : null;
    }

    // Most specific first: a quantity's number must not be taken for a code, nor an alarm number for a quantity.
    private static readonly Regex[] Slots = [Alarm(), Operation(), Thread(), Material(), Clause(), PartCode(), Quantity()];

    [GeneratedRegex(@"^(那|那么|它|它的|这个|这些|那个|该|还有|另外|其|and\b|what about|how about|and the|also|same for|its\b|their\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Referring();

    [GeneratedRegex(@"(?:alarm|报警号?|故障码)\s*(?:code\s*)?[A-Z]{0,3}\d{3,5}", RegexOptions.IgnoreCase)]
    private static partial Regex Alarm();

    [GeneratedRegex(@"第\s*\d{1,4}\s*(?:道\s*)?工序|\bOP\s*\d{1,4}\b|\d{1,4}\s*工序", RegexOptions.IgnoreCase)]
    private static partial Regex Operation();

    [GeneratedRegex(@"(?<![A-Za-z0-9])M\d{1,3}(?:\.\d+)?(?:\s*[x×*]\s*\d+(?:\.\d+)?)?(?![\d.])")]
    private static partial Regex Thread();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:\d{2}(?:Cr|Mn|Mo|Ni|Si|Ti|V|B|Al)+\w{0,6}|QT\d{3}-\d{1,2}|HT\d{3}|ZG\d{3}-\d{3}|\d{4}-T\d{1,2})(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Material();

    [GeneratedRegex(@"(?<![\d.])[1-9]\d?(?:\.\d{1,3}){1,4}(?=\s*[条款节])|(?<=(?:clause|section)\s*)[1-9]\d?(?:\.\d{1,3}){1,4}", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2,5}(?:-[A-Z]{1,5})?-?\d{2,}(?:-\d{1,6}[A-Z]?){0,3}(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex PartCode();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*(?:MPa|kPa|bar|kN|N·m|N\.m|Nm|mm/r|mm|r/min|rpm|°C|℃|HRC|HBW|HV|kg|min|h|%)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();
}
