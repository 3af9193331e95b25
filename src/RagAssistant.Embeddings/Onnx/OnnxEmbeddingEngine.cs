using System.Numerics.Tensors;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using RagAssistant.Embeddings.Models;

namespace RagAssistant.Embeddings.Onnx;

/// <summary>
/// Runs a sentence-embedding graph over many texts:
/// <list type="number">
/// <item>texts are ordered by length (longest first) and cut into batches, so each batch pads to a similar length;</item>
/// <item>each batch is padded to its own longest text, not to the model's window;</item>
/// <item>batch k+1 is tokenized (on all cores) while batch k runs;</item>
/// <item>input and output buffers are allocated once and bound to the session with an <see cref="OrtIoBinding"/>
/// (on CUDA, ONNX Runtime copies the inputs to the device and the pooled output back);</item>
/// <item>a graph with a <c>sentence_embedding</c> output is used as is; otherwise <c>last_hidden_state</c> is pooled
/// (mean under the mask, or CLS) and L2-normalised here.</item>
/// </list>
/// One batch at a time on the session (the output buffer is shared), questions first (<see cref="PriorityGate"/>).
/// </summary>
public sealed class OnnxEmbeddingEngine : IDisposable
{
    public const string PooledOutput = "sentence_embedding";
    public const string TokenOutput = "last_hidden_state";

    private readonly InferenceSession _session;
    private readonly EmbeddingModel _model;
    private readonly string[] _inputs;
    private readonly string _output;
    private readonly PriorityGate _gate = new();
    private float[] _outputBuffer = [];

    public OnnxEmbeddingEngine(EmbeddingModel model, EmbeddingOptions options, ILogger logger, bool forceFp32 = false)
    {
        _model = model;
        (_session, Choice) = SessionFactory.Create(model, options, logger, forceFp32);
        _inputs = _session.InputMetadata.Keys.ToArray();
        foreach (var input in _inputs)
            if (input is not ("input_ids" or "attention_mask" or "token_type_ids"))
                throw new EmbeddingModelException($"{model.Location}: unexpected graph input '{input}' (expected input_ids, attention_mask, token_type_ids)");
        var outputs = _session.OutputMetadata;
        if (outputs.ContainsKey(PooledOutput))
        {
            _output = PooledOutput;
            Pooling = PoolingMode.Graph;
        }
        else
        {
            _output = outputs.ContainsKey(TokenOutput) ? TokenOutput : outputs.First(o => o.Value.Dimensions.Length == 3).Key;
            Pooling = model.Pooling;
        }
        var last = outputs[_output].Dimensions[^1];
        Dimension = last > 0 ? last : model.Dimension;
        if (Dimension <= 0) throw new EmbeddingModelException($"{model.Location}: cannot tell the output dimension (no hidden_size in config.json)");
        BatchSize = options.BatchSize > 0 ? options.BatchSize : Choice.Device == "cpu" ? 32 : 256;
    }

    public DeviceChoice Choice { get; }
    public PoolingMode Pooling { get; }
    public int Dimension { get; }
    public int BatchSize { get; }

    private bool _disposed;

    /// <summary>Embeds <paramref name="texts"/> for someone waiting (a question); vectors come back in input order, L2-normalised.</summary>
    public EmbeddingResult Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Embed(texts, foreground: true, beforeBatch: null, cancellationToken);

    /// <summary>
    /// Embeds <paramref name="texts"/> as background work (a document's chunks): the session is taken batch by batch,
    /// after any waiting question, and <paramref name="beforeBatch"/> runs before each batch (to step aside while
    /// questions are answered).
    /// </summary>
    public EmbeddingResult EmbedInBackground(IReadOnlyList<string> texts, Action? beforeBatch, CancellationToken cancellationToken = default) =>
        Embed(texts, foreground: false, beforeBatch, cancellationToken);

    /// <summary>
    /// Batch k+1 is tokenized (on another core) while batch k runs, into this call's own pair of buffers: another call
    /// may run between two of this call's batches, so the session is held per batch, not per call.
    /// </summary>
    private EmbeddingResult Embed(IReadOnlyList<string> texts, bool foreground, Action? beforeBatch, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var tokens = new int[texts.Count];
        var truncated = new bool[texts.Count];
        if (texts.Count == 0) return new EmbeddingResult(vectors, tokens, truncated);

        var batches = Batches(texts);
        var rows = Math.Min(BatchSize, texts.Count);
        TokenBatch[] buffers = [new TokenBatch(rows, _model.MaxLength), new TokenBatch(rows, _model.MaxLength)];
        var padId = _model.Tokenizer.Vocabulary.Padding;
        buffers[0].Fill(texts, batches[0], _model.Tokenizer, padId);
        for (var k = 0; k < batches.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = buffers[k % 2];
            var next = k + 1 < batches.Length
                ? Task.Run(() => buffers[(k + 1) % 2].Fill(texts, batches[k + 1], _model.Tokenizer, padId), cancellationToken)
                : Task.CompletedTask;
            beforeBatch?.Invoke();
            _gate.Enter(foreground, cancellationToken);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                Run(current, vectors);
            }
            finally
            {
                _gate.Exit();
            }
            for (var r = 0; r < current.Rows; r++)
            {
                tokens[current.Indices[r]] = current.Lengths[r];
                truncated[current.Indices[r]] = current.TruncatedRows[r];
            }
            next.GetAwaiter().GetResult();
        }
        return new EmbeddingResult(vectors, tokens, truncated);
    }

    /// <summary>
    /// For benchmarks: tokenizes <paramref name="texts"/> into batches now (same order and batch size as
    /// <see cref="Embed"/>) and returns an action that runs only the graph (and output copy) over them.
    /// </summary>
    public Action PrepareGraphOnly(IReadOnlyList<string> texts)
    {
        var padId = _model.Tokenizer.Vocabulary.Padding;
        var prepared = Batches(texts)
            .Select(indices =>
            {
                var batch = new TokenBatch(indices.Length, _model.MaxLength);
                batch.Fill(texts, indices, _model.Tokenizer, padId);
                return batch;
            }).ToList();
        var sink = new float[texts.Count][];
        return () =>
        {
            _gate.Enter(foreground: true, CancellationToken.None);
            try
            {
                foreach (var batch in prepared) Run(batch, sink);
            }
            finally
            {
                _gate.Exit();
            }
        };
    }

    /// <summary>
    /// Orders texts by length (longest first) and cuts batches of at most <see cref="BatchSize"/> texts; a batch also
    /// ends where a text is notably shorter than the batch's first (longest) text, so that rows are
    /// padded little — padding is work the model does for nothing. Character length stands in
    /// for token length (the texts are tokenized later, batch by batch, in parallel with inference).
    /// </summary>
    private int[][] Batches(IReadOnlyList<string> texts)
    {
        var order = Enumerable.Range(0, texts.Count).OrderByDescending(i => texts[i].Length).ToArray();
        var batches = new List<int[]>();
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i < order.Length && i - start < BatchSize && texts[order[i]].Length >= MinFill * texts[order[start]].Length) continue;
            batches.Add(order[start..i]);
            start = i;
        }
        return batches.ToArray();
    }

    /// <summary>
    /// A batch ends at a text shorter than this share of its longest text: 0.9 on the CPU (where small batches cost
    /// little and padding costs fully), 0.75 on CUDA (where large batches keep the GPU fed).
    /// </summary>
    private double MinFill => Choice.Device == "cpu" ? 0.9 : 0.75;

    private void Run(TokenBatch batch, float[][] vectors)
    {
        var rows = batch.Rows;
        var seqLen = batch.SeqLen;
        long[] inputShape = [rows, seqLen];
        var outputLength = Pooling == PoolingMode.Graph ? rows * Dimension : rows * seqLen * Dimension;
        if (_outputBuffer.Length < outputLength) _outputBuffer = new float[Math.Max(outputLength, _outputBuffer.Length * 2)];
        long[] outputShape = Pooling == PoolingMode.Graph ? [rows, Dimension] : [rows, seqLen, Dimension];

        var memory = OrtMemoryInfo.DefaultInstance;
        using var ids = OrtValue.CreateTensorValueFromMemory(memory, batch.Ids, inputShape);
        using var mask = OrtValue.CreateTensorValueFromMemory(memory, batch.Mask, inputShape);
        using var types = OrtValue.CreateTensorValueFromMemory(memory, batch.Types, inputShape);
        using var output = OrtValue.CreateTensorValueFromMemory(memory, _outputBuffer.AsMemory(0, outputLength), outputShape);
        using var binding = _session.CreateIoBinding();
        foreach (var input in _inputs)
            binding.BindInput(input, input switch { "input_ids" => ids, "attention_mask" => mask, _ => types });
        binding.BindOutput(_output, output);
        using var runOptions = new RunOptions();
        _session.RunWithBinding(runOptions, binding);
        binding.SynchronizeBoundOutputs();

        var hidden = _outputBuffer.AsSpan(0, outputLength);
        var lengths = batch.Lengths;
        for (var r = 0; r < rows; r++)
        {
            var vector = new float[Dimension];
            switch (Pooling)
            {
                case PoolingMode.Graph:
                    hidden.Slice(r * Dimension, Dimension).CopyTo(vector);
                    break;
                case PoolingMode.Cls:
                    hidden.Slice(r * seqLen * Dimension, Dimension).CopyTo(vector);
                    break;
                default:
                    // The mask is 1 for the first lengths[r] positions and 0 after: the mean is over those rows.
                    for (var t = 0; t < lengths[r]; t++)
                        TensorPrimitives.Add(vector, hidden.Slice((r * seqLen + t) * Dimension, Dimension), vector);
                    TensorPrimitives.Divide(vector, lengths[r], vector);
                    break;
            }
            Normalize(vector);
            vectors[batch.Indices[r]] = vector;
        }
    }

    /// <summary>L2-normalises in place (as sentence-transformers' Normalize layer; a zero vector stays zero).</summary>
    internal static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 1e-12f) TensorPrimitives.Divide(vector, norm, vector);
    }

    /// <summary>
    /// Waits for a batch running on another thread, then disposes the session: disposing it under a running batch (an
    /// answer still embedding its question while the app stops) crashes the process in native code. Later calls get
    /// an <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        _gate.Enter(foreground: true, CancellationToken.None);
        try
        {
            if (_disposed) return;
            _disposed = true;
            _session.Dispose();
        }
        finally
        {
            _gate.Exit();
        }
    }
}
