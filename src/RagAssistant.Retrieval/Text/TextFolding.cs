using System.Text;

namespace RagAssistant.Retrieval.Text;

/// <summary>Folds text the same way for indexing and querying: NFKC (full-width → half-width), lower case, unified dashes and Φ.</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            sb.Append(c switch
            {
                '—' or '–' or '−' or '～' or '~' => '-',
                'ф' or 'ø' or '⌀' => 'φ',
                '\u200b' => ' ',
                _ => c,
            });
        }
        return sb.ToString();
    }
}
