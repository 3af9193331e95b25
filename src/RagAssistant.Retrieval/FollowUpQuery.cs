using System.Text.RegularExpressions;
using RagAssistant.Core.Language;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Text;

namespace RagAssistant.Retrieval;

/// <summary>
/// Makes a follow-up question searchable without an LLM. A question counts as a follow-up when it opens with a
/// referring word (那/那么/它/这个/还有/and/what about …) or is short (<see cref="RelevanceOptions.FollowUpMaxChineseChars"/>
/// characters of Chinese, 12 by default; <see cref="RelevanceOptions.FollowUpMaxEnglishWords"/> English words, 5).
/// When the follow-up names something of the same type as the previous question — a thread (M8 → M10), an operation
/// (第60工序 → 第40工序), a material, an alarm or part code, a clause, a quantity with its unit (1.2 MPa → 1.8 MPa) — the
/// previous question is repeated with that slot replaced ("那M10的呢？" after "M8 螺栓拧紧扭矩是多少？" becomes
/// "M10 螺栓拧紧扭矩是多少？"), and a manufacturing term replaces the previous question's term of the same kind ("剃齿呢？"
/// after a question on 滚齿); otherwise the previous question is put in front of the follow-up.
/// </summary>
public static class FollowUpQuery
{
    /// <summary>
    /// The shortest term, and the shortest ending a follow-up's word completes (硬度 of 表面硬度): two characters. A single
    /// character is no term of a kind — the manufacturing dictionary holds none — so this is no tuned number.
    /// </summary>
    private const int ShortestTerm = 2;

    /// <param name="isTerm">Whether a Chinese word is a manufacturing term (the segmenter's dictionary); with it, a named
    /// operation or property replaces the one of the same kind in the previous question (滚齿 → 剃齿).</param>
    /// <param name="options">What counts as a short follow-up and how long its terms are (<see cref="RelevanceOptions"/>,
    /// <c>Rag:Relevance</c>); the defaults when null.</param>
    public static string Compose(IReadOnlyList<string> history, string question, Func<string, bool>? isTerm = null, RelevanceOptions? options = null)
    {
        options ??= new RelevanceOptions();
        if (history.Count == 0 || !IsFollowUp(question, options)) return question;
        var previous = history[^1];
        return Substitute(previous, question)
               ?? (isTerm is null ? null : SubstituteSameKind(previous, question, isTerm, options))
               ?? SubstitutePhrases(previous, question)
               ?? previous + " " + question;
    }

    /// <summary>
    /// "And for runout at final inspection?" after "… what is the sample size and frequency for the Φ35k6 diameter at
    /// OP60?": an English follow-up made only of phrases opened by prepositions names what replaces the previous question's
    /// phrases opened by the same prepositions (its last of each) — the characteristic and the stage both change, and
    /// carrying OP60 along would ask about the wrong row. Null when the follow-up holds more than such phrases or names a
    /// preposition the previous question lacks.
    /// </summary>
    private static string? SubstitutePhrases(string previous, string followUp)
    {
        if (TextLanguage.Of(previous) != TextLanguage.English || TextLanguage.Of(followUp) != TextLanguage.English) return null;
        var rest = LanguagePatterns.FollowUpOpening.Replace(followUp.Trim(), "").Trim().TrimEnd('?', '.', '!', ' ');
        var wanted = LanguagePatterns.PrepositionPhrase.Matches(rest);
        if (wanted.Count == 0 || !string.Concat(wanted.Select(m => m.Value)).Replace(" ", "", StringComparison.Ordinal)
                .Equals(rest.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal))
            return null;
        var result = previous;
        foreach (Match phrase in wanted)
        {
            var preposition = phrase.Groups["p"].Value;
            var old = LanguagePatterns.PrepositionPhrase.Matches(result)
                .LastOrDefault(m => m.Groups["p"].Value.Equals(preposition, StringComparison.OrdinalIgnoreCase));
            if (old is null) return null;
            var np = old.Groups["np"];
            result = result[..np.Index] + phrase.Groups["np"].Value + result[(np.Index + np.Length)..];
        }
        return result;
    }

    /// <summary>
    /// "剃齿呢？" after a question on 滚齿, "心部呢？" after one on 表面硬度: Chinese terms of one kind share their last
    /// characters (滚齿/剃齿, 粗车/精车, 表面硬度/心部硬度), so the follow-up's word replaces the previous question's
    /// dictionary term of the same length and last character, or — where the word plus that term's ending is a dictionary
    /// term (心部 + 硬度) — takes the place of the term's head. The word is a run of up to
    /// <see cref="RelevanceOptions.FollowUpTermChars"/> Chinese characters, the term up to
    /// <see cref="RelevanceOptions.FollowUpReplacedTermChars"/>. Null when nothing of the kind is found.
    /// </summary>
    private static string? SubstituteSameKind(string previous, string followUp, Func<string, bool> isTerm, RelevanceOptions options)
    {
        foreach (var named in CjkSpans(followUp, options.FollowUpTermChars, ShortestTerm))
            foreach (var (at, old) in CjkSpans(previous, options.FollowUpReplacedTermChars, ShortestTerm).Where(s => isTerm(s.Text) && !s.Text.Contains(named.Text)))
                if (Replacement(old, named.Text, isTerm) is { } replacement)
                    return previous[..at] + replacement + previous[(at + old.Length)..];
        return null;
    }

    private static string? Replacement(string old, string named, Func<string, bool> isTerm)
    {
        if (named.Length == old.Length && named[^1] == old[^1] && isTerm(named)) return named;
        for (var head = 1; head <= old.Length - ShortestTerm; head++)
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

    /// <summary>
    /// Whether a question refers back: it opens with a referring word, or it is short — at most
    /// <see cref="RelevanceOptions.FollowUpMaxChineseChars"/> characters of Chinese or
    /// <see cref="RelevanceOptions.FollowUpMaxEnglishWords"/> English words.
    /// </summary>
    public static bool IsFollowUp(string question, RelevanceOptions options)
    {
        var q = question.Trim();
        if (LanguagePatterns.FollowUpOpening.IsMatch(q)) return true;
        var language = TextLanguage.Of(q);
        return language == "zh"
            ? q.Count(c => !char.IsPunctuation(c) && !char.IsWhiteSpace(c)) <= options.FollowUpMaxChineseChars
            : q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= options.FollowUpMaxEnglishWords;
    }

    /// <summary>
    /// The previous question with each slot the follow-up names replaced, or null when no slot matched. Slots are read most
    /// specific first, in both questions: a span one slot has taken is no later slot's — M10 is a thread, not a part code;
    /// the number of "alarm 2001" is no value. A value replaces one of its own kind: 1.8 MPa a pressure, not 22 hours.
    /// </summary>
    private static string? Substitute(string previous, string followUp)
    {
        var result = previous;
        var replaced = false;
        for (var slot = 0; slot < Slots.Length; slot++)
        {
            if (First(followUp, slot, []) is not { } wanted) continue;
            var old = First(result, slot, wanted.Kinds);
            if (old is null || string.Equals(Text(result, old.Value), Text(followUp, wanted), StringComparison.OrdinalIgnoreCase)) continue;
            result = result[..old.Value.Index] + Text(followUp, wanted) + result[(old.Value.Index + old.Value.Length)..];
            replaced = true;
        }
        return replaced ? result : null;
    }

    /// <summary>
    /// The first span of a text that the slot matches and no slot before it has taken; with <paramref name="kinds"/>, the
    /// first of those kinds.
    /// </summary>
    private static Span? First(string text, int slot, IReadOnlyList<string> kinds)
    {
        var taken = Slots[..slot].SelectMany(s => s(text)).ToList();
        foreach (var span in Slots[slot](text))
            if (!taken.Any(t => span.Index < t.Index + t.Length && t.Index < span.Index + span.Length)
                && (kinds.Count == 0 || span.Kinds.Intersect(kinds).Any()))
                return span;
        return null;
    }

    private static string Text(string text, Span span) => text.Substring(span.Index, span.Length);

    /// <summary>A span a slot matched; a value's kinds (pressure, duration …), none for the other slots.</summary>
    private readonly record struct Span(int Index, int Length, IReadOnlyList<string> Kinds);

    /// <summary>
    /// What a follow-up may name instead of what the previous question named, most specific first: an alarm code, an
    /// operation, a thread, a material, a clause, a part or document code, a value with its unit. They are the patterns of
    /// patterns.tsv that index the documents (and alarm-code), the units those of quantities.tsv; they ignore case, so
    /// "m10" is the thread M10, and the value spliced in keeps the case it was typed in. A clause is one written as a
    /// clause (4.2.3, 第 5.1 条, clause 5.1): a two-level number before a Chinese word is as often a value (剂量 2.0 时).
    /// </summary>
    private static readonly Func<string, IEnumerable<Span>>[] Slots =
    [
        Spans(LanguagePatterns.AlarmCode), Spans(LanguagePatterns.OperationNumber), Spans(LanguagePatterns.Thread),
        Spans(LanguagePatterns.Material), Spans(LanguagePatterns.ClauseNumber), Spans(LanguagePatterns.PartNumber),
        text => QuantityKind.ValuesIn(text).Select(v => new Span(v.Index, v.Length, v.Kinds)),
    ];

    private static Func<string, IEnumerable<Span>> Spans(Regex pattern) =>
        text => pattern.Matches(text).Select(m => new Span(m.Index, m.Length, []));
}
