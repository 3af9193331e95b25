namespace RagAssistant.Generation.Llm;

/// <summary>
/// Checks a model file before LLamaSharp sees it: llama.cpp answers a wrong file with a native log line and a bare
/// "failed to load model", so the two common mistakes (a wrong path, a file that is not GGUF — a safetensors or .bin
/// download, an HTML error page saved as .gguf) are named here instead.
/// </summary>
internal static class GgufFile
{
    /// <summary>Every GGUF file starts with these four bytes ("GGUF", little-endian magic 0x46554747).</summary>
    private static ReadOnlySpan<byte> Magic => "GGUF"u8;

    /// <summary>Why <paramref name="path"/> cannot be a GGUF model, or null when its first four bytes are the GGUF magic.</summary>
    public static string? Check(string path)
    {
        if (Directory.Exists(path)) return $"{path} is a folder, not a .gguf file";
        if (!File.Exists(path)) return $"file not found: {path}";
        Span<byte> head = stackalloc byte[4];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {path}: {e.Message}";
        }
        return read == head.Length && head.SequenceEqual(Magic)
            ? null
            : $"{path} is not a GGUF model (bad magic)";
    }
}
