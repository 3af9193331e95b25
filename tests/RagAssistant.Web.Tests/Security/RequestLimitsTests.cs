using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Web.Accounts;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// Request bodies are limited per endpoint before anything reads them: 64 KB for a question (a Reader's 200 MB question
/// once cost the server 823 MB), the configured upload limit for uploads. A declared length over the limit is refused
/// before the body is sent — the client says "Expect: 100-continue" and the server never asks for it — and a chunked
/// body is cut at the limit; both are a 413 naming the limit, never a 500.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed class RequestLimitsTests(SecurityAppFixture fixture)
{
    [Fact]
    public async Task FiftyMegabyteQuestion_Is413_WithoutTheServerAskingForTheBody()
    {
        using var client = await ClientAsync();
        var body = CountingBody.Question(50L << 20);

        using var response = await client.SendAsync(Expecting100Continue("/api/ask", body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit of 64 KB", await ErrorAsync(response));
        Assert.Equal(0, body.BytesSent);
    }

    [Fact]
    public async Task ChunkedQuestionOfAMegabyte_IsCutAtTheLimit_413()
    {
        using var client = await ClientAsync();
        using var response = await client.PostAsync("/api/ask", CountingBody.Question(1 << 20, declareLength: false));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit of 64 KB", await ErrorAsync(response));
    }

    [Fact]
    public async Task OrdinaryQuestion_IsStillAnswered()
    {
        using var client = await ClientAsync();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "扭矩是多少？" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UploadJustUnderTheConfiguredLimit_IsAccepted()
    {
        using var editor = await fixture.EditorAsync();
        var text = "# 限值\n\n" + string.Concat(Enumerable.Repeat("拧紧扭矩 25±2 N·m，每班首件检验。\n", 20_000));
        var bytes = Encoding.UTF8.GetBytes(text[..Math.Min(text.Length, (int)(SecurityAppFixture.MaxUploadBytes * 0.8 / 3))]);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", $"limit-{Guid.NewGuid():N}.md" } };
        form.Add(new StringContent(SecurityAppFixture.LineA), "library");
        Assert.True(bytes.Length > RequestBodyLimit * 8, "the upload must be far over the default limit");

        using var response = await editor.PostAsync("/api/documents", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await fixture.App.SettleAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task UploadOverTheConfiguredLimit_Is413_WithoutTheServerAskingForTheBody()
    {
        using var editor = await ClientAsync(Roles.Editor, GrantAccess.Write);
        var body = new CountingBody("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.md\"\r\n\r\n# 大\n",
            2 * SecurityAppFixture.MaxUploadBytes, "\r\n--b--\r\n", "multipart/form-data; boundary=b");

        using var response = await editor.SendAsync(Expecting100Continue("/api/documents", body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit of 1 MB", await ErrorAsync(response));
        Assert.Equal(0, body.BytesSent);
    }

    private const long RequestBodyLimit = 64 * 1024;

    /// <summary>
    /// A new user's API-key client (a Reader unless said otherwise) that waits for the server's "100 Continue" as long
    /// as it takes before sending a body, so whether the body was sent tells whether the server read it — no timing involved.
    /// </summary>
    private async Task<HttpClient> ClientAsync(string role = Roles.Reader, string access = GrantAccess.Read)
    {
        var (user, _) = await fixture.AddUserAsync("limited", role, SecurityAppFixture.LineA, access);
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) })
        {
            BaseAddress = new Uri(fixture.App.BaseUrl), Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, fixture.App.CreateApiKey(user));
        return client;
    }

    private static HttpRequestMessage Expecting100Continue(string path, HttpContent body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.ExpectContinue = true;
        return request;
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
}
