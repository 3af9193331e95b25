using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A short line saying that a table goes on from the page before: "资产负债表(续表)", "续表", "表 3（续）", "Table 3
/// (continued)", "(cont.)". Printed over the continued rows, it is the table's title again, not a heading of its own.
/// </summary>
internal static partial class ContinuationLine
{
    private const int MaxChars = 40;

    public static bool Marks(string? text) => text is { Length: > 0 and <= MaxChars } && Pattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^续表|[(（]\s*续(?:表|上表|前表)?\s*[)）]$|续表$|\((?:continued|cont(?:'d|\.)?)\)$|\bcontinued$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
