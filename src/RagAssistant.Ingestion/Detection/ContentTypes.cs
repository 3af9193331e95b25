namespace RagAssistant.Ingestion.Detection;

/// <summary>Content types detected from a file's bytes; the values are stored with the document.</summary>
public static class ContentTypes
{
    public const string Markdown = "markdown";
    public const string Text = "text";
    public const string Csv = "csv";
    public const string Html = "html";
    public const string Pdf = "pdf";
    public const string Docx = "docx";
    public const string Xlsx = "xlsx";
    public const string Pptx = "pptx";
    public const string Zip = "zip";
    /// <summary>OpenDocument (.odt/.ods/.odp): a ZIP with a "mimetype" entry; no reader yet, and never opened as an archive.</summary>
    public const string OpenDocument = "odf";
    /// <summary>An OLE compound file: legacy .doc/.xls or a password-protected Office file.</summary>
    public const string LegacyOffice = "ole";
    /// <summary>A PNG, JPEG or BMP image: read by OCR (<see cref="Readers.ImageReader"/>).</summary>
    public const string Image = "image";
    /// <summary>A TIFF (classic or BigTIFF), often a multi-page scan: read by OCR page by page (<see cref="Readers.ImageReader"/>).</summary>
    public const string Tiff = "tiff";
    public const string Binary = "binary";

    /// <summary>The type a file name's extension claims, or null for extensions that claim nothing.</summary>
    public static string? FromExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => Markdown,
        ".txt" or ".text" or ".log" => Text,
        ".csv" or ".tsv" => Csv,
        ".html" or ".htm" or ".xhtml" => Html,
        ".pdf" => Pdf,
        ".docx" => Docx,
        ".xlsx" => Xlsx,
        ".pptx" => Pptx,
        ".zip" => Zip,
        ".odt" or ".ods" or ".odp" => OpenDocument,
        ".doc" or ".xls" or ".ppt" => LegacyOffice,
        ".png" or ".jpg" or ".jpeg" or ".bmp" => Image,
        ".tif" or ".tiff" => Tiff,
        // GIF stays unsupported: scanners do not write it, and an animated one would be read as its first frame only.
        ".gif" or ".exe" or ".dll" or ".so"
            or ".gz" or ".7z" or ".rar" or ".bin" => Binary,
        _ => null,
    };

    public static bool IsTextFamily(string type) => type is Markdown or Text or Csv or Html;
}
