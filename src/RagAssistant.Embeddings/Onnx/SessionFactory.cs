using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using RagAssistant.Embeddings.Models;

namespace RagAssistant.Embeddings.Onnx;

/// <summary>Where the model runs and why: decided once, at start.</summary>
public sealed record DeviceChoice(string Device, string Reason, string GraphDescription);

/// <summary>
/// Creates the inference session: on CUDA when it is asked for (<c>cuda</c>) or allowed (<c>auto</c>) and usable,
/// otherwise on the CPU. Every way CUDA can be unusable — an ONNX Runtime build without the provider, missing CUDA or
/// cuDNN libraries, no GPU, a bad device id — ends in a CPU session and one log line with the reason, never a crash.
/// On CUDA the fused fp16 graph is used when one is configured or found (the built-in Chinese model builds its own from
/// its int8 graph, <see cref="EmbeddingModel.BuildCudaGraph"/>); on the CPU always the fp32 graph (fp16
/// contrib operators are emulated there, slowly). CPU sessions use every core and all graph optimisations.
/// </summary>
public static class SessionFactory
{
    public const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>Libraries the CUDA provider of ONNX Runtime 1.31 loads (CUDA 13, cuDNN 9); named in the fallback reason.</summary>
    private static readonly string[] CudaLibraries = ["libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcudnn.so.9"];

    static SessionFactory()
    {
        // ONNX Runtime's own logger would print the failed CUDA probe as an error on stderr; the fallback is reported
        // once, in our log line, with the reason. Real failures still surface as exceptions.
        if (!OrtEnv.IsCreated)
        {
            var env = new EnvironmentCreationOptions { logId = "rag", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            OrtEnv.CreateInstanceWithOptions(ref env);
        }
    }

    public static (InferenceSession Session, DeviceChoice Choice) Create(EmbeddingModel model, EmbeddingOptions options, ILogger logger,
        bool forceFp32 = false)
    {
        var device = options.Device.ToLowerInvariant();
        string? cudaProblem = null;
        if (device != "cpu")
        {
            try
            {
                var cudaOptions = CreateOptions(options);
                if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider))
                    throw new InvalidOperationException("this ONNX Runtime build has no CUDA provider");
                cudaOptions.AppendExecutionProvider_CUDA(options.DeviceId);
                // Only now that CUDA is usable is an fp16 graph worth building (seconds, tens of MB on disk).
                var graphPath = forceFp32 ? null : model.CudaGraphPath ?? model.BuildCudaGraph?.Invoke(logger);
                var session = Open(graphPath is null ? model.LoadGraph() : new ModelGraph(graphPath, null), cudaOptions);
                var choice = new DeviceChoice($"cuda:{options.DeviceId}",
                    device == "cuda" ? "configured (Rag:Embeddings:Device=cuda)" : "a usable GPU was found (Rag:Embeddings:Device=auto)",
                    graphPath is null ? "fp32 graph (no fused fp16 graph found)" : $"fused fp16 graph {graphPath}");
                Log.DeviceChosen(logger, model.Id, choice.Device, choice.Reason, choice.GraphDescription);
                return (session, choice);
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or InvalidOperationException or DllNotFoundException or EntryPointNotFoundException
                                           or TypeInitializationException)
            {
                cudaProblem = FirstLine(ex.Message);
                var missing = CudaLibraries.Where(l => !NativeLibrary.TryLoad(l, out _)).ToList();
                if (missing.Count > 0) cudaProblem = $"CUDA libraries not found ({string.Join(", ", missing)}; CUDA 13 and cuDNN 9 are needed) — {cudaProblem}";
            }
        }

        var cpu = Open(model.LoadGraph(), CreateOptions(options));
        var reason = device switch
        {
            "cpu" => "configured (Rag:Embeddings:Device=cpu)",
            "cuda" => $"CUDA was requested but is not usable: {cudaProblem}",
            _ => $"no usable GPU: {cudaProblem}",
        };
        var cpuChoice = new DeviceChoice("cpu", reason, "fp32 graph");
        if (device == "cuda") Log.DeviceFallback(logger, model.Id, reason);
        else Log.DeviceChosen(logger, model.Id, cpuChoice.Device, reason, cpuChoice.GraphDescription);
        return (cpu, cpuChoice);
    }

    /// <summary>Options shared by our sessions and the benchmark peer's: every core (or the configured count), all optimisations.</summary>
    public static SessionOptions CreateOptions(EmbeddingOptions options)
    {
        var so = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        return so;
    }

    private static InferenceSession Open(ModelGraph graph, SessionOptions options) =>
        graph.Path is not null ? new InferenceSession(graph.Path, options) : new InferenceSession(graph.Bytes!, options);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
