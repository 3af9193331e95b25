using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Generation.Checking;

/// <summary>The answer after checking: its text with invalid citation markers removed, the source numbers it cites
/// (in order of first citation), how many markers were removed, and the numbers no cited source contains.</summary>
public sealed record CheckedAnswer(string Text, IReadOnlyList<int> Cited, int RemovedCitations, IReadOnlyList<string> UnsupportedNumbers);

/// <summary>
/// Checks a generated answer against the sources it was given: every citation marker ([1], [1, 3], [1][3], 【2】) must
/// name a provided source — others are removed and counted; every number in the answer must appear in one of the
/// sources it cites (or in the question itself) — others are flagged. Numbers are compared as written after folding
/// (full-width digits, thousands separators), so "0.10" is not "0.1": the prompt asks for numbers quoted exactly.
/// </summary>
public static partial class CitationChecker
{
    public static CheckedAnswer Check(string answer, int sourceCount, Func<int, string> sourceText, string question)
    {
        var (text, cited, removed) = CheckMarkers(answer, sourceCount);
        var allowed = new HashSet<string>(Numbers(question));
        foreach (var n in cited)
            allowed.UnionWith(Numbers(sourceText(n)));
        var unsupported = Numbers(Marker().Replace(text, " "))
            .Where(n => !allowed.Contains(n))
            .Distinct()
            .ToList();
        return new CheckedAnswer(text, cited, removed, unsupported);
    }

    /// <summary>The text <see cref="Check"/> makes of an answer, without the rest of the check: what a stream shows (<see cref="CheckedStream"/>).</summary>
    public static string CheckedText(string answer, int sourceCount) => CheckMarkers(answer, sourceCount).Text;

    private static (string Text, List<int> Cited, int Removed) CheckMarkers(string answer, int sourceCount)
    {
        var removed = 0;
        var cited = new List<int>();
        var text = Marker().Replace(answer, m =>
        {
            var kept = new List<int>();
            foreach (Capture c in m.Groups["n"].Captures)
            {
                if (int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= sourceCount)
                {
                    kept.Add(n);
                    if (!cited.Contains(n)) cited.Add(n);
                }
                else
                {
                    removed++;
                }
            }
            // A removed marker takes the spaces before it along, so "25 N·m [7] 见" does not become "25 N·m  见" —
            // unless another marker follows ("r/min [0][1]" keeps its space for the [1]).
            var end = m.Index + m.Length;
            var markerFollows = end < answer.Length && answer[end] is '[' or '【';
            return kept.Count > 0 ? m.Groups["lead"].Value + "[" + string.Join("][", kept) + "]"
                : markerFollows ? m.Groups["lead"].Value : "";
        });
        return (SpaceBeforePunctuation().Replace(text, "$1").Trim(), cited, removed);
    }

    /// <summary>
    /// The text with every citation-shaped marker given full-width brackets ("[3]" → "［3］", "【2】" → "［2］"): for text
    /// that is not the answerer's to cite with, such as a quoted document line.
    /// </summary>
    public static string DisarmMarkers(string text) =>
        Marker().Replace(text, m => m.Value.Replace('[', '［').Replace('【', '［').Replace(']', '］').Replace('】', '］'));

    /// <summary>The numbers in a text, folded (NFKC, thousands separators dropped); list markers such as "1." at a line start are not numbers of the answer.</summary>
    public static IEnumerable<string> Numbers(string text) => Core.Language.NumberTokens.In(text);

    /// <summary>A citation marker: [1], [1, 3], 【2】; also what <see cref="CheckedStream"/> holds back at the end of a stream.</summary>
    internal const string MarkerPattern = @"[\[【]\s*(?<n>\d{1,3})(?:\s*[,，、;]\s*(?<n>\d{1,3}))*\s*[\]】]";

    [GeneratedRegex(@"(?<lead>[ \t\u3000]*)" + MarkerPattern)]
    private static partial Regex Marker();



    [GeneratedRegex(@"\s+([。，,.;；!?！？])")]
    private static partial Regex SpaceBeforePunctuation();
}
