using System.Collections.Frozen;
using System.Text;

namespace RagAssistant.Retrieval.Text;

/// <summary>
/// Folds text the same way for indexing and querying: NFKC (full-width → half-width), lower case, unified dashes and Φ,
/// and traditional Chinese characters to simplified ones (汽車保險 → 汽车保险), so a question in either script finds a
/// document in the other (suppliers in Hong Kong and Taiwan write traditional characters).
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var simplified = Simplified.Value;
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            sb.Append(c switch
            {
                '—' or '–' or '−' or '～' or '~' => '-',
                'ф' or 'ø' or '⌀' => 'φ',
                '\u200b' => ' ',
                >= '\u3400' when simplified.TryGetValue(c, out var s) => s,
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Names the folding rules and table: a keyword index folded otherwise holds other terms (<see cref="ManufacturingSegmenter.Signature"/>).</summary>
    public const string Signature = "nfkc-lower-dash-phi opencc-ts-1.4.1";

    /// <summary>
    /// OpenCC's traditional → simplified table (Text/opencc), one character for one: only characters that are never
    /// written in simplified text themselves (車 → 车, but not 乾 or 著, which simplified text uses too), so simplified
    /// text, the glossary and the user dictionary fold to themselves. Characters outside the basic plane are left as they are.
    /// </summary>
    private static readonly Lazy<FrozenDictionary<char, char>> Simplified = new(() =>
    {
        using var stream = typeof(TextFolding).Assembly.GetManifestResourceStream("RagAssistant.Retrieval.TSCharacters.txt")
                           ?? throw new InvalidOperationException("embedded resource TSCharacters.txt is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length != 1) continue;
            var candidates = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (candidates.Length == 0 || candidates.Contains(parts[0]) || candidates[0].Length != 1) continue;
            map[parts[0][0]] = char.ToLowerInvariant(candidates[0][0]);
        }
        return map.ToFrozenDictionary();
    });
}
