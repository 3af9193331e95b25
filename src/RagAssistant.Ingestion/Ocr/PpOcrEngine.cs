using Microsoft.ML.OnnxRuntime;
using RapidOcrNet;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Reads text lines from an image with the PP-OCR pipeline — DB text detection, 180° line-direction classification,
/// CRNN recognition with CTC decoding — as implemented by RapidOcrNet, running the Chinese PP-OCRv4 models on this
/// process's one ONNX Runtime (the Microsoft.ML.OnnxRuntime.Gpu 1.31.0 package the embeddings use; RapidOcrNet's own CPU
/// runtime is never restored, see RagAssistant.Ingestion.csproj). Not thread-safe: one engine per worker.
/// </summary>
public sealed class PpOcrEngine : IDisposable
{
    static PpOcrEngine()
    {
        // The process's one ONNX Runtime environment is created by whichever session comes first. Created here with the
        // embeddings' quiet logger (SessionFactory), so a CUDA probe that falls back to the CPU does not print its
        // failure as an error on stderr when OCR ran first; the fallback is reported once, in a log line.
        if (!OrtEnv.IsCreated)
        {
            var env = new EnvironmentCreationOptions { logId = "rag", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            OrtEnv.CreateInstanceWithOptions(ref env);
        }
    }

    private readonly RapidOcr _ocr = new();
    private readonly RapidOcrOptions _options;

    /// <param name="files">The model files (<see cref="OcrModelFiles.In"/>).</param>
    /// <param name="threads">ONNX Runtime intra-op threads; 0 lets the runtime choose (all cores).</param>
    /// <param name="detectionMaxSide">Longest side the image is scaled to for detection (<see cref="OcrOptions.DetectionMaxSide"/>); 0: its own size.</param>
    /// <param name="cudaDevice">Run on this CUDA device; throws when CUDA is not usable (the caller falls back).</param>
    public PpOcrEngine(OcrModelFiles files, int threads = 0, int detectionMaxSide = 1024, int? cudaDevice = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var session = RapidOcr.GetDefaultSessionOptions(threads);
        if (cudaDevice is { } device) session.AppendExecutionProvider_CUDA(device);
        _ocr.InitModels(files.Detector, files.Classifier, files.Recogniser, files.Keys, session);
        // MostAngle: the direction classifier's majority over the page turns every line, not each line on its own vote —
        // a short crop ("950") is often taken for upside down and read as "0S6", while a document's lines share a direction.
        _options = RapidOcrOptions.Default with { ImgResize = detectionMaxSide, MostAngle = true };
    }

    /// <summary>Reads an encoded image (PNG, JPEG, BMP, WebP, GIF: whatever Skia decodes).</summary>
    /// <exception cref="IngestionException">The bytes are not an image Skia can decode.</exception>
    public OcrPage Read(byte[] encodedImage, CancellationToken cancellationToken = default)
    {
        using var bitmap = ImageDecoding.Decode(encodedImage, long.MaxValue);
        return Read(bitmap, cancellationToken);
    }

    /// <summary>
    /// Reads a decoded bitmap; lines come back in the detector's order (top to bottom). The detector boxes no row of
    /// leader dots (nor, often, the page number a leader runs into): <see cref="LeaderDots"/> reads them off the bitmap
    /// beside the boxes of each line, and what ends a leader unboxed is read on its own.
    /// </summary>
    public OcrPage Read(SKBitmap bitmap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        var lines = Lines(_ocr.DetectAsync(bitmap, _options, progress: null, cancellationToken).GetAwaiter().GetResult(), 0, 0);
        return new OcrPage(bitmap.Width, bitmap.Height, LeaderDots.Insert(bitmap, lines, part => ReadPart(bitmap, part, cancellationToken)));
    }

    /// <summary>
    /// The lines in one rectangle of <paramref name="bitmap"/>, in its pixels. The direction classifier is not run: the
    /// rectangle ends a line of an upright page, and a lone short crop ("5") is the kind it takes for upside down.
    /// </summary>
    private List<OcrLine> ReadPart(SKBitmap bitmap, SKRectI part, CancellationToken cancellationToken)
    {
        using var crop = new SKBitmap();
        if (!bitmap.ExtractSubset(crop, part)) return [];
        var result = _ocr.DetectAsync(crop, _options with { DoAngle = false, MostAngle = false }, progress: null, cancellationToken).GetAwaiter().GetResult();
        return Lines(result, part.Left, part.Top);
    }

    /// <summary>The text blocks read, as lines with their boxes moved by (<paramref name="dx"/>, <paramref name="dy"/>); blank ones left out.</summary>
    private static List<OcrLine> Lines(OcrResult result, float dx, float dy)
    {
        var lines = new List<OcrLine>(result.TextBlocks.Length);
        foreach (var block in result.TextBlocks)
        {
            var text = block.Text;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var scores = block.CharScores;
            var confidence = scores is { Length: > 0 } ? scores.Average() : 0d;
            lines.Add(new OcrLine(text, block.BoxPoints.Select(p => new OcrPoint(p.X + dx, p.Y + dy)).ToArray(), confidence)
            {
                UpsideDown = block.AngleIndex == 1,
            });
        }
        return lines;
    }

    public void Dispose() => _ocr.Dispose();
}
