using System.Globalization;
using System.Text;
using RagAssistant.Core.Text;

namespace RagAssistant.Embeddings.Tokenization;

/// <summary>
/// BERT's tokenizer: the BasicTokenizer rules, then greedy longest-match-first WordPiece.
/// <list type="bullet">
/// <item>Control characters, U+0000 and U+FFFD are dropped; every whitespace character separates words.</item>
/// <item>Uncased models: lower-case, then NFD and drop combining marks (accent stripping).</item>
/// <item>Every CJK ideograph is a word of its own (Chinese is not segmented; the vocabulary holds single characters);
/// every punctuation character (ASCII symbols included) is a word of its own.</item>
/// <item>A word is split into the longest vocabulary pieces from its start, continuations prefixed <c>##</c>;
/// a word with no full split, or over 100 characters, becomes one [UNK].</item>
/// </list>
/// Ids are written straight into the caller's buffer; vocabulary lookups use spans, so the hot loop allocates nothing.
/// Also the <see cref="ITokenCounter"/> of the chunker, so chunk budgets are counted in the model's tokens.
/// </summary>
public sealed class WordPieceTokenizer(WordPieceVocabulary vocabulary, bool lowerCase) : ITokenCounter
{
    /// <summary>Words longer than this become [UNK] (BERT's max_input_chars_per_word).</summary>
    public const int MaxWordChars = 100;

    [ThreadStatic] private static char[]? _pieceBuffer;

    public WordPieceVocabulary Vocabulary { get; } = vocabulary;
    public bool LowerCase { get; } = lowerCase;

    /// <summary>Tokens of <paramref name="text"/> without [CLS] and [SEP].</summary>
    public int CountTokens(string text) => Tokenize(text, Span<long>.Empty, int.MaxValue);

    /// <summary>
    /// Writes <c>[CLS] tokens [SEP]</c> into <paramref name="ids"/> (at most <paramref name="maxLength"/> ids, so a
    /// longer text is cut before [SEP]); returns how many ids were written and whether the text was cut.
    /// </summary>
    public int Encode(string text, Span<long> ids, int maxLength, out bool truncated)
    {
        ids[0] = Vocabulary.Classification;
        var budget = maxLength - 2;
        var total = Tokenize(text, ids.Slice(1, Math.Min(ids.Length - 1, budget)), budget);
        truncated = total > budget;
        var written = Math.Min(total, budget);
        ids[written + 1] = Vocabulary.Separator;
        return written + 2;
    }

    /// <summary>Token ids of <paramref name="text"/> (no special tokens), for tests and tools.</summary>
    public long[] TokenIds(string text)
    {
        var ids = new long[CountTokens(text)];
        Tokenize(text, ids, ids.Length);
        return ids;
    }

    /// <summary>Writes up to <paramref name="capacity"/> ids into <paramref name="output"/>; returns the full token count.</summary>
    private int Tokenize(string text, Span<long> output, int capacity)
    {
        var normalized = Normalize(text);
        var count = 0;
        var wordStart = -1;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            var width = char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]) ? 2 : 1;
            var codePoint = width == 2 ? char.ConvertToUtf32(c, normalized[i + 1]) : c;
            var isWhitespace = IsWhitespace(codePoint);
            if (isWhitespace || IsChinese(codePoint) || IsPunctuation(codePoint))
            {
                if (wordStart >= 0) count = WordPieces(normalized.AsSpan(wordStart, i - wordStart), output, capacity, count);
                wordStart = -1;
                if (!isWhitespace) count = WordPieces(normalized.AsSpan(i, width), output, capacity, count);
            }
            else if (wordStart < 0) wordStart = i;
            i += width - 1;
        }
        if (wordStart >= 0) count = WordPieces(normalized.AsSpan(wordStart), output, capacity, count);
        return count;
    }

    private int WordPieces(ReadOnlySpan<char> word, Span<long> output, int capacity, int count)
    {
        if (word.Length > MaxWordChars) return Emit(Vocabulary.Unknown, output, capacity, count);
        var lookup = Vocabulary.Lookup;
        if (lookup.TryGetValue(word, out var whole)) return Emit(whole, output, capacity, count);

        var buffer = _pieceBuffer ??= new char[MaxWordChars + 2];
        buffer[0] = buffer[1] = '#';
        var pieces = count;
        var start = 0;
        while (start < word.Length)
        {
            var found = -1;
            var end = word.Length;
            for (; end > start; end--)
            {
                ReadOnlySpan<char> candidate;
                if (start == 0) candidate = word[..end];
                else
                {
                    word[start..end].CopyTo(buffer.AsSpan(2));
                    candidate = buffer.AsSpan(0, end - start + 2);
                }
                if (lookup.TryGetValue(candidate, out found)) break;
                found = -1;
            }
            if (found < 0) return Emit(Vocabulary.Unknown, output, capacity, count); // no split: the whole word is [UNK]
            pieces = Emit(found, output, capacity, pieces);
            start = end;
        }
        return pieces;
    }

    private static int Emit(int id, Span<long> output, int capacity, int count)
    {
        if (count < capacity && count < output.Length) output[count] = id;
        return count + 1;
    }

    /// <summary>Drops control characters, maps whitespace to spaces, lower-cases and strips accents (uncased models).</summary>
    private string Normalize(string text)
    {
        var ascii = true;
        var clean = true;
        foreach (var c in text)
        {
            if (c >= 0x80) ascii = false;
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c == 0x7F) clean = false;
        }
        if (ascii && clean) return LowerCase ? ToLowerAscii(text) : text;

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == 0 || c == '\uFFFD' || IsControl(c)) continue;
            builder.Append(c);
        }
        var cleaned = builder.ToString();
        if (!LowerCase) return cleaned;
        var decomposed = cleaned.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        builder.Clear();
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        return builder.ToString();
    }

    private static string ToLowerAscii(string text)
    {
        foreach (var c in text)
            if (c is >= 'A' and <= 'Z') return text.ToLowerInvariant();
        return text;
    }

    private static bool IsControl(char c) =>
        c is not ('\t' or '\n' or '\r') && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;

    private static bool IsWhitespace(int c) =>
        c is ' ' or '\t' or '\n' or '\r' || c < 0x10000 && char.GetUnicodeCategory((char)c) == UnicodeCategory.SpaceSeparator;

    /// <summary>BERT's _is_punctuation: ASCII symbols count as punctuation, plus every Unicode P* category.</summary>
    private static bool IsPunctuation(int c)
    {
        if (c is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126) return true;
        if (c >= 0x10000) return false;
        return char.GetUnicodeCategory((char)c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>BERT's _is_chinese_char: the CJK Unified Ideographs blocks and their extensions (not kana or hangul).</summary>
    private static bool IsChinese(int c) =>
        c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F
            or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
