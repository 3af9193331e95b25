namespace RagAssistant.Ingestion;

/// <summary>
/// A fault point for the crash tests of the durable queue: when the environment variable
/// <c>RAG_TEST_HANG_WHILE_EMBEDDING</c> is set and a document's source contains its value, the pipeline announces it on
/// stderr once the document has reached embedding and stops there, so a test can kill the process mid-document.
/// Unset in every real run.
/// </summary>
internal static class TestFaults
{
    private static readonly string? HangSource = Environment.GetEnvironmentVariable("RAG_TEST_HANG_WHILE_EMBEDDING");

    public static void HangWhileEmbeddingIfRequested(string source)
    {
        if (string.IsNullOrEmpty(HangSource) || !source.Contains(HangSource, StringComparison.Ordinal)) return;
        Console.Error.WriteLine($"RAG_TEST_HANG_WHILE_EMBEDDING reached for {source}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
