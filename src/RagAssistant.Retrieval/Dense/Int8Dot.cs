using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// Dot products of int8-quantized vectors with an int8 query of at most <see cref="QueryLimit"/> in magnitude. With AVX2,
/// 32 dimensions per step: the row's bytes get their sign bit flipped (v + 128, unsigned), <c>vpmaddubsw</c> multiplies
/// them with the query's signed bytes and adds pairs into shorts (255 × 63 × 2 = 32,130 never saturates), <c>vpmaddwd</c>
/// with ones widens the pairs into ints; the 128 × Σq the offset added is taken off at the end. Twice the dimensions per
/// instruction of widening the row to shorts: the scan is compute-bound, not memory-bound, at this size.
/// </summary>
internal static class Int8Dot
{
    /// <summary>The largest query component magnitude the kernel accepts (so that pair sums fit in a short).</summary>
    public const int QueryLimit = 63;

    /// <param name="querySum">Σ query[i], computed once per query.</param>
    public static int Dot(ReadOnlySpan<sbyte> vector, ReadOnlySpan<sbyte> query, int querySum)
    {
        if (!Avx2.IsSupported || vector.Length < 32)
        {
            var plain = 0;
            for (var j = 0; j < vector.Length; j++) plain += vector[j] * query[j];
            return plain;
        }
        var acc = Vector256<int>.Zero;
        var signBit = Vector256.Create((byte)0x80);
        var ones = Vector256.Create((short)1);
        ref var v = ref Unsafe.As<sbyte, byte>(ref Unsafe.AsRef(in vector[0]));
        ref var q = ref Unsafe.As<sbyte, byte>(ref Unsafe.AsRef(in query[0]));
        var i = 0;
        for (; i + 32 <= vector.Length; i += 32)
        {
            var offsetRow = Avx2.Xor(Vector256.LoadUnsafe(ref v, (nuint)i), signBit);
            var pairs = Avx2.MultiplyAddAdjacent(offsetRow, Vector256.LoadUnsafe(ref q, (nuint)i).AsSByte());
            acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(pairs, ones));
        }
        // Σ (v + 128) × q over every dimension (the tail too, the same way), less the offset's 128 × Σ q.
        var total = Vector256.Sum(acc);
        for (; i < vector.Length; i++) total += (vector[i] + 128) * query[i];
        return total - 128 * querySum;
    }
}
