using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>How scanned pages and image files are read. Bound from the configuration section <c>Rag:Ocr</c>.</summary>
public sealed class OcrOptions
{
    public const string Section = "Rag:Ocr";

    /// <summary>
    /// Whether scanned PDF pages (images, no text layer) and image files are read by OCR. When false, scanned pages are
    /// stored as needs_ocr and image files are refused with that reason. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding the PP-OCR models (ch_PP-OCRv4_det_infer.onnx, ch_ppocr_mobile_v2.0_cls_infer.onnx,
    /// ch_PP-OCRv4_rec_infer.onnx, ppocr_keys_v1.txt). Empty: models/ppocr/ beside the program, where the build puts them.
    /// </summary>
    public string? ModelFolder { get; set; }

    /// <summary>
    /// Whether a page or photo placed sideways or upside down is found (from the first reading: a clear majority of its
    /// text in lines running up or down the page, or in lines read upside down) and read again turned upright, its
    /// rotation stored with the page; the two or three readings of a turned page share its <see cref="PageSeconds"/>. An
    /// upright page is read once either way. Default true.
    /// </summary>
    public bool Orientation { get; set; } = true;

    /// <summary>
    /// Resolution scanned PDF pages are rendered at for OCR, in dots per inch. Default 200: a 10 pt character is about 28
    /// pixels high, which the recogniser reads well (`rag bench ocr` compares 200 and 300).
    /// </summary>
    [Range(72, 600)]
    public int Dpi { get; set; } = 200;

    /// <summary>
    /// The longest side, in pixels, an image is scaled to for text detection (recognition always reads the full-resolution
    /// line). Larger finds smaller print and costs time. 0 detects at the image's own size. Default 1024, RapidOcrNet's
    /// and close to PaddleOCR's 960.
    /// </summary>
    [Range(0, 16384)]
    public int DetectionMaxSide { get; set; } = 1024;

    /// <summary>
    /// Pages read at the same time, each by its own engine with its share of the cores (one rendered page and about
    /// 200 MB of engine in memory per worker). 0 chooses one worker per core, at most four: the recogniser reads one line
    /// at a time and gains little from a second thread (a dense page: 0.24 pages/s on one thread, 0.28 on two), so two
    /// pages on one thread each beat one page on two (29 scanned corpus pages ingested in 58 s instead of 79 s on 2
    /// cores). Default 0.
    /// </summary>
    [Range(0, 64)]
    public int Parallelism { get; set; }

    /// <summary>
    /// A line read with a lower mean character confidence is kept and marked as uncertain; a page whose mean confidence
    /// (weighted by line length) is lower is marked ocr_low_confidence with the figure (its text is kept, the document
    /// stays ready). Default 0.8.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.8;

    /// <summary>
    /// Time budget of one page's OCR, in seconds: a page over it is left out with a message (the rest of the document
    /// goes on), and each page read adds this much to the document's time budget. Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int PageSeconds { get; set; } = 30;

    /// <summary>Most pixels (width × height) an image or rendered page may have; a larger one is read at the lower resolution that fits. Default 40 million.</summary>
    [Range(1_000_000, 400_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary><c>auto</c> (CUDA when a GPU is usable, else CPU), <c>cpu</c> or <c>cuda</c> (falls back to the CPU with the reason in the log). Default <c>cpu</c>: OCR models are small and a GPU is better spent on embeddings; set auto or cuda on GPU servers with long scans.</summary>
    [RegularExpression("^(auto|cpu|cuda)$", ErrorMessage = "Rag:Ocr:Device must be auto, cpu or cuda")]
    public string Device { get; set; } = "cpu";

    /// <summary>CUDA device ordinal. Default 0.</summary>
    [Range(0, 64)]
    public int DeviceId { get; set; }

    /// <summary>The number of workers <see cref="Parallelism"/> stands for on this machine.</summary>
    public int Workers => Parallelism > 0 ? Parallelism : Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The model folder <see cref="ModelFolder"/> stands for.</summary>
    public string Models => string.IsNullOrWhiteSpace(ModelFolder) ? OcrModelFiles.DefaultFolder : ModelFolder;
}
