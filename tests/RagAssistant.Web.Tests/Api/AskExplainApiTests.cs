using System.Net;
using System.Text;
using System.Text.Json;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Api;

/// <summary>POST /api/ask with <c>"explain": true</c>: the done event carries the key <c>explain</c> (as <c>rag ask --explain --json</c> does); without it, no such key.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AskExplainApiTests(WebAppFixture app)
{
    private const string Question = "JD-2105-0318 第60工序主轴转速是多少？";

    /// <summary>The events of one ask, the body sent as written (so the field name on the wire is the one tested).</summary>
    private async Task<IReadOnlyList<ServerSentEvent>> AskAsync(string body)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await ServerSentEvents.ReadAllAsync(response);
        Assert.Equal("done", events[^1].Name);
        return events;
    }

    private static string Body(bool? explain) =>
        JsonSerializer.Serialize(explain is { } e ? new Dictionary<string, object> { ["question"] = Question, ["explain"] = e } : new Dictionary<string, object> { ["question"] = Question });

    [Fact]
    public async Task Ask_ExplainTrue_PutsExplainInTheDoneEventOnly()
    {
        var events = await AskAsync(Body(explain: true));

        var done = events[^1].Data;
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.True(done.TryGetProperty("explain", out var explain), $"done lacks 'explain': {done}");
        foreach (var key in new[] { "answer", "mode", "conversationId", "citations", "checks", "timingsMs" })
            Assert.True(done.TryGetProperty(key, out _), $"done lacks '{key}': {done}");

        var evidence = explain.GetProperty("evidence");
        foreach (var key in new[] { "score", "threshold", "coverage", "similarity", "askedValuePresent", "missingAnchors", "abstained" })
            Assert.True(evidence.TryGetProperty(key, out _), $"evidence lacks '{key}': {evidence}");
        Assert.True(evidence.GetProperty("threshold").GetDouble() > 0, evidence.ToString());
        Assert.False(evidence.GetProperty("abstained").GetBoolean(), evidence.ToString());

        var chunks = explain.GetProperty("chunks").EnumerateArray().ToList();
        Assert.NotEmpty(chunks);
        Assert.Contains(chunks, c => c.GetProperty("rules").EnumerateArray().Any(r => r.GetProperty("rule").GetString() == "KeywordList"));
        foreach (var chunk in chunks)
        {
            var rules = chunk.GetProperty("rules").EnumerateArray().ToList();
            Assert.NotEmpty(rules);
            Assert.Equal(chunk.GetProperty("score").GetDouble(), rules[^1].GetProperty("after").GetDouble(), 6);
        }
        var cited = done.GetProperty("citations")[0].GetProperty("chunkId").GetInt64();
        Assert.Contains(chunks, c => c.GetProperty("chunkId").GetInt64() == cited);

        var units = explain.GetProperty("units").EnumerateArray().ToList();
        var quoted = Assert.Single(units, u => u.GetProperty("quoted").GetBoolean());
        Assert.Equal(cited, quoted.GetProperty("chunkId").GetInt64());
        Assert.Contains("800", quoted.GetProperty("text").GetString());

        // Only the final event explains: the deltas and the citations event are as without it.
        Assert.All(events.SkipLast(1), e => Assert.False(e.Data.TryGetProperty("explain", out _), $"{e.Name} carries 'explain'"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public async Task Ask_WithoutExplain_TheDoneEventHasNoExplainKey(bool? explain)
    {
        var events = await AskAsync(Body(explain));

        var done = events[^1].Data;
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.False(done.TryGetProperty("explain", out _), done.ToString());
        Assert.Equal(new[] { "answer", "mode", "conversationId", "citations", "checks", "timingsMs" }, done.EnumerateObject().Select(p => p.Name));
    }
}
