using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RagAssistant.Embeddings.Models;

namespace RagAssistant.Embeddings.Onnx.Fp16;

/// <summary>
/// The fp16 graph built from an int8 graph once and kept: in the first writable folder of those given (beside the int8
/// graph, then the user's cache). A file <c>….source-sha256</c> beside it names the int8 graph it came from, so a new
/// int8 graph (a new build of the program) gets a new fp16 graph; file times cannot tell, the model's files all carry
/// their tarball's 1985 timestamp. Any failure is logged and answered with null: the caller keeps the int8 graph.
/// </summary>
public static class Fp16GraphCache
{
    public const string SourceSuffix = ".source-sha256";

    public static string? Ensure(string int8GraphPath, IReadOnlyList<string> folders, string modelId, ILogger logger)
    {
        string source;
        try
        {
            using var stream = File.OpenRead(int8GraphPath);
            source = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException ex)
        {
            Log.Fp16GraphFailed(logger, modelId, ex.Message);
            return null;
        }

        var targets = folders.Select(f => Path.GetFullPath(Path.Combine(f, EmbeddingModelLoader.CudaGraphFile))).ToList();
        if (targets.FirstOrDefault(t => File.Exists(t) && ReadSource(t) == source) is { } built) return built;

        var problems = new List<string>();
        foreach (var target in targets)
        {
            try
            {
                var build = Fp16GraphBuilder.Build(int8GraphPath, target);
                File.WriteAllText(target + SourceSuffix, source);
                Log.Fp16GraphBuilt(logger, modelId, build.Path, build.DenseLayers, build.Tables, build.Bytes / (1024 * 1024), build.Elapsed.TotalSeconds);
                return target;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{target}: {ex.Message}"); // not writable here: try the next folder
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The graph itself is the problem (a pattern the builder does not know, a damaged file): no folder helps,
                // and the int8 graph still works, so this is a log line, never a crash.
                Log.Fp16GraphFailed(logger, modelId, $"{int8GraphPath}: {ex.GetType().Name}: {ex.Message}");
                return null;
            }
        }
        Log.Fp16GraphFailed(logger, modelId, $"no writable folder ({string.Join("; ", problems)})");
        return null;
    }

    private static string? ReadSource(string fp16GraphPath)
    {
        try
        {
            return File.ReadAllText(fp16GraphPath + SourceSuffix).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
