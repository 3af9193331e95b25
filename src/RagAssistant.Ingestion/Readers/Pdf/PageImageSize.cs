using System.Buffers.Binary;
using UglyToad.PdfPig.Content;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// The pixels of the largest image on a page, as its dictionary declares them and, for JPEG 2000, as its codestream
/// does (PDFium decodes a JPEG 2000 image at the codestream's size, whatever the dictionary says). Read before a scanned
/// page is rendered for OCR: PDFium decodes each image whole, whatever resolution the page is rendered at, so a small file
/// declaring a 30,000 × 30,000 image would take gigabytes; such a page is refused instead (<see cref="PdfReader"/>).
/// </summary>
internal static class PageImageSize
{
    /// <summary>How far into a JPEG 2000 stream its codestream header (after the JP2 boxes) is looked for.</summary>
    private const int JpxHeaderSearch = 4096;

    public static long Largest(Page page)
    {
        long largest = 0;
        foreach (var image in page.GetImages())
        {
            largest = Math.Max(largest, (long)image.WidthInSamples * image.HeightInSamples);
            if (JpxPixels(image.RawMemory.Span) is { } jpx) largest = Math.Max(largest, jpx);
        }
        return largest;
    }

    /// <summary>Width × height from a JPEG 2000 SIZ marker (SOC FF4F then SIZ FF51), or null when there is none.</summary>
    internal static long? JpxPixels(ReadOnlySpan<byte> stream)
    {
        var head = stream[..Math.Min(stream.Length, JpxHeaderSearch)];
        var at = head.IndexOf((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]);
        if (at < 0 || stream.Length < at + 24) return null;
        // After the markers: Lsiz (2), Rsiz (2), Xsiz, Ysiz, XOsiz, YOsiz (4 each, big-endian).
        var siz = stream[at..];
        long width = (long)BinaryPrimitives.ReadUInt32BigEndian(siz[8..]) - BinaryPrimitives.ReadUInt32BigEndian(siz[16..]);
        long height = (long)BinaryPrimitives.ReadUInt32BigEndian(siz[12..]) - BinaryPrimitives.ReadUInt32BigEndian(siz[20..]);
        return width > 0 && height > 0 ? width * height : null;
    }
}
