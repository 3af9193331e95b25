using RagAssistant.Core.Documents;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Decodes an image file for OCR within a pixel budget: an image over <c>maxPixels</c> is decoded at a reduced size where
/// the codec can (JPEG decodes at 1/2, 1/4, 1/8; PNG cannot, and this Skia build does not decode PNG row by row either, so
/// a PNG is decoded whole) and scaled down to the budget; one so large that even its reduced decode would exceed
/// <see cref="MaxDecodeFactor"/> times the budget is refused before any pixel is decoded (a decompression bomb is a small
/// file that declares a huge image).
/// </summary>
public static class ImageDecoding
{
    /// <summary>
    /// Most pixels decoded for one image, as a multiple of the budget: a 10,000 × 10,000 scan (2.5 times the default
    /// 40 million) is read, shrunk; a 30,000 × 30,000 one is refused (decoding it would take tens of seconds).
    /// </summary>
    public const int MaxDecodeFactor = 4;

    /// <exception cref="IngestionException">Not an image Skia decodes, truncated or damaged, or too large.</exception>
    public static SKBitmap Decode(byte[] encoded, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length == 0) throw new IngestionException(IngestProblem.Empty, "the image file is empty (0 bytes)");
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new IngestionException(IngestProblem.Damaged, "not an image Skia can decode (PNG, JPEG, BMP, WebP, GIF)");
        var size = codec.Info.Size;
        if (size.Width <= 0 || size.Height <= 0) throw new IngestionException(IngestProblem.Damaged, $"the {codec.EncodedFormat} image declares no pixels");
        var target = size;
        if (Pixels(size) > maxPixels)
        {
            var scaled = codec.GetScaledDimensions((float)Math.Sqrt((double)maxPixels / Pixels(size)));
            if (scaled.Width > 0 && scaled.Height > 0 && Pixels(scaled) < Pixels(size)) target = scaled;
            if (Pixels(target) > MaxDecodeFactor * maxPixels)
                throw new IngestionException(IngestProblem.ImageTooLarge,
                    $"the {codec.EncodedFormat} image is {size.Width}×{size.Height} pixels, more than the OCR limit of {maxPixels / 1_000_000} million pixels " +
                    "(Rag:Ocr:MaxPixels) allows to decode");
        }
        var info = new SKImageInfo(target.Width, target.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        // A truncated image is refused: half a scanned page read as if whole would hide the missing half.
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new IngestionException(IngestProblem.Damaged, $"the {codec.EncodedFormat} image could not be decoded ({Describe(result)})");
        }
        return FitWithin(bitmap, maxPixels);
    }

    /// <summary>The bitmap, or a copy scaled down to <paramref name="maxPixels"/> (the original is disposed).</summary>
    public static SKBitmap FitWithin(SKBitmap bitmap, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        long pixels = (long)bitmap.Width * bitmap.Height;
        if (pixels <= maxPixels) return bitmap;
        var factor = Math.Sqrt((double)maxPixels / pixels);
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * factor)), Math.Max(1, (int)(bitmap.Height * factor)), SKColorType.Bgra8888, SKAlphaType.Premul);
        var smaller = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        bitmap.Dispose();
        return smaller ?? throw new IngestionException(IngestProblem.OcrFailed, "the image could not be scaled down for OCR");
    }

    private static long Pixels(SKSizeI size) => (long)size.Width * size.Height;

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput => "truncated or damaged",
        SKCodecResult.InvalidInput => "invalid data",
        SKCodecResult.Unimplemented => "an encoding Skia does not implement",
        _ => result.ToString(),
    };
}
