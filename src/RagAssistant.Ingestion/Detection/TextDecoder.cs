using System.Text;
using System.Text.Unicode;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Detection;

/// <summary>
/// Decodes text files: a byte-order mark wins (UTF-8, UTF-16 LE/BE, UTF-32 LE); then UTF-16 without a mark (ASCII-heavy
/// text with every other byte zero); then strict UTF-8; then GB18030 (which covers GBK and GB2312) when the result reads
/// as Chinese. Anything else is refused with the reason, never decoded into replacement characters.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/> or throws <see cref="IngestionException"/> saying why it is not text.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Strict(StrictUtf8, bytes[3..], "UTF-8"), "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (Strict(new UTF32Encoding(false, false, true), bytes[4..], "UTF-32"), "utf-32le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Strict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16"), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Strict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16"), "utf-16be");

        if (LooksLikeUtf16WithoutBom(bytes, out var bigEndian))
            return (Strict(new UnicodeEncoding(bigEndian, false, true), bytes, "UTF-16"), bigEndian ? "utf-16be" : "utf-16le");

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
            throw new IngestionException(IngestProblem.Unsupported, $"binary content, not text (NUL byte at offset {nul})");

        if (Utf8.IsValid(bytes))
            return (CheckControlCharacters(StrictUtf8.GetString(bytes)), "utf-8");

        if (TryGb18030(bytes, out var chinese))
            return (CheckControlCharacters(chinese), "gb18030");

        Utf8.ToUtf16(bytes, new char[bytes.Length], out var validBytes, out _, replaceInvalidSequences: false);
        throw new IngestionException(IngestProblem.NotText,
            $"not valid UTF-8 (invalid byte 0x{bytes[validBytes]:X2} at offset {validBytes}) and not GB18030/GBK Chinese text; save the file as UTF-8");
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return CheckControlCharacters(encoding.GetString(bytes));
        }
        catch (DecoderFallbackException ex)
        {
            throw new IngestionException(IngestProblem.NotText, $"invalid {name} text: {ex.Message}", ex);
        }
    }

    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 8) return false;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) zeroEven++;
            if (sample[i + 1] == 0) zeroOdd++;
        }
        var pairs = sample.Length / 2;
        // ASCII text in UTF-16 has a zero in every other byte and almost never in the other position.
        if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return true;
        if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) { bigEndian = true; return true; }
        return false;
    }

    private static bool TryGb18030(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            text = gb.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        // GB18030 maps nearly every byte sequence to some character, so accept it only when the result reads as
        // Chinese: the non-ASCII characters must be overwhelmingly CJK ideographs and CJK/full-width punctuation.
        int nonAscii = 0, chinese = 0;
        foreach (var c in text)
        {
            if (c < 0x80) continue;
            nonAscii++;
            if (Core.Text.CjkText.IsCjk(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF'
                || c is '×' or '±' or '°' or '℃' or 'Φ' or 'φ' or '—' or '“' or '”' or '‘' or '’' or '…' or '·' or '≤' or '≥' or '～')
                chinese++;
        }
        return nonAscii > 0 && chinese >= nonAscii * 0.9;
    }

    /// <summary>
    /// Text with many control characters is binary data that happened to decode. The few a text file may carry (a stray
    /// NUL in UTF-16, an escape) become spaces, as in PDF text: they mean nothing to a reader, and PostgreSQL cannot store
    /// a NUL in text, so both stores keep the same characters.
    /// </summary>
    private static string CheckControlCharacters(string text)
    {
        var control = 0;
        foreach (var c in text)
            if (IsStrayControl(c))
                control++;
        if (control == 0) return text;
        if (control > text.Length / 100)
            throw new IngestionException(IngestProblem.Unsupported, $"binary content, not text ({control} control characters in {text.Length})");
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = IsStrayControl(source[i]) ? ' ' : source[i];
        });
    }

    private static bool IsStrayControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f');
}
