using System.Text.RegularExpressions;
using RagAssistant.Core.Language;

namespace RagAssistant.Retrieval.Text;

/// <summary>
/// Finds manufacturing identifiers in text and turns each into index terms that survive FTS5 tokenisation: the whole
/// identifier with its punctuation removed (GB/T 3077-2015 → gbt30772015), the identifier without a standard's year
/// (gbt3077), and its meaningful parts. Covers standard numbers, part/drawing numbers, clause numbers (4.2.3 → 4p2p3),
/// operation numbers (第60工序, OP60, 工序号: 60 → op60), materials (40Cr, 20CrMnTi, QT450-10, 6061-T6), fits and
/// diameters (Φ25H7), threads (M8×1.25) and roughness (Ra1.6). Run on NFKC-folded, lower-cased text. The patterns are
/// those of patterns.tsv (<see cref="LanguagePatterns"/>), which follow-up questions and the answerer read too.
/// </summary>
public static class IdentifierExtractor
{
    public static IReadOnlyList<string> Terms(string foldedText)
    {
        var terms = new List<string>();
        foreach (Match m in LanguagePatterns.StandardNumber.Matches(foldedText))
        {
            var code = Compact(m.Groups["prefix"].Value + m.Groups["number"].Value);
            terms.Add(code);
            if (m.Groups["year"].Success) terms.Add(code + m.Groups["year"].Value);
        }
        foreach (Match m in LanguagePatterns.PartNumber.Matches(foldedText))
        {
            var compact = Compact(m.Value);
            terms.Add(compact);
            // Engineers also write a family prefix alone ("JD-2105" for every part of the assembly). Letters alone ("JD" of
            // JD-2105, "WI-AS" of WI-AS-021) are the company's or the document kind's code, on every document: no family.
            var dash = m.Value.LastIndexOf('-');
            if (dash > 0 && m.Value[..dash].Any(char.IsAsciiDigit)) terms.Add(Compact(m.Value[..dash]));
        }
        // A document's clauses are those written as clauses and the two-level numbers heading a line (4.2 渗碳温度).
        foreach (var m in LanguagePatterns.ClauseNumber.Matches(foldedText).Concat(LanguagePatterns.HeadingNumber.Matches(foldedText))
                     .DistinctBy(m => m.Index).OrderBy(m => m.Index))
            terms.Add(m.Value.Replace('.', 'p'));
        foreach (Match m in LanguagePatterns.OperationNumber.Matches(foldedText))
            terms.Add("op" + int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        foreach (Match m in LanguagePatterns.Material.Matches(foldedText))
            terms.Add(Compact(m.Value));
        foreach (Match m in LanguagePatterns.Diameter.Matches(foldedText))
        {
            terms.Add("φ" + Compact(m.Groups["v"].Value));
            if (m.Groups["fit"].Success) terms.Add(Compact(m.Groups["fit"].Value));
        }
        foreach (Match m in LanguagePatterns.Thread.Matches(foldedText))
        {
            terms.Add("m" + Compact(m.Groups["d"].Value) + (m.Groups["p"].Success ? "x" + Compact(m.Groups["p"].Value) : ""));
            terms.Add("m" + Compact(m.Groups["d"].Value));
        }
        foreach (Match m in LanguagePatterns.Roughness.Matches(foldedText))
            terms.Add(m.Groups["k"].Value + Compact(m.Groups["v"].Value));
        return terms.Distinct().ToList();
    }

    /// <summary>The operation numbers named in folded text, as index terms (op40).</summary>
    public static IReadOnlySet<string> Operations(string foldedText) =>
        LanguagePatterns.OperationNumber.Matches(foldedText).Select(m => "op" + int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>The materials named in folded text, compacted (40cr, 42crmo, qt45010).</summary>
    public static IReadOnlySet<string> Materials(string foldedText) =>
        LanguagePatterns.Material.Matches(foldedText).Select(m => Compact(m.Value)).ToHashSet();

    /// <summary>Letters and digits only: what remains of an identifier in one FTS5 token.</summary>
    public static string Compact(string value) => Core.Text.CompactText.Of(value);
}
