using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// A request body of <c>head</c>, <c>fill</c> bytes of 'a', then <c>tail</c>, produced as it is sent (no
/// 50 MB array in the test) and counting what was handed to the connection — so a test can tell whether the server
/// asked for the body at all. With <c>declareLength</c> false it goes chunked, with no Content-Length.
/// </summary>
public sealed class CountingBody : HttpContent
{
    private readonly byte[] _head, _tail;
    private readonly long _fill;
    private readonly bool _declareLength;
    private long _sent;

    public CountingBody(string head, long fill, string tail, string mediaType, bool declareLength = true)
    {
        (_head, _fill, _tail, _declareLength) = (Encoding.UTF8.GetBytes(head), fill, Encoding.UTF8.GetBytes(tail), declareLength);
        Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
    }

    /// <summary>A JSON question of about <paramref name="bytes"/> bytes.</summary>
    public static CountingBody Question(long bytes, bool declareLength = true) =>
        new("{\"question\":\"", bytes, "\"}", "application/json", declareLength);

    public long BytesSent => Interlocked.Read(ref _sent);

    public long Length => _head.Length + _fill + _tail.Length;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await WriteAsync(stream, _head);
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)'a');
        for (var left = _fill; left > 0; left -= block.Length)
            await WriteAsync(stream, block.AsMemory(0, (int)Math.Min(block.Length, left)));
        await WriteAsync(stream, _tail);
    }

    private async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes);
        Interlocked.Add(ref _sent, bytes.Length);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return _declareLength;
    }
}
