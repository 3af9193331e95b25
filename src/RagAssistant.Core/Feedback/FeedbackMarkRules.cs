using RagAssistant.Core.Evaluation;

namespace RagAssistant.Core.Feedback;

/// <summary>What is wrong with a proposed mark: the field and the reason (the UI words each in its language).</summary>
public enum FeedbackMarkProblem
{
    NoPassageChosen,
    PassageEmpty,
    PassageTooShort,
    PassageTooLong,
    PassageNotInChunk,
    ExpectedEmpty,
    ExpectedTooLong,
    SplitUnknown,
}

/// <summary>
/// The checks a mark passes before it is stored. The passage string follows EVAL.md's rule for <c>contains</c>: at least
/// <see cref="MinPassage"/> characters after normalisation (<see cref="GoldMatcher.Normalize"/>) and found in the chosen
/// chunk's indexed text, so the exported gold item matches the chunk it was marked on. The expected value is one or more
/// strings separated by ";" or new lines, each at most <see cref="MaxExpected"/> characters.
/// </summary>
public static class FeedbackMarkRules
{
    public const int MinPassage = 6;
    public const int MaxPassage = 200;
    public const int MaxExpected = 100;
    public const string Dev = "dev";
    public const string Test = "test";

    public static IReadOnlyList<string> Splits { get; } = [Dev, Test];

    /// <summary>The expected value as the list of strings it names (blank pieces dropped).</summary>
    public static IReadOnlyList<string> SplitExpected(string? expected) =>
        (expected ?? "").Split([';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every problem of the proposed mark; none means it may be stored.</summary>
    /// <param name="indexedText">The chosen chunk's indexed text (context and text); null when no passage was chosen.</param>
    public static IReadOnlyList<FeedbackMarkProblem> Check(string? indexedText, string? passage, string? expected, string? split)
    {
        var problems = new List<FeedbackMarkProblem>();
        var normalized = GoldMatcher.Normalize(passage ?? "");
        if (indexedText is null) problems.Add(FeedbackMarkProblem.NoPassageChosen);
        if (normalized.Length == 0) problems.Add(FeedbackMarkProblem.PassageEmpty);
        else if (normalized.Length < MinPassage) problems.Add(FeedbackMarkProblem.PassageTooShort);
        else if ((passage ?? "").Trim().Length > MaxPassage) problems.Add(FeedbackMarkProblem.PassageTooLong);
        else if (indexedText is not null && !GoldMatcher.Normalize(indexedText).Contains(normalized, StringComparison.Ordinal))
            problems.Add(FeedbackMarkProblem.PassageNotInChunk);
        var values = SplitExpected(expected);
        if (values.Count == 0) problems.Add(FeedbackMarkProblem.ExpectedEmpty);
        else if (values.Any(v => v.Length > MaxExpected)) problems.Add(FeedbackMarkProblem.ExpectedTooLong);
        if (split is not (Dev or Test)) problems.Add(FeedbackMarkProblem.SplitUnknown);
        return problems;
    }

    /// <summary>
    /// A default passage string for a chunk: the first line of its text, cut at about 40 characters — usually what sets a
    /// row or a clause apart from its neighbours; the administrator may shorten or change it.
    /// </summary>
    public static string SuggestPassage(string chunkText)
    {
        var line = chunkText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        if (line.Length <= 40) return line;
        var cut = line.LastIndexOf(' ', 40);
        return line[..(cut >= 20 ? cut : 40)].TrimEnd();
    }
}
