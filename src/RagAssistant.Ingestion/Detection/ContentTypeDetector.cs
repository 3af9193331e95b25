using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Detection;

/// <summary>
/// Detects a file's type from its bytes, not its name. Binary signatures decide first (PDF, OOXML, ZIP, OLE, images);
/// text is decoded, then the extension is believed when the content fits it, otherwise the content is sniffed
/// (HTML tags, consistent CSV columns, Markdown headings). When the detected type differs from what a known
/// extension claims, the result carries a warning naming both.
/// </summary>
public static partial class ContentTypeDetector
{
    public static DetectedContent Detect(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.IsEmpty) throw new IngestionException(IngestProblem.Empty, "file is empty");
        var claimed = ContentTypes.FromExtension(fileName);

        var binary = DetectBinary(bytes);
        if (binary is not null) return WithWarning(new DetectedContent(binary), claimed, fileName);

        string text, encoding;
        try
        {
            (text, encoding) = TextDecoder.Decode(bytes);
        }
        catch (IngestionException ex) when (ex.Problem == IngestProblem.Unsupported)
        {
            // Not a document at all: treated like any other unsupported type (skipped in a folder, failed when named).
            return WithWarning(new DetectedContent(ContentTypes.Binary, Warning: null) { Reason = ex.Message }, claimed, fileName);
        }
        // A .pdf without its %PDF- header but written in PDF syntax is a damaged PDF, not a text document: the PDF
        // reader (which recovers what it can) gets it, and a hopeless one fails as a malformed PDF, not as gibberish text.
        if (claimed == ContentTypes.Pdf && LooksLikePdfSyntax(text))
            return new DetectedContent(ContentTypes.Pdf, Warning: new IngestNote(IngestWarning.Damaged, "no %PDF- header; read as a damaged PDF"));
        var type = claimed switch
        {
            ContentTypes.Markdown when !LooksLikeHtmlDocument(text) => ContentTypes.Markdown,
            ContentTypes.Text when !LooksLikeHtmlDocument(text) && !CsvSniffer.LooksLikeCsv(text) => ContentTypes.Text,
            ContentTypes.Csv when CsvSniffer.LooksLikeCsv(text) => ContentTypes.Csv,
            ContentTypes.Html when HasHtmlTags(text) => ContentTypes.Html,
            _ => SniffText(text),
        };
        return WithWarning(new DetectedContent(type, text, encoding), claimed, fileName);
    }

    private static DetectedContent WithWarning(DetectedContent content, string? claimed, string fileName)
    {
        if (claimed is null || claimed == content.Type) return content;
        // A .txt read as Markdown (or the reverse) is the same family; nothing worth a warning.
        if (claimed is ContentTypes.Text or ContentTypes.Markdown && content.Type is ContentTypes.Text or ContentTypes.Markdown) return content;
        var extension = Path.GetExtension(fileName);
        return content with
        {
            Warning = new IngestNote(IngestWarning.TypeMismatch, $"extension {extension} claims {claimed} but the content is {content.Type}; read as {content.Type}")
            {
                Name = extension,
            },
        };
    }

    private static string? DetectBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0) return ContentTypes.Pdf;
        if (bytes.StartsWith("PK\x03\x04"u8)) return DetectZipKind(bytes);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return ContentTypes.LegacyOffice;
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47], jpeg = [0xFF, 0xD8, 0xFF], gzip = [0x1F, 0x8B], elf = [0x7F, 0x45, 0x4C, 0x46];
        if (bytes.StartsWith(png) || bytes.StartsWith(jpeg) || IsBmp(bytes)) return ContentTypes.Image;
        if (IsTiff(bytes)) return ContentTypes.Tiff;
        if (bytes.StartsWith("GIF8"u8) || bytes.StartsWith(gzip)
            || bytes.StartsWith(elf) || bytes.StartsWith("MZ"u8) || bytes.StartsWith("7z"u8) || bytes.StartsWith("Rar!"u8)
            || bytes.StartsWith("SQLite format 3\0"u8))
            return ContentTypes.Binary;
        return null;
    }

    /// <summary>II*\0 or MM\0* (classic TIFF, little- or big-endian), II+\0 or MM\0+ (BigTIFF).</summary>
    private static bool IsTiff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8) || bytes.StartsWith("II+\0"u8) || bytes.StartsWith("MM\0+"u8);

    /// <summary>"BM", then the file size, then four reserved zero bytes: a text file that merely starts with "BM" is not one.</summary>
    private static bool IsBmp(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 26 && bytes.StartsWith("BM"u8) && bytes.Slice(6, 4).IndexOfAnyExcept((byte)0) < 0;

    private static string DetectZipKind(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray()), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null) return ContentTypes.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return ContentTypes.Xlsx;
            if (zip.GetEntry("ppt/presentation.xml") is not null) return ContentTypes.Pptx;
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal)) return ContentTypes.OpenDocument;
            }
            return ContentTypes.Zip;
        }
        catch (InvalidDataException ex)
        {
            throw new IngestionException(IngestProblem.Damaged, $"corrupt ZIP container: {ex.Message}", ex);
        }
    }

    private static string SniffText(string text)
    {
        if (LooksLikeHtmlDocument(text)) return ContentTypes.Html;
        if (CsvSniffer.LooksLikeCsv(text)) return ContentTypes.Csv;
        return MarkdownSyntax().IsMatch(text) ? ContentTypes.Markdown : ContentTypes.Text;
    }

    /// <summary>
    /// PDF object syntax: "endobj"/"startxref" keywords, or a head where dictionary and array delimiters and names
    /// (&lt;&lt; &gt;&gt; [ ] /) make up over a quarter of the visible characters — prose never comes close.
    /// </summary>
    private static bool LooksLikePdfSyntax(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        if (head.Contains("endobj", StringComparison.Ordinal) || head.Contains("startxref", StringComparison.Ordinal)) return true;
        int delimiters = 0, visible = 0;
        foreach (var c in head)
        {
            if (char.IsWhiteSpace(c)) continue;
            visible++;
            if (c is '<' or '>' or '[' or ']' or '/') delimiters++;
        }
        return visible >= 64 && delimiters * 4 > visible;
    }

    private static bool LooksLikeHtmlDocument(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
               || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
               || start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasHtmlTags(string text) => HtmlTag().IsMatch(text.Length > 8192 ? text[..8192] : text);

    [GeneratedRegex(@"<(html|head|body|div|p|table|h[1-6]|ul|ol|span|br|section|article)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^(#{1,6} \S|\|.+\|\s*$|```)", RegexOptions.Multiline)]
    private static partial Regex MarkdownSyntax();
}
