namespace RagAssistant.Cli;

/// <summary>The `rag` exit codes (ARCHITECTURE.md): per-file failures are reported in the output, not here.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
