namespace RagAssistant.Ingestion;

/// <summary>The outcome of an ingestion run, one result per file in the order processed.</summary>
public sealed record IngestReport(IReadOnlyList<FileResult> Files)
{
    public int Ingested => Count(FileStatus.Ingested);
    public int Unchanged => Count(FileStatus.Unchanged);
    public int Replaced => Count(FileStatus.Replaced);
    public int Skipped => Count(FileStatus.Skipped);
    public int Failed => Count(FileStatus.Failed);

    private int Count(string status) => Files.Count(f => f.Status == status);
}
