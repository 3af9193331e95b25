using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Api;

/// <summary>GET/POST/DELETE /api/documents and the original file: real uploads through the app's queue into its SQLite file.</summary>
[Collection(WebAppCollection.Name)]
public sealed class DocumentsApiTests(WebAppFixture app)
{
    [Fact]
    public async Task List_ShowsTheSampleCorpusIngestedOnFirstStart()
    {
        using var client = app.CreateClient();
        var sources = await SourcesAsync(client);
        Assert.Contains(sources, s => s.EndsWith("JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx", StringComparison.Ordinal));
        Assert.True(sources.Count >= 20, $"only {sources.Count} documents: {string.Join(", ", sources)}");
    }

    [Fact]
    public async Task List_FiltersByKind()
    {
        using var client = app.CreateClient();
        var json = await client.GetFromJsonAsync<JsonElement>("/api/documents?kind=standard");
        var kinds = json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("standard", k));
    }

    [Fact]
    public async Task Upload_QueuesEveryFile_GoodOnesAreStored_BadOnesFailWithTheirReason_NothingStoredIsLost()
    {
        using var client = app.CreateClient();
        var before = await SourcesAsync(client);
        var good = $"api-upload-{Guid.NewGuid():N}.md";
        using var form = new MultipartFormDataContent
        {
            { File(good, "# 试验规程\n\n拧紧扭矩 12±1 N·m，适用于 API 上传测试。"u8.ToArray()), "files", good },
            { File("broken.pdf", "%PDF-1.7\nthis is not really a pdf"u8.ToArray()), "files", "broken.pdf" },
            { File("tool.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), "files", "tool.exe" },
            { new StringContent("api-tests"), "library" },
        };

        using var response = await client.PostAsync("/api/documents", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var files = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.Equal("api-tests", f.GetProperty("library").GetString()));
        await app.WaitForQueueAsync(TimeSpan.FromMinutes(1));

        var jobs = (await client.GetFromJsonAsync<JsonElement>("/api/documents/jobs")).GetProperty("jobs").EnumerateArray()
            .Where(j => files.Any(f => f.GetProperty("job").GetString() == j.GetProperty("job").GetString())).ToList();
        Assert.Equal("done", Job(jobs, good).GetProperty("state").GetString());
        foreach (var bad in new[] { "broken.pdf", "tool.exe" })
        {
            var job = Job(jobs, bad);
            Assert.Equal("failed", job.GetProperty("state").GetString());
            Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("reason").GetString()), $"{bad} failed without a reason");
        }
        // The reason's code, for clients that word it themselves.
        Assert.Equal("damaged", Job(jobs, "broken.pdf").GetProperty("problem").GetString());
        Assert.Equal("unsupported", Job(jobs, "tool.exe").GetProperty("problem").GetString());
        Assert.Equal(JsonValueKind.Null, Job(jobs, good).GetProperty("problem").ValueKind);
        var after = await SourcesAsync(client);
        Assert.Contains(good, after);
        Assert.Empty(before.Except(after));
    }

    [Fact]
    public async Task Upload_NotMultipart_Is415()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/documents", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("multipart/form-data", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_WithoutAnyFile_Is400()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/documents", new MultipartFormDataContent { { new StringContent("x"), "library" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no file", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_ReturnsTheOriginalBytes_InlineOrAsDownload()
    {
        using var client = app.CreateClient();
        var (id, source) = await DocumentAsync(client, "Q-JD-201-2026_轴类零件机械加工通用技术条件.pdf");
        var expected = await System.IO.File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, source));

        using var inline = await client.GetAsync($"/api/documents/{id}/file");
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, await inline.Content.ReadAsByteArrayAsync());

        using var download = await client.GetAsync($"/api/documents/{id}/file?download=true");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(expected, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_OfAStoredHtmlPage_IsNeverServedAsActiveContent()
    {
        using var client = app.CreateClient();
        var (id, _) = await DocumentAsync(client, "quality-alert-QA-2026-014.html");
        using var response = await client.GetAsync($"/api/documents/{id}/file");
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task UnknownDocument_Is404_ForFileAndDelete()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/documents/999999/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/documents/999999")).StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheDocumentAndItsOriginal()
    {
        using var client = app.CreateClient();
        var name = $"api-delete-{Guid.NewGuid():N}.txt";
        using var form = new MultipartFormDataContent { { File(name, Encoding.UTF8.GetBytes("删除测试：本文件将被删除。")), "files", name } };
        (await client.PostAsync("/api/documents", form)).EnsureSuccessStatusCode();
        await app.WaitForQueueAsync(TimeSpan.FromMinutes(1));
        var (id, _) = await DocumentAsync(client, name);

        using var response = await client.DeleteAsync($"/api/documents/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(name, await SourcesAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{id}/file")).StatusCode);
    }

    private static ByteArrayContent File(string name, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static JsonElement Job(IEnumerable<JsonElement> jobs, string fileName) =>
        Assert.Single(jobs, j => j.GetProperty("fileName").GetString() == fileName);

    private static async Task<List<string>> SourcesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("source").GetString()!).ToList();

    private static async Task<(long Id, string Source)> DocumentAsync(HttpClient client, string endsWith)
    {
        var document = (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("source").GetString()!.EndsWith(endsWith, StringComparison.Ordinal));
        return (document.GetProperty("id").GetInt64(), document.GetProperty("source").GetString()!);
    }
}
