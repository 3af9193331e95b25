using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RagAssistant.Storage.Sqlite;

/// <summary>Vectors are stored as float32 little-endian BLOBs (4 bytes per dimension).</summary>
internal static class VectorBlob
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(vector).CopyTo(bytes);
        else
            for (var i = 0; i < vector.Length; i++)
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, vector.Length * sizeof(float))).CopyTo(vector);
        else
            for (var i = 0; i < vector.Length; i++)
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return vector;
    }
}
