namespace RagAssistant.Ingestion;

/// <summary>What happened to one file in an ingestion run; the values are the JSON spelling.</summary>
public static class FileStatus
{
    public const string Ingested = "ingested";
    public const string Unchanged = "unchanged";
    public const string Replaced = "replaced";
    /// <summary>Not ingested on purpose: a byte-identical duplicate, or an unsupported type found by walking a folder.</summary>
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
