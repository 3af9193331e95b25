namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// The four files of the PP-OCR pipeline in one folder: the Chinese PP-OCRv4 detector and recogniser, the mobile v2.0
/// text-line direction classifier and the recogniser's character list. The build puts them in models/ppocr/ beside the
/// program (OcrModels.targets; docs/decisions/0016-ocr-models.md).
/// </summary>
public sealed record OcrModelFiles(string Detector, string Classifier, string Recogniser, string Keys)
{
    public const string DefaultFolderName = "models/ppocr";

    /// <summary>The folder the build copies the models to: models/ppocr/ beside the program.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, DefaultFolderName);

    /// <summary>The files in <paramref name="folder"/>; throws naming every missing file and where the folder is set.</summary>
    public static OcrModelFiles In(string folder)
    {
        var files = new OcrModelFiles(
            Path.Combine(folder, "ch_PP-OCRv4_det_infer.onnx"),
            Path.Combine(folder, "ch_ppocr_mobile_v2.0_cls_infer.onnx"),
            Path.Combine(folder, "ch_PP-OCRv4_rec_infer.onnx"),
            Path.Combine(folder, "ppocr_keys_v1.txt"));
        var missing = new[] { files.Detector, files.Classifier, files.Recogniser, files.Keys }.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException(
                $"OCR model files missing: {string.Join(", ", missing)}. The build fetches them into models/ppocr/ beside the program " +
                "(src/RagAssistant.Ingestion/OcrModels.targets); build again, or point the OCR model folder at a folder that holds them.");
        return files;
    }
}
