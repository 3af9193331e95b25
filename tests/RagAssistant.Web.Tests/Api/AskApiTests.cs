using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Api;

/// <summary>POST /api/ask on the sample corpus, extractive (no LLM configured): the SSE sequence and the ask contract.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AskApiTests(WebAppFixture app)
{
    private static HttpRequestMessage Ask(object body) =>
        new(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(body) };

    [Fact]
    public async Task Ask_StreamsDeltasThenCitationsThenDone_CarryingTheAskContract()
    {
        using var client = app.CreateClient();
        using var response = await client.SendAsync(Ask(new { question = "JD-2105-0318 第60工序主轴转速是多少？" }), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = await ServerSentEvents.ReadAllAsync(response);
        var names = events.Select(e => e.Name).ToList();
        Assert.Equal("done", names[^1]);
        Assert.Equal("citations", names[^2]);
        Assert.All(names[..^2], n => Assert.Equal("delta", n));
        Assert.NotEmpty(names[..^2]);

        var done = events[^1].Data;
        foreach (var key in new[] { "answer", "mode", "conversationId", "citations", "checks", "timingsMs" })
            Assert.True(done.TryGetProperty(key, out _), $"done lacks '{key}': {done}");
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.Equal(string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString())), done.GetProperty("answer").GetString());
        var citation = done.GetProperty("citations")[0];
        foreach (var key in new[] { "n", "chunkId", "documentId", "source", "title", "identity", "revision", "superseded", "page", "locator", "text", "boxes", "score" })
            Assert.True(citation.TryGetProperty(key, out _), $"citation lacks '{key}': {citation}");
        Assert.Contains("800", done.GetProperty("answer").GetString());
        Assert.Equal(done.GetProperty("citations").GetRawText(), events[^2].Data.GetProperty("citations").GetRawText());
        Assert.True(done.GetProperty("checks").TryGetProperty("removedCitations", out _));
    }

    [Fact]
    public async Task Ask_WithTheConversationId_ContinuesThatConversation()
    {
        using var client = app.CreateClient();
        var first = await DoneAsync(client, new { question = "JD-2105-0318 第60工序主轴转速是多少？" });
        var id = first.GetProperty("conversationId").GetString();

        var second = await DoneAsync(client, new { question = "那第40工序呢？", conversationId = id });

        Assert.Equal(id, second.GetProperty("conversationId").GetString());
        // The follow-up is about operation 40 of the same part: its row, not operation 60's again.
        var cited = second.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
        Assert.Contains(cited, t => t.Contains("工序号: 40") && t.Contains("JD-2105-0318"));
        Assert.DoesNotContain(cited, t => t.Contains("工序号: 60"));
    }

    [Fact]
    public async Task Ask_ALibraryThatDoesNotExist_FindsNothingAndAbstains()
    {
        using var client = app.CreateClient();
        var done = await DoneAsync(client, new { question = "JD-2105-0318 第60工序主轴转速是多少？", library = "no-such-library" });
        Assert.Equal("abstain", done.GetProperty("mode").GetString());
        Assert.Equal(0, done.GetProperty("citations").GetArrayLength());
    }

    [Theory]
    [InlineData("{}", "question")]
    [InlineData("{\"question\": \"   \"}", "question")]
    [InlineData("{\"question\": 42}", "JSON")]
    [InlineData("{not json", "JSON")]
    public async Task Ask_BadBody_Is400NamingWhatIsWrong(string body, string named)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/ask", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains(named, error);
    }

    [Fact]
    public async Task Ask_UnknownConversation_Is404NamingTheField()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "那第40工序呢？", conversationId = "0000000000000000" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("conversationId", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ask_TooLongQuestion_Is400WithTheLimit()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = new string('轴', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ask_NotJson_Is415()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/ask", new StringContent("question=扭矩", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> DoneAsync(HttpClient client, object body)
    {
        using var response = await client.SendAsync(Ask(body), HttpCompletionOption.ResponseHeadersRead);
        var events = await ServerSentEvents.ReadAllAsync(response);
        return Assert.Single(events, e => e.Name == "done").Data;
    }
}
