namespace RagAssistant.Ingestion;

/// <summary>
/// A progress report: files finished of the total, chunks stored so far, the file being read and, while its scanned
/// pages are read by OCR, how many of them are done.
/// </summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, int Chunks, long Bytes, string? CurrentFile)
{
    public int OcrPagesDone { get; init; }
    public int OcrPagesTotal { get; init; }
}
