using RagAssistant.Embeddings.Tokenization;

namespace RagAssistant.Embeddings.Onnx;

/// <summary>
/// Reusable input buffers for one batch: ids, attention mask and token types laid out [rows, seqLen], padded to the
/// longest text of the batch (not to the model's maximum). Two of these alternate, so the next batch is tokenized
/// while the current one runs.
/// </summary>
internal sealed class TokenBatch(int capacityRows, int maxLength)
{
    private readonly long[] _ids = new long[capacityRows * maxLength];
    private readonly long[] _mask = new long[capacityRows * maxLength];
    private readonly long[] _types = new long[capacityRows * maxLength];
    private readonly int[] _lengths = new int[capacityRows];

    public int Rows { get; private set; }
    public int SeqLen { get; private set; }
    public int Truncated { get; private set; }
    public int Tokens { get; private set; }
    public int[] Indices { get; private set; } = [];
    public ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, Rows);
    public Memory<long> Ids => _ids.AsMemory(0, Rows * SeqLen);
    public Memory<long> Mask => _mask.AsMemory(0, Rows * SeqLen);
    public Memory<long> Types => _types.AsMemory(0, Rows * SeqLen);
    public bool[] TruncatedRows { get; private set; } = [];

    /// <summary>Tokenizes texts[indices] (in parallel when the batch is large enough to pay for it), then packs rows to the longest.</summary>
    public void Fill(IReadOnlyList<string> texts, int[] indices, WordPieceTokenizer tokenizer, int padId)
    {
        Rows = indices.Length;
        Indices = indices;
        TruncatedRows = new bool[Rows];
        var truncatedRows = TruncatedRows;
        if (Rows >= 8)
            Parallel.For(0, Rows, i => Encode(i));
        else
            for (var i = 0; i < Rows; i++) Encode(i);

        var seqLen = 0;
        var tokens = 0;
        var truncated = 0;
        for (var i = 0; i < Rows; i++)
        {
            seqLen = Math.Max(seqLen, _lengths[i]);
            tokens += _lengths[i];
            if (truncatedRows[i]) truncated++;
        }
        SeqLen = seqLen;
        Tokens = tokens;
        Truncated = truncated;

        // Rows were written at stride maxLength; move them to stride seqLen (seqLen <= maxLength, so moving row i
        // forward never overwrites a row not yet moved), then pad.
        for (var i = 0; i < Rows; i++)
        {
            var length = _lengths[i];
            var row = _ids.AsSpan(i * seqLen, seqLen);
            if (seqLen != maxLength) _ids.AsSpan(i * maxLength, length).CopyTo(row);
            row[length..].Fill(padId);
            var mask = _mask.AsSpan(i * seqLen, seqLen);
            mask[..length].Fill(1);
            mask[length..].Clear();
        }
        _types.AsSpan(0, Rows * seqLen).Clear();

        void Encode(int i)
        {
            _lengths[i] = tokenizer.Encode(texts[indices[i]], _ids.AsSpan(i * maxLength, maxLength), maxLength, out var cut);
            truncatedRows[i] = cut;
        }
    }
}
