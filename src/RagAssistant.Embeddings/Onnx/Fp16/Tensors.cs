using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace RagAssistant.Embeddings.Onnx.Fp16;

/// <summary>Reads and makes ONNX tensors: an exporter may store values as raw bytes or in the typed fields, so both are read.</summary>
internal static class Tensors
{
    public static DataType TypeOf(TensorProto t) => (DataType)t.DataType;

    public static long Count(TensorProto t) => t.Dims.Aggregate(1L, (a, d) => a * d);

    public static float[] Floats(TensorProto t)
    {
        if (TypeOf(t) != DataType.Float) throw new NotSupportedException($"tensor {t.Name} is {TypeOf(t)}, not float");
        return t.RawData.Length > 0 ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : t.FloatData.ToArray();
    }

    /// <summary>The values of an int8 or uint8 tensor (typed fields keep them in int32_data).</summary>
    public static int[] Bytes(TensorProto t)
    {
        var type = TypeOf(t);
        if (type is not (DataType.Int8 or DataType.Uint8)) throw new NotSupportedException($"tensor {t.Name} is {type}, not int8/uint8");
        if (t.RawData.Length == 0) return t.Int32Data.ToArray();
        var raw = t.RawData.Span;
        var values = new int[raw.Length];
        for (var i = 0; i < raw.Length; i++) values[i] = type == DataType.Int8 ? (sbyte)raw[i] : raw[i];
        return values;
    }

    public static TensorProto Float(string name, IEnumerable<long> dims, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)DataType.Float, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())) };
        t.Dims.AddRange(dims);
        return t;
    }

    public static TensorProto Int64(string name, IEnumerable<long> dims, params long[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)DataType.Int64 };
        t.Dims.AddRange(dims);
        t.Int64Data.AddRange(values);
        return t;
    }

    /// <summary>
    /// The float tensor as float16 (same name and shape). A value beyond float16's range can only be a "minus infinity"
    /// fill (BERT exports mask padding with float.MinValue); it becomes ∓10000: far enough that softmax gives masked
    /// tokens no weight, near enough that adding an attention score to it cannot overflow float16 to -inf.
    /// </summary>
    public static TensorProto ToFloat16(TensorProto t)
    {
        var values = Floats(t);
        var bits = new ushort[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = Math.Abs(values[i]) > (float)Half.MaxValue ? MathF.CopySign(MaskFill, values[i]) : values[i];
            bits[i] = BitConverter.HalfToUInt16Bits((Half)v);
        }
        var f16 = new TensorProto { Name = t.Name, DataType = (int)DataType.Float16, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bits.AsSpan())) };
        f16.Dims.AddRange(t.Dims);
        return f16;
    }

    public const float MaskFill = 10000f;
}
