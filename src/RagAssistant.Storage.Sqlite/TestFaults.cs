namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// A fault point for the crash-safety test: when the environment variable <c>RAG_TEST_HANG_BEFORE_COMMIT</c> is
/// set and the document's source contains its value, the writer announces it on stderr and stops inside the open
/// transaction, so the test can kill the process at exactly that moment. Unset in every real run.
/// </summary>
internal static class TestFaults
{
    private static readonly string? HangSource = Environment.GetEnvironmentVariable("RAG_TEST_HANG_BEFORE_COMMIT");

    public static void HangBeforeCommitIfRequested(string source)
    {
        if (string.IsNullOrEmpty(HangSource) || !source.Contains(HangSource, StringComparison.Ordinal)) return;
        Console.Error.WriteLine($"RAG_TEST_HANG_BEFORE_COMMIT reached for {source}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
