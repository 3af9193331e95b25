using System.Net.Http.Json;
using System.Text.Json;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>The ingestion jobs as the HTTP API lists them, for tests that wait for an app (hosted or a process) to finish files.</summary>
internal static class JobsApi
{
    /// <summary>Polls <c>/api/documents/jobs</c> until every one of <paramref name="ids"/> has finished; their state names by id.</summary>
    public static async Task<Dictionary<string, string>> WaitForJobsAsync(HttpClient client, IReadOnlyList<string> ids, Func<string> diagnostics, TimeSpan? within = null)
    {
        string[] finished = ["done", "needs_ocr", "skipped", "failed", "cancelled"];
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/documents/jobs");
            var states = list.GetProperty("jobs").EnumerateArray()
                .ToDictionary(j => j.GetProperty("job").GetString()!, j => j.GetProperty("state").GetString()!);
            if (ids.All(id => states.TryGetValue(id, out var state) && finished.Contains(state))) return states;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"jobs still unfinished: {string.Join(", ", ids.Select(id => $"{id}={states.GetValueOrDefault(id, "missing")}"))}\n{diagnostics()}");
            await Task.Delay(200);
        }
    }
}
