using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RagAssistant.Cli.Bench;

/// <summary>One question's outcome: when it was sent (from the phase's start), how long until its answer was complete, and the error if any.</summary>
/// <param name="Error">null when answered; else the HTTP status (<c>429</c>, <c>503</c>, <c>500</c>…), <c>error-event</c>, <c>no-answer</c> or <c>network</c>.</param>
internal readonly record struct AskSample(double Ms, string? Error);

/// <summary>A finished ingestion job as <c>GET /api/documents/jobs</c> shows it.</summary>
internal sealed record FinishedJob(string State, string? Outcome, long? DocumentId, int Chunks, string? Reason);

/// <summary>
/// The web app's HTTP API as <c>rag bench load</c> drives it: every request carries one of the users' API keys
/// (<c>X-Api-Key</c>); connections are pooled without a per-server cap, so N askers really are N concurrent requests.
/// </summary>
internal sealed class LoadClient(Uri baseUrl) : IDisposable
{
    /// <summary>Job states after which nothing more happens to the file (the API's names).</summary>
    private static readonly HashSet<string> Finished = ["done", "failed", "needs_ocr", "skipped", "cancelled"];

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = baseUrl,
        Timeout = Timeout.InfiniteTimeSpan, // an answer takes as long as it takes; Ctrl+C stops the run
    };

    public Uri BaseUrl => baseUrl;

    /// <summary>The app answers at all (<c>/healthz</c>, no key needed).</summary>
    public async Task CheckReachableAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            using var response = await _http.GetAsync("/healthz", timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new CommandException($"--url {baseUrl}: /healthz answered {(int)response.StatusCode}; is this RagAssistant's web app?");
        }
        catch (HttpRequestException ex)
        {
            throw new CommandException($"cannot reach --url {baseUrl}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CommandException($"cannot reach --url {baseUrl}: no answer within 15 s");
        }
    }

    /// <summary>The key signs in (an API read with it succeeds); otherwise the server's reason, naming the key by its first characters.</summary>
    public async Task CheckKeyAsync(string key, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/documents/jobs", key, null, ct);
        if (response.IsSuccessStatusCode) return;
        throw new CommandException($"--api-key {Shown(key)}: the server refused it ({(int)response.StatusCode}): {await ErrorOfAsync(response, ct)}");
    }

    /// <summary>Jobs not finished yet: other ingestion would load the server too.</summary>
    public async Task<int> UnfinishedJobsAsync(string key, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/documents/jobs", key, null, ct);
        var jobs = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("jobs");
        return jobs.EnumerateArray().Count(j => !Finished.Contains(j.GetProperty("state").GetString() ?? ""));
    }

    /// <summary>
    /// Asks one question (<c>POST /api/ask</c>) and reads its Server-Sent Events to the end: answered when a
    /// <c>done</c> event came. The time runs from sending the question to the last event read.
    /// </summary>
    public async Task<AskSample> AskAsync(string key, string question, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await SendAsync(HttpMethod.Post, "/api/ask", key, JsonContent.Create(new { question }), ct, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode != HttpStatusCode.OK)
                return new AskSample(Elapsed(started), ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            string? last = null;
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            while (await reader.ReadLineAsync(ct) is { } line)
                if (line.StartsWith("event: ", StringComparison.Ordinal)) last = line["event: ".Length..];
            var error = last switch { "done" => null, "error" => "error-event", _ => "no-answer" };
            return new AskSample(Elapsed(started), error);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new AskSample(Elapsed(started), "network");
        }
    }

    /// <summary>Uploads one file to <paramref name="library"/>; its job id, or the reason it was not taken.</summary>
    public async Task<Guid> UploadAsync(string key, string path, string library, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(path, ct)), "files", Path.GetFileName(path) },
            { new StringContent(library), "library" },
        };
        using var response = await SendAsync(HttpMethod.Post, "/api/documents", key, form, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new CommandException($"--while-upload {path}: the upload was refused ({(int)response.StatusCode}): {await ErrorOfAsync(response, ct)}");
        var file = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("files")[0];
        var job = file.GetProperty("job").GetGuid();
        if (job == Guid.Empty)
            throw new CommandException($"--while-upload {path}: not queued: {file.GetProperty("reason").GetString()}");
        return job;
    }

    /// <summary>Polls the job list until the job is finished.</summary>
    public async Task<FinishedJob> WaitForJobAsync(string key, Guid job, CancellationToken ct)
    {
        while (true)
        {
            using (var response = await SendAsync(HttpMethod.Get, "/api/documents/jobs", key, null, ct))
            {
                var jobs = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("jobs");
                foreach (var j in jobs.EnumerateArray())
                {
                    if (j.GetProperty("job").GetGuid() != job) continue;
                    var state = j.GetProperty("state").GetString()!;
                    if (Finished.Contains(state))
                        return new FinishedJob(state, j.GetProperty("outcome").GetString(),
                            j.GetProperty("documentId").ValueKind == JsonValueKind.Number ? j.GetProperty("documentId").GetInt64() : null,
                            j.GetProperty("chunks").GetInt32(), j.GetProperty("reason").GetString());
                }
            }
            await Task.Delay(200, ct); // the ingestion time is read to a fifth of a second
        }
    }

    /// <summary>Deletes a document the benchmark stored; false (and why) when the server did not.</summary>
    public async Task<string?> DeleteAsync(string key, long documentId, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/api/documents/{documentId}", key, null, ct);
        return response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode}: {await ErrorOfAsync(response, ct)}";
    }

    /// <summary>A key as it may be printed: its first 8 characters.</summary>
    public static string Shown(string key) => key.Length <= 8 ? key : key[..8] + "…";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, HttpContent? content, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await _http.SendAsync(request, completion, ct);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("error", out var error)) return error.GetString() ?? text;
        }
        catch (JsonException)
        {
            // Not the API's JSON error (a proxy's page): show the start of it.
        }
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static double Elapsed(long started) => System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    public void Dispose() => _http.Dispose();
}
