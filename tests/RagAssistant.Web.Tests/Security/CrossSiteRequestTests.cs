using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// A write signed in only by the sign-in cookie must come from the app's own pages: another site — including a page on
/// another port of the same host, which SameSite=Lax lets the cookie reach — is refused with the reason, whatever the
/// browser says about where the request came from. API keys are not cookies: other systems call from anywhere.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed class CrossSiteRequestTests(SecurityAppFixture fixture)
{
    private string Own => fixture.App.BaseUrl.TrimEnd('/');

    /// <summary>The attacker's page: the same host as the app, another port.</summary>
    private string Foreign => new UriBuilder(Own) { Port = new Uri(Own).Port == 1 ? 2 : new Uri(Own).Port - 1 }.Uri.GetLeftPart(UriPartial.Authority);

    public static TheoryData<string, string> CrossSiteHeaders => new()
    {
        { "Origin", "foreign" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
        { "Referer", "foreign" },
    };

    [Theory]
    [MemberData(nameof(CrossSiteHeaders))]
    public async Task CookieUpload_FromAnotherSite_IsRefusedWithTheReason_AndNothingIsQueued(string header, string value)
    {
        using var editor = await CookieEditorAsync();
        var name = $"planted-{Guid.NewGuid():N}.md";

        using var response = await editor.SendAsync(With(Upload(name), header, value));

        await AssertRefusedAsync(response);
        Assert.DoesNotContain(fixture.App.Queue.Jobs, j => j.FileName == name);
    }

    [Fact]
    public async Task CookieUpload_WithNoOriginAtAll_IsRefused()
    {
        using var editor = await CookieEditorAsync();
        using var response = await editor.SendAsync(Upload($"bare-{Guid.NewGuid():N}.md"));
        var error = await AssertRefusedAsync(response);
        Assert.Contains("API key", error);
    }

    [Theory]
    [InlineData("Origin", "own")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Referer", "own")]
    public async Task CookieUpload_FromTheAppsOwnPages_IsAccepted(string header, string value)
    {
        using var editor = await CookieEditorAsync();
        using var response = await editor.SendAsync(With(Upload($"own-{Guid.NewGuid():N}.md"), header, value));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await fixture.App.SettleAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task CookieUpload_CarryingTheUsersAntiforgeryToken_IsAccepted()
    {
        using var editor = await CookieEditorAsync();
        // A page with a form gives the signed-in user a token (and its cookie), as it would give a script of the app's own.
        var page = await editor.GetStringAsync("/Account/Password");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var response = await editor.SendAsync(With(With(Upload($"token-{Guid.NewGuid():N}.md"), "RequestVerificationToken", token), "Origin", "foreign"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await fixture.App.SettleAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task ApiKeyUpload_WithAForeignOrigin_IsAccepted()
    {
        using var editor = await fixture.EditorAsync();
        using var response = await editor.SendAsync(With(Upload($"key-{Guid.NewGuid():N}.md"), "Origin", "foreign"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await fixture.App.SettleAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task CookieDelete_FromAnotherSite_IsRefused_FromTheAppItselfItDeletes()
    {
        using var editor = await CookieEditorAsync();
        using var key = await fixture.EditorAsync();
        var id = await fixture.UploadAsync(key, $"delete-{Guid.NewGuid():N}.md", "# 删除\n\n扭矩 5 N·m"u8.ToArray());

        using (var crossSite = await editor.SendAsync(With(new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{id}"), "Sec-Fetch-Site", "cross-site")))
            await AssertRefusedAsync(crossSite);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync($"/api/documents/{id}/file")).StatusCode);

        using var own = await editor.SendAsync(With(new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{id}"), "Origin", "own"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task ApiKeyDelete_WithAForeignOrigin_Deletes()
    {
        using var editor = await fixture.EditorAsync();
        var id = await fixture.UploadAsync(editor, $"key-delete-{Guid.NewGuid():N}.md", "# 删除\n\n扭矩 5 N·m"u8.ToArray());
        using var response = await editor.SendAsync(With(new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{id}"), "Origin", "foreign"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Asking writes a conversation into the user's history (and costs the server an answer): guarded like any write.</summary>
    [Fact]
    public async Task CookieAsk_FromAnotherSite_IsRefused_FromTheAppItselfItIsAnswered()
    {
        var (user, password) = await fixture.AddUserAsync("asker", Roles.Reader, SecurityAppFixture.LineA, GrantAccess.Read);
        using var reader = await fixture.App.SignInAsync(user, password);

        using (var crossSite = await reader.SendAsync(With(Ask(), "Origin", "foreign")))
            await AssertRefusedAsync(crossSite);

        using var own = await reader.SendAsync(With(Ask(), "Sec-Fetch-Site", "same-origin"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/event-stream", own.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CookieSignOut_StillNeedsOnlyItsFormToken()
    {
        var (user, password) = await fixture.AddUserAsync("leaver", Roles.Reader, SecurityAppFixture.LineA, GrantAccess.Read);
        using var reader = await fixture.App.SignInAsync(user, password);
        using var forged = await reader.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // antiforgery's answer, as before
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/documents")).StatusCode);
    }

    private async Task<HttpClient> CookieEditorAsync()
    {
        var (user, password) = await fixture.AddUserAsync("cookie-editor", Roles.Editor, SecurityAppFixture.LineA, GrantAccess.Write);
        return await fixture.App.SignInAsync(user, password);
    }

    private static HttpRequestMessage Upload(string name) => new(HttpMethod.Post, "/api/documents")
    {
        Content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("# 植入\n\n扭矩 99 N·m")), "files", name },
            { new StringContent(SecurityAppFixture.LineA), "library" },
        },
    };

    private static HttpRequestMessage Ask() => new(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "扭矩是多少？" }) };

    /// <summary>Adds the header; "own" and "foreign" stand for the app's origin and the attacker's (as a Referer, a page URL on it).</summary>
    private HttpRequestMessage With(HttpRequestMessage request, string header, string value)
    {
        var origin = value switch { "own" => Own, "foreign" => Foreign, _ => null };
        request.Headers.TryAddWithoutValidation(header, origin is null ? value : header == "Referer" ? $"{origin}/attack.html" : origin);
        return request;
    }

    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.StartsWith("cross-site request refused", error);
        return error;
    }
}
