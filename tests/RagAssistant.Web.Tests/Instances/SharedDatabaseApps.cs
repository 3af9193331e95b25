using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Instances;

/// <summary>What the tests of several app instances on one PostgreSQL knowledge base do through the HTTP API.</summary>
internal static class SharedDatabaseApps
{
    /// <summary>The settings that put an app on the PostgreSQL database <paramref name="connectionString"/>, with quick leases and looks.</summary>
    public static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Rag:Storage:Provider"] = "postgres",
        ["Rag:Storage:ConnectionString"] = connectionString,
        ["Rag:Web:JobLeaseSeconds"] = "3",
        ["Rag:Web:JobPollSeconds"] = "0.3",
    };

    /// <summary>A process card as a Markdown file: one operation with its tightening torque.</summary>
    public static (string Name, byte[] Content) Card(int n) =>
        ($"card-{n:00}.md", Encoding.UTF8.GetBytes($"# 工艺卡片 QX-77{n:00}\n\n工序 {n}0：拧紧扭矩 {30 + n}±2 N·m，每班首件检验。\n"));

    /// <summary>Uploads files in one request; the job ids the app answered, in order.</summary>
    public static async Task<IReadOnlyList<string>> UploadAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "files", name);
        using var accepted = await client.PostAsync("/api/documents", form);
        var body = await accepted.Content.ReadAsStringAsync();
        if (accepted.StatusCode != System.Net.HttpStatusCode.Accepted) throw new InvalidOperationException($"upload: {(int)accepted.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("files").EnumerateArray().Select(j => j.GetProperty("job").GetString()!).ToList();
    }

    /// <summary>Asks through <c>/api/ask</c> (extractive); the sources of the done event's citations.</summary>
    public static async Task<IReadOnlyList<string>> CitedSourcesAsync(HttpClient client, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question }) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = await ServerSentEvents.ReadAllAsync(response);
        var done = events.Single(e => e.Name == "done").Data;
        return done.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("source").GetString()!).ToList();
    }
}
