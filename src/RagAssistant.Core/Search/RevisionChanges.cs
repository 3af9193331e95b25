using RagAssistant.Core.Language;

namespace RagAssistant.Core.Search;

/// <summary>
/// Passages stating a change: a revision record answers "what changed" (<see cref="QuestionIntent.AsksWhatChanged"/>) in
/// one place, so retrieval ranks it up and the extractive answerer quotes it first.
/// </summary>
public static class RevisionChanges
{
    /// <summary>
    /// A question about what changed or what a value used to be (改了什么, 原来是多少, 新旧标准, what changed), or whether a
    /// value still holds (还是 229–269 HBW 吗, is it still 45 N·m); <paramref name="folded"/> is folded text.
    /// </summary>
    public static bool IsAskedIn(string folded) => LanguagePatterns.AsksWhatChanged.IsMatch(folded);

    /// <summary>A passage stating a change: a revision record or change note ("由 45±3 N·m 改为 48±3 N·m", "800→950 r/min", "changed from … to …").</summary>
    public static bool IsStatedIn(string text) => LanguagePatterns.StatesChange.IsMatch(text);
}
