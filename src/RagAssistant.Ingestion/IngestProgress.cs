namespace RagAssistant.Ingestion;

/// <summary>A progress report: files finished of the total, chunks stored so far, and the file being read.</summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, int Chunks, long Bytes, string? CurrentFile);
