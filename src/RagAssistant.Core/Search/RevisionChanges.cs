using System.Text.RegularExpressions;

namespace RagAssistant.Core.Search;

/// <summary>
/// Questions about what changed between revisions, and passages stating a change: a revision record answers "what
/// changed" in one place, so retrieval ranks it up and the extractive answerer quotes it first.
/// </summary>
public static partial class RevisionChanges
{
    /// <summary>
    /// A question about what changed or what a value used to be (改了什么, 原来是多少, 新旧标准, what changed), or whether a
    /// value still holds (还是 229–269 HBW 吗, is it still 45 N·m); <paramref name="folded"/> is folded text.
    /// </summary>
    public static bool IsAskedIn(string folded) => ChangeQuestion().IsMatch(folded);

    /// <summary>A passage stating a change: a revision record or change note ("由 45±3 N·m 改为 48±3 N·m", "800→950 r/min", "changed from … to …").</summary>
    public static bool IsStatedIn(string text) => ChangeStatement().IsMatch(text);

    [GeneratedRegex(@"改了|改动|改成|改为|改到|变化|变更|区别|不同|差异|以前|原来|旧版|老版|新旧|新版|还是[^？?。！!]{0,30}[吗么]|what (has |was )?changed|\b(is|are) (it|they|that|this|the [\w -]{1,30}) still\b|\bstill (valid|in force|current|the same)\b|\bchanges? (between|in|from)\b|\bdiffer|\bprevious|\bused to\b|\bolder\b")]
    private static partial Regex ChangeQuestion();

    [GeneratedRegex(@"改为|改成|修改为|更改为|调整为|变更为|提高到|降低到|→|\bchanged (from|to)\b|\b(increased|decreased|reduced|raised|revised) (from|to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeStatement();
}
