using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagAssistant.Testing;

/// <summary>
/// A scripted OpenAI-protocol server for tests: a minimal HTTP/1.1 server on 127.0.0.1 at a free port that answers
/// <c>POST …/chat/completions</c> (OpenAI's <c>/v1/chat/completions</c> and Azure's
/// <c>/openai/deployments/{name}/chat/completions</c>) with the replies queued by the <c>Enqueue…</c> methods, in order,
/// and <c>GET …/models</c> with <see cref="ModelIds"/>. Streams are server-sent events in HTTP chunked encoding
/// (or, with <see cref="ChunkedStreams"/> off, delimited by closing the connection), so a reply can stop mid-stream by
/// closing the socket. Every request is recorded in <see cref="Requests"/>. With the queue empty a chat request gets
/// 500 saying no reply was scripted.
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<Reply> replies = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly ConcurrentDictionary<string, string> rejectedFields = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TcpClient, Task> connections = new();
    private readonly Task acceptLoop;
    private int completionCounter;

    public ScriptedOpenAiServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT/ — the root, for Azure OpenAI (which adds /openai/deployments/…).</summary>
    public Uri Root => new($"http://127.0.0.1:{Port}/");

    /// <summary>http://127.0.0.1:PORT/v1 — the base URL an OpenAI-compatible client is given.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/v1");

    /// <summary>The models <c>GET /v1/models</c> lists. Default: <c>test-model</c>.</summary>
    public IReadOnlyList<string> ModelIds { get; set; } = ["test-model"];

    /// <summary>
    /// Stream in HTTP chunked encoding (default), so closing early is visibly a truncated response; when false a
    /// stream is sent with <c>Connection: close</c> and ends by closing the connection, so an early close looks like
    /// a normal end of body to the client (as behind some proxies).
    /// </summary>
    public bool ChunkedStreams { get; set; } = true;

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests) return [.. requests];
        }
    }

    /// <summary>The chat requests (POSTs to …/chat/completions) received so far.</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => [.. Requests.Where(r => IsChat(r))];

    /// <summary>Replies scripted but not yet used.</summary>
    public int PendingReplies => replies.Count;

    /// <summary>A streamed reply: one <c>chat.completion.chunk</c> event per delta, a final chunk with
    /// <c>finish_reason: "stop"</c>, then <c>data: [DONE]</c>.</summary>
    public void EnqueueStream(params string[] deltas) => EnqueueStream(TimeSpan.Zero, deltas);

    /// <summary>A slow streamed reply: headers at once, then <paramref name="delayBeforeEachChunk"/> before every event.</summary>
    public void EnqueueStream(TimeSpan delayBeforeEachChunk, params string[] deltas) =>
        replies.Enqueue(new StreamReply(deltas, delayBeforeEachChunk, StreamEnding.Done));

    /// <summary>
    /// A held streamed reply: headers at once, then nothing until <paramref name="release"/> completes, then the deltas as
    /// <see cref="EnqueueStream(string[])"/> sends them — an answer that stays in progress exactly as long as a test needs.
    /// </summary>
    public void EnqueueHeldStream(Task release, params string[] deltas) =>
        replies.Enqueue(new StreamReply(deltas, TimeSpan.Zero, StreamEnding.Done) { Release = release });

    /// <summary>A stream that sends <paramref name="deltas"/> and then closes the connection: no finish reason, no [DONE].</summary>
    public void EnqueueCutOff(params string[] deltas) => replies.Enqueue(new StreamReply(deltas, TimeSpan.Zero, StreamEnding.CutOff));

    /// <summary>A stream that sends <paramref name="deltasBefore"/>, then an event whose data is not JSON, then ends normally.</summary>
    public void EnqueueMalformed(params string[] deltasBefore) =>
        replies.Enqueue(new StreamReply(deltasBefore, TimeSpan.Zero, StreamEnding.Malformed));

    /// <summary>A non-streaming <c>chat.completion</c> JSON reply carrying <paramref name="text"/>.</summary>
    public void EnqueueCompletion(string text) => replies.Enqueue(new CompletionReply(text));

    /// <summary>An HTTP <paramref name="status"/> with <paramref name="body"/> (sent as JSON when it looks like JSON,
    /// else as text) and, when given, a <c>Retry-After</c> header in whole seconds.</summary>
    public void EnqueueStatus(int status, string body, TimeSpan? retryAfter = null) =>
        replies.Enqueue(new StatusReply(status, body, retryAfter));

    /// <summary>
    /// From now on answer any chat request whose body contains the JSON property <paramref name="field"/> with 400
    /// and an error naming it, as picky OpenAI-compatible servers do (without consuming a scripted reply).
    /// </summary>
    public void RejectField(string field, string? message = null) =>
        rejectedFields[field] = message ?? $"Unrecognized request argument supplied: {field}";

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        foreach (var client in connections.Keys) client.Dispose();
        try
        {
            await acceptLoop;
            await Task.WhenAll(connections.Values);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        stopping.Dispose();
    }

    private static bool IsChat(RecordedRequest r) => r.Method == "POST" && r.Path.EndsWith("/chat/completions", StringComparison.Ordinal);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            client.NoDelay = true;
            connections[client] = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await Task.Yield();
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new BufferedStream(stream);
                while (!stopping.IsCancellationRequested)
                {
                    var request = await ReadRequestAsync(reader, stopping.Token);
                    if (request is null) return;
                    lock (requests) requests.Add(request);
                    if (!await RespondAsync(stream, request, stopping.Token)) return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (a cancelled or timed-out request) or the server is stopping.
        }
        finally
        {
            connections.TryRemove(client, out _);
        }
    }

    /// <summary>Answers one request; false when the connection must close afterwards.</summary>
    private async Task<bool> RespondAsync(NetworkStream stream, RecordedRequest request, CancellationToken ct)
    {
        if (request.Method == "GET" && request.Path.EndsWith("/models", StringComparison.Ordinal))
        {
            var list = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray([.. ModelIds.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["object"] = "model", ["owned_by"] = "scripted" })]),
            };
            await WriteSimpleAsync(stream, 200, list.ToJsonString(), null, ct);
            return true;
        }
        if (!IsChat(request))
        {
            await WriteSimpleAsync(stream, 404, ErrorJson($"ScriptedOpenAiServer: no route for {request.Method} {request.Path}"), null, ct);
            return true;
        }
        foreach (var (field, message) in rejectedFields)
        {
            if (!request.Body.Contains($"\"{field}\"", StringComparison.Ordinal)) continue;
            await WriteSimpleAsync(stream, 400, ErrorJson(message, field), null, ct);
            return true;
        }
        if (!replies.TryDequeue(out var reply))
        {
            await WriteSimpleAsync(stream, 500, ErrorJson($"ScriptedOpenAiServer: no reply was scripted for {request.Method} {request.Path}"), null, ct);
            return true;
        }
        var model = request.Json?["model"]?.GetValue<string>() ?? ModelIds.FirstOrDefault() ?? "test-model";
        var id = $"chatcmpl-{Interlocked.Increment(ref completionCounter)}";
        switch (reply)
        {
            case StatusReply s:
                await WriteSimpleAsync(stream, s.Status, s.Body, s.RetryAfter, ct);
                return true;
            case CompletionReply c:
                await WriteSimpleAsync(stream, 200, CompletionJson(id, model, c.Text), null, ct);
                return true;
            case StreamReply s:
                return await WriteStreamAsync(stream, s, id, model, ct);
            default:
                throw new InvalidOperationException(reply.GetType().Name);
        }
    }

    private async Task<bool> WriteStreamAsync(NetworkStream stream, StreamReply reply, string id, string model, CancellationToken ct)
    {
        var chunked = ChunkedStreams;
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n" +
                   (chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        await stream.FlushAsync(ct);
        if (reply.Release is { } release) await release.WaitAsync(ct);

        async Task SendEventAsync(string data)
        {
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, ct);
            var bytes = Encoding.UTF8.GetBytes($"data: {data}\n\n");
            if (chunked)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"), ct);
                await stream.WriteAsync(bytes, ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
            }
            else
            {
                await stream.WriteAsync(bytes, ct);
            }
            await stream.FlushAsync(ct);
        }

        for (var i = 0; i < reply.Deltas.Length; i++)
        {
            var delta = new JsonObject { ["content"] = reply.Deltas[i] };
            if (i == 0) delta["role"] = "assistant";
            await SendEventAsync(ChunkJson(id, model, delta, null));
        }
        if (reply.Ending == StreamEnding.CutOff) return false; // close without a finish reason, [DONE] or the last chunk
        if (reply.Ending == StreamEnding.Malformed) await SendEventAsync("{\"id\": \"broken\", \"choices\": [ this is not json");
        await SendEventAsync(ChunkJson(id, model, new JsonObject(), "stop"));
        await SendEventAsync("[DONE]");
        if (!chunked) return false;
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
        await stream.FlushAsync(ct);
        return true;
    }

    private static async Task WriteSimpleAsync(NetworkStream stream, int status, string body, TimeSpan? retryAfter, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var type = body.TrimStart().StartsWith('{') ? "application/json" : "text/plain";
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {type}; charset=utf-8\r\nContent-Length: {bytes.Length}\r\n");
        if (retryAfter is { } wait) head.Append(CultureInfo.InvariantCulture, $"Retry-After: {(int)Math.Ceiling(wait.TotalSeconds)}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct);
        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private static string ErrorJson(string message, string? param = null) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = null },
    }.ToJsonString();

    private static string ChunkJson(string id, string model, JsonObject delta, string? finishReason) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    }.ToJsonString();

    private static string CompletionJson(string id, string model, string text) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    }.ToJsonString();

    /// <summary>Reads one request (request line, headers, body by Content-Length or chunked); null at end of connection.</summary>
    private static async Task<RecordedRequest?> ReadRequestAsync(BufferedStream reader, CancellationToken ct)
    {
        var requestLine = await ReadLineAsync(reader, ct);
        if (string.IsNullOrEmpty(requestLine)) return null;
        var parts = requestLine.Split(' ');
        if (parts.Length < 2) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await ReadLineAsync(reader, ct) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }
        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadLineAsync(reader, ct) ?? "0";
                var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (await ReadLineAsync(reader, ct) is { Length: > 0 })
                    {
                    }
                    break;
                }
                var chunk = new byte[size];
                await reader.ReadExactlyAsync(chunk, ct);
                buffer.Write(chunk);
                await ReadLineAsync(reader, ct);
            }
            body = buffer.ToArray();
        }
        else
        {
            var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, CultureInfo.InvariantCulture) : 0;
            body = new byte[length];
            await reader.ReadExactlyAsync(body, ct);
        }
        var target = parts[1];
        var q = target.IndexOf('?', StringComparison.Ordinal);
        return new RecordedRequest(parts[0], q < 0 ? target : target[..q], q < 0 ? "" : target[q..], headers, Encoding.UTF8.GetString(body));
    }

    private static async Task<string?> ReadLineAsync(BufferedStream reader, CancellationToken ct)
    {
        var line = new List<byte>(128);
        var one = new byte[1];
        while (true)
        {
            if (await reader.ReadAsync(one, ct) == 0) return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
            if (one[0] == (byte)'\n') break;
            line.Add(one[0]);
        }
        if (line.Count > 0 && line[^1] == (byte)'\r') line.RemoveAt(line.Count - 1);
        return Encoding.UTF8.GetString([.. line]);
    }

    private abstract record Reply;

    private sealed record StatusReply(int Status, string Body, TimeSpan? RetryAfter) : Reply;

    private sealed record CompletionReply(string Text) : Reply;

    private sealed record StreamReply(string[] Deltas, TimeSpan Delay, StreamEnding Ending) : Reply
    {
        /// <summary>When set, the events wait for it after the headers.</summary>
        public Task? Release { get; init; }
    }

    private enum StreamEnding { Done, CutOff, Malformed }
}
