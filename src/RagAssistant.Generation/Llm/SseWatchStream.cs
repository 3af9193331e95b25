using System.Text;
using System.Text.Json;

namespace RagAssistant.Generation.Llm;

/// <summary>
/// Wraps a server-sent-events answer on its way to the OpenAI SDK and turns what the SDK would pass over in silence
/// into an <see cref="LlmException"/>: a stream that ends (or whose connection breaks) before the server finished — no
/// <c>finish_reason</c> and no <c>data: [DONE]</c> — would otherwise be a silently truncated answer; an event whose data
/// is not JSON is named with its text; an <c>{"error": …}</c> event sent mid-stream (vLLM, proxies) is reported.
/// Events are checked as their bytes pass, before the SDK sees them.
/// </summary>
internal sealed class SseWatchStream(Stream inner, string label) : Stream
{
    private readonly List<byte> line = new(256);
    private StringBuilder? eventData;
    private int events;
    private bool done;
    private bool finished;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (IOException e)
        {
            throw Broken(e);
        }
        return Watch(buffer[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Broken(e);
        }
        return Watch(buffer.Span[..read]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private LlmException Broken(IOException e) => new(
        $"{label} cut the answer off: the connection broke after {events} stream events, before the server finished ({e.Message})",
        LlmFailure.StreamCutOff, innerException: e);

    private int Watch(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            if (line.Count > 0) Line();
            Dispatch();
            if (!done && !finished)
                throw new LlmException(
                    $"{label} cut the answer off: the stream ended after {events} events without a finish_reason or [DONE]",
                    LlmFailure.StreamCutOff);
            return 0;
        }
        foreach (var b in bytes)
        {
            if (b == (byte)'\n') Line();
            else line.Add(b);
        }
        return bytes.Length;
    }

    private void Line()
    {
        var count = line.Count > 0 && line[^1] == (byte)'\r' ? line.Count - 1 : line.Count;
        var text = Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line)[..count]);
        line.Clear();
        if (text.Length == 0)
        {
            Dispatch();
            return;
        }
        if (!text.StartsWith("data:", StringComparison.Ordinal)) return; // event:, id:, retry: and ": comments"
        var data = text.AsSpan(5);
        if (data.StartsWith(" ")) data = data[1..];
        if (eventData is null) eventData = new StringBuilder().Append(data);
        else eventData.Append('\n').Append(data);
    }

    private void Dispatch()
    {
        if (eventData is null) return;
        var data = eventData.ToString();
        eventData = null;
        events++;
        if (data.Trim() == "[DONE]")
        {
            done = true;
            return;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(data);
        }
        catch (JsonException e)
        {
            throw new LlmException(
                $"{label} sent a malformed stream chunk (not JSON): {Excerpt(data)}", LlmFailure.Malformed, innerException: e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new LlmException($"{label} sent a malformed stream chunk (not a JSON object): {Excerpt(data)}", LlmFailure.Malformed);
            if (root.TryGetProperty("error", out _) && !root.TryGetProperty("choices", out _))
                throw new LlmException($"{label} reported an error in the middle of the answer: {ErrorText.From(data)}", LlmFailure.Other);
            if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
                foreach (var choice in choices.EnumerateArray())
                    if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("finish_reason", out var reason) && reason.ValueKind == JsonValueKind.String)
                        finished = true;
        }
    }

    private static string Excerpt(string data) => data.Length <= 120 ? data : data[..120] + "…";
}
