using System.Text;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Text clean-up for PDF glyph values: NFKC folds the compatibility look-alikes some CJK fonts map to (Kangxi radicals
/// ⼀ → 一, full-width Ａ１ → A1, ligatures ﬁ → fi); zero-width spaces, soft hyphens, BOMs and control characters carry
/// nothing searchable and break matching ("document\u200Btitle"); private-use code points (symbol-font glyphs without
/// a Unicode mapping) and U+FFFD replacement characters are glyphs nobody can type or search, so they go too.
/// </summary>
internal static class PdfText
{
    public static string Clean(string text)
    {
        var needsWork = false;
        foreach (var c in text)
        {
            if (c >= 0x2000 || c < 0x20 || c == '\u00AD' || (c >= 0x7F && c < 0xA0)) { needsWork = true; break; }
        }
        if (!needsWork) return text;
        var normalised = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (IsInvisible(c)) continue;
            sb.Append(char.IsControl(c) ? ' ' : c);
        }
        return sb.ToString();
    }

    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\uFFFD' or >= '\uE000' and <= '\uF8FF';
}
