using LLama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RagAssistant.Generation.Llm.Llama;

/// <summary>
/// Routes llama.cpp's native log (hundreds of lines per model load, written to stderr by default — which would break
/// the CLI's "stderr for humans" promise and bury real warnings) to the application's logger: errors as warnings,
/// everything else at Debug. Process-wide, as llama.cpp's log callback is; the latest model's logger receives it.
/// </summary>
internal static class LlamaNativeLog
{
    private static readonly Lock Gate = new();
    private static ILogger current = NullLogger.Instance;
    private static bool installed;

    public static void RouteTo(ILogger logger)
    {
        lock (Gate)
        {
            current = logger;
            if (installed) return;
            installed = true;
            // Before the native library loads the callback must go through the loader's configuration; after, directly.
            if (NativeLibraryConfig.LLama.LibraryHasLoaded) NativeLogConfig.llama_log_set(Write);
            else NativeLibraryConfig.All.WithLogCallback(Write);
        }
    }

    private static void Write(LLamaLogLevel level, string message)
    {
        var text = message.TrimEnd();
        if (text.Length == 0) return;
        if (level == LLamaLogLevel.Error) LlmLog.NativeError(current, text);
        else if (current.IsEnabled(LogLevel.Debug)) LlmLog.Native(current, text);
    }
}
