using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Retrieval.Text;

/// <summary>
/// Finds manufacturing identifiers in text and turns each into index terms that survive FTS5 tokenisation: the whole
/// identifier with its punctuation removed (GB/T 3077-2015 → gbt30772015), the identifier without a standard's year
/// (gbt3077), and its meaningful parts. Covers standard numbers, part/drawing numbers, clause numbers (4.2.3 → 4p2p3),
/// operation numbers (第60工序, OP60, 工序号: 60 → op60), materials (40Cr, 20CrMnTi, QT450-10, 6061-T6), fits and
/// diameters (Φ25H7), threads (M8×1.25) and roughness (Ra1.6). Run on NFKC-folded, lower-cased text.
/// </summary>
public static partial class IdentifierExtractor
{
    public static IReadOnlyList<string> Terms(string foldedText)
    {
        var terms = new List<string>();
        foreach (Match m in StandardNumber().Matches(foldedText))
        {
            var code = Compact(m.Groups["prefix"].Value + m.Groups["number"].Value);
            terms.Add(code);
            if (m.Groups["year"].Success) terms.Add(code + m.Groups["year"].Value);
        }
        foreach (Match m in PartNumber().Matches(foldedText))
        {
            var compact = Compact(m.Value);
            terms.Add(compact);
            // Engineers also write a family prefix alone ("JD-2105" for every part of the assembly).
            var dash = m.Value.LastIndexOf('-');
            if (dash > 0) terms.Add(Compact(m.Value[..dash]));
        }
        foreach (Match m in ClauseNumber().Matches(foldedText))
            terms.Add(m.Value.Replace('.', 'p'));
        foreach (Match m in OperationNumber().Matches(foldedText))
            terms.Add("op" + int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        foreach (Match m in Material().Matches(foldedText))
            terms.Add(Compact(m.Value));
        foreach (Match m in Diameter().Matches(foldedText))
        {
            terms.Add("φ" + Compact(m.Groups["v"].Value));
            if (m.Groups["fit"].Success) terms.Add(Compact(m.Groups["fit"].Value));
        }
        foreach (Match m in Thread().Matches(foldedText))
        {
            terms.Add("m" + Compact(m.Groups["d"].Value) + (m.Groups["p"].Success ? "x" + Compact(m.Groups["p"].Value) : ""));
            terms.Add("m" + Compact(m.Groups["d"].Value));
        }
        foreach (Match m in Roughness().Matches(foldedText))
            terms.Add(m.Groups["k"].Value + Compact(m.Groups["v"].Value));
        return terms.Distinct().ToList();
    }

    /// <summary>The operation numbers named in folded text, as index terms (op40).</summary>
    public static IReadOnlySet<string> Operations(string foldedText) =>
        OperationNumber().Matches(foldedText).Select(m => "op" + int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>The materials named in folded text, compacted (40cr, 42crmo, qt45010).</summary>
    public static IReadOnlySet<string> Materials(string foldedText) =>
        Material().Matches(foldedText).Select(m => Compact(m.Value)).ToHashSet();

    /// <summary>Letters and digits only: what remains of an identifier in one FTS5 token.</summary>
    public static string Compact(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    [GeneratedRegex(@"(?<prefix>q/[a-z][a-z0-9]{0,11}|gb/t|gb/z|gb|jb/t|qc/t|hg/t|yb/t|iso/ts|iso|iec|din|sae|astm|jis|vda)\s*(?<number>[a-z]?\d+(?:\.\d+)*)(?:\s*[-—–:]\s*(?<year>(?:19|20)\d{2})(?!\d))?")]
    private static partial Regex StandardNumber();

    // Letter prefix then digit groups joined by dashes: JD-2105-0318, WI-AS-021, CP-2105-0318, SUP-009, EX1002.
    [GeneratedRegex(@"(?<![a-z0-9])[a-z]{1,5}(?:-[a-z]{1,8})?-?\d{2,}(?:-\d{1,6}[a-z]?){0,3}(?![a-z0-9])")]
    private static partial Regex PartNumber();

    // Three or more levels are always clauses (4.2.3); two levels (4.2) only where written as a clause — before 条/款/节,
    // after clause/section/见/第, or heading-style before a Chinese word — since 0.10 or 1.5 are plain decimals.
    [GeneratedRegex(@"(?<![\d.])[1-9]\d?(?:\.\d{1,3}){2,4}(?![\d.])|(?<=(?:clause|section|条款|见|第)\s*)[1-9]\d?\.\d{1,3}(?![\d.])|(?<![\d.])[1-9]\d?\.\d{1,3}(?=\s*[条款节章]|\s+(?!级)[\u4e00-\u9fff])")]
    private static partial Regex ClauseNumber();

    [GeneratedRegex(@"第\s*(?<n>\d{1,4})\s*(?:道\s*)?工序|工序号?\s*[:：]?\s*(?<n>\d{1,4})(?!\d)|\bop\s*\.?\s*(?<n>\d{1,4})(?!\d)|(?<![\w-])(?<n>\d{1,4})\s*工序")]
    private static partial Regex OperationNumber();

    // Steel and cast-iron grades: 40cr, 20crmnti, 42crmo, 45#, qt450-10, ht250, 6061-t6, 304, 1.4301 is left to clause numbers.
    [GeneratedRegex(@"(?<![a-z0-9])(?:\d{2}(?:cr|mn|mo|ni|si|ti|v|b|al)+\w{0,6}|qt\d{3}-\d{1,2}|ht\d{3}|zg\d{3}-\d{3}|\d{4}-t\d{1,2}|a\d{3}-t\d)(?![a-z0-9])")]
    private static partial Regex Material();

    [GeneratedRegex(@"[φΦøØ⌀]\s*(?<v>\d+(?:\.\d+)?)(?<fit>[a-z]{1,2}\d{1,2})?")]
    private static partial Regex Diameter();

    [GeneratedRegex(@"(?<![a-z0-9])m(?<d>\d{1,3}(?:\.\d+)?)(?:\s*[x×*]\s*(?<p>\d+(?:\.\d+)?))?(?![\d.])")]
    private static partial Regex Thread();

    [GeneratedRegex(@"(?<k>ra|rz)\s*(?<v>\d+(?:\.\d+)?)")]
    private static partial Regex Roughness();
}
