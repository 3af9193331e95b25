using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Web.Tests.EndToEnd;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Access;

/// <summary>
/// Every HTTP entry point with accounts, on the two-library app of the sign-in tests: anonymous callers get 401 from
/// the API and a redirect to the sign-in page from pages; a Reader of line-a gets nothing of line-b from the API — not
/// by listing, asking, downloading, deleting or guessing ids — and may not upload; an Editor writes only the library
/// granted to them.
/// </summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class ApiAccessTests(AccessWebAppFixture fixture)
{
    private const string LineA = AccessWebAppFixture.LineA;
    private const string LineB = AccessWebAppFixture.LineB;

    /// <summary>A client with the API key of a new Reader of line-a.</summary>
    private async Task<HttpClient> ReaderAsync()
    {
        var (user, _) = await fixture.AddUserAsync("reader", readable: LineA);
        return fixture.App.CreateClientWithKey(fixture.App.CreateApiKey(user));
    }

    public static TheoryData<string, string> ApiEndpoints => new()
    {
        { "GET", "/api/documents" },
        { "GET", "/api/documents/jobs" },
        { "GET", "/api/documents/1/file" },
        { "DELETE", "/api/documents/1" },
        { "POST", "/api/documents" },
        { "POST", "/api/ask" },
    };

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task AnonymousApiRequest_Gets401WithAReason_NeverARedirect(string method, string path)
    {
        using var client = fixture.App.CreateAnonymousClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { question = "转速？" }) : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("API key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/library")]
    [InlineData("/status")]
    [InlineData("/admin")]
    [InlineData("/library/1")]
    [InlineData("/c/some-conversation")]
    [InlineData("/Account/Password")]
    public async Task AnonymousPageRequest_IsRedirectedToTheSignInPageByTheServer(string path)
    {
        using var client = NoRedirects();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/Account/Login")]
    [InlineData("/app.css")]
    public async Task HealthProbe_SignInPage_AndStaticFiles_NeedNoSignIn(string path)
    {
        using var client = NoRedirects();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownOrRevokedApiKey_Gets401()
    {
        using (var bogus = fixture.App.CreateClientWithKey("rag_not-a-real-key"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/documents")).StatusCode);

        var keys = fixture.App.Services.GetRequiredService<ApiKeys>();
        var (user, _) = await fixture.AddUserAsync("keyholder", readable: LineA);
        var key = fixture.App.CreateApiKey(user);
        using var client = fixture.App.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        var id = (await keys.ListAsync(user)).Single(k => key.StartsWith(k.Prefix, StringComparison.Ordinal) && k.RevokedAt is null).Id;
        await keys.RevokeAsync(id, "tests");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task DisabledUsersApiKey_Gets401_AndWorksAgainOnceEnabled()
    {
        var users = fixture.App.Services.GetRequiredService<UserAccounts>();
        var (user, _) = await fixture.AddUserAsync("leaver");
        using var client = fixture.App.CreateClientWithKey(fixture.App.CreateApiKey(user));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);

        await users.DisableAsync(user, "tests");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/documents")).StatusCode);

        await users.EnableAsync(user, "tests");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task Reader_ListsOnlyTheLibrariesGrantedToThem()
    {
        using var client = await ReaderAsync();
        var documents = (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("documents").EnumerateArray().ToList();
        Assert.Contains(documents, d => d.GetProperty("id").GetInt64() == fixture.CardA);
        Assert.DoesNotContain(documents, d => d.GetProperty("library").GetString() == LineB);
        var chosen = await client.GetFromJsonAsync<JsonElement>($"/api/documents?library={LineB}");
        Assert.Equal(0, chosen.GetProperty("documents").GetArrayLength());
        var jobs = (await client.GetFromJsonAsync<JsonElement>("/api/documents/jobs")).GetProperty("jobs").EnumerateArray();
        Assert.DoesNotContain(jobs, j => j.GetProperty("library").GetString() == LineB);
    }

    [Fact]
    public async Task Reader_GuessingDocumentIds_CanDownloadOnlyLineA_AndLineBLooksExactlyLikeAMissingId()
    {
        using var admin = fixture.App.CreateClient();
        var all = (await admin.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("documents").EnumerateArray().ToList();
        var lineA = all.Where(d => d.GetProperty("library").GetString() == LineA).Select(d => d.GetProperty("id").GetInt64()).ToHashSet();
        Assert.Contains(fixture.CardA, lineA);
        using var client = await ReaderAsync();
        for (var id = 1L; id <= all.Max(d => d.GetProperty("id").GetInt64()) + 2; id++)
        {
            using var response = await client.GetAsync($"/api/documents/{id}/file");
            Assert.Equal(lineA.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
            if (!lineA.Contains(id))
                Assert.Equal($"no document {id}", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Reader_MayNotDeleteOrUpload()
    {
        using var client = await ReaderAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/documents/{fixture.CardB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/documents/{fixture.CardA}")).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("# 规程\n\n扭矩 5 N·m"u8.ToArray()), "files", "x.md" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/documents", form)).StatusCode);

        using var admin = fixture.App.CreateClient();
        var ids = (await admin.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetInt64());
        Assert.Contains(fixture.CardA, ids);
        Assert.Contains(fixture.CardB, ids);
    }

    [Fact]
    public async Task Reader_AskingAboutLineBsCard_GetsNothingFromIt()
    {
        using var client = await ReaderAsync();
        var done = await AskAsync(client, new { question = "KX-7730-0042 第40工序铰孔转速是多少？" });

        Assert.DoesNotContain(done.GetProperty("citations").EnumerateArray(), c => c.GetProperty("documentId").GetInt64() == fixture.CardB);
        Assert.DoesNotContain("120", done.GetProperty("answer").GetString());

        using var admin = fixture.App.CreateClient();
        var adminDone = await AskAsync(admin, new { question = "KX-7730-0042 第40工序铰孔转速是多少？" });
        Assert.Contains(adminDone.GetProperty("citations").EnumerateArray(), c => c.GetProperty("documentId").GetInt64() == fixture.CardB);
    }

    [Fact]
    public async Task Reader_ChoosingLineB_IsRefused()
    {
        using var client = await ReaderAsync();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "铰孔转速？", library = LineB });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SomeoneElsesConversation_CannotBeContinued()
    {
        using var admin = fixture.App.CreateClient();
        var conversation = (await AskAsync(admin, new { question = "JD-2105-0318 第60工序转速？" })).GetProperty("conversationId").GetString();

        using var client = await ReaderAsync();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "那第70工序呢？", conversationId = conversation });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Editor_UploadsAndDeletesInTheirLibraryOnly_AndBothAreAudited()
    {
        var (editor, _) = await fixture.AddEditorAsync("editor", LineA);
        using var client = fixture.App.CreateClientWithKey(fixture.App.CreateApiKey(editor));
        using (var refused = new MultipartFormDataContent
               {
                   { new ByteArrayContent("# 规程\n\n扭矩 5 N·m"u8.ToArray()), "files", "b.md" },
                   { new StringContent(LineB), "library" },
               })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/documents", refused)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/documents/{fixture.CardB}")).StatusCode);

        var name = $"editor-{Guid.NewGuid():N}.md";
        var id = await UploadAsync(client, LineA, name, "# 编辑上传规程\n\n拧紧扭矩 7±1 N·m。");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/documents/{id}")).StatusCode);

        var audit = await fixture.App.Services.GetRequiredService<AuditLog>().ListAsync(50);
        Assert.Contains(audit, a => a.Actor == editor && a.Action == AuditActions.Upload && a.Target == name);
        Assert.Contains(audit, a => a.Actor == editor && a.Action == AuditActions.Delete && a.Target!.StartsWith($"{id} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_OfSomethingThatIsNotADocumentByContent_IsRefusedWithTheReason_TheRestGoesOn()
    {
        using var client = fixture.App.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), "files", "manual.pdf" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("# 试验\n\n扭矩 3 N·m")), "files", $"ok-{Guid.NewGuid():N}.md" },
            { new StringContent(LineA), "library" },
        };
        using var response = await client.PostAsync("/api/documents", form);
        var files = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files").EnumerateArray().ToList();

        Assert.Equal("failed", files[0].GetProperty("state").GetString());
        Assert.Contains("manual.pdf: not a document by its content", files[0].GetProperty("reason").GetString());
        Assert.NotEqual("failed", files[1].GetProperty("state").GetString());
        await fixture.App.SettleAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyAndSameSiteLax_AndTheFormNeedsItsAntiforgeryToken()
    {
        using var client = NoRedirects();
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var (user, password) = await fixture.AddUserAsync("cookie", readable: LineA);
        using var withoutToken = await client.PostAsync("/Account/Login", Form(("_handler", "login"), ("Input.UserName", user), ("Input.Password", password)));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        using var signedIn = await client.PostAsync("/Account/Login", Form(("_handler", "login"), ("__RequestVerificationToken", token),
            ("Input.UserName", user), ("Input.Password", password)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("RagAssistant.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // Signed in now: a sign-out posted without the form's antiforgery token (a cross-site form) is refused.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        using var forged = await client.PostAsync("/Account/Logout", Form(("returnUrl", "/")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
    }

    /// <summary>Uploads one Markdown file through the API, waits until the queue is idle and returns the stored document's id.</summary>
    private async Task<long> UploadAsync(HttpClient client, string library, string fileName, string text)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", fileName },
            { new StringContent(library), "library" },
        };
        using var response = await client.PostAsync("/api/documents", form);
        response.EnsureSuccessStatusCode();
        var job = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files")[0].GetProperty("job").GetString();
        await fixture.App.SettleAsync(TimeSpan.Zero);
        var jobs = (await client.GetFromJsonAsync<JsonElement>("/api/documents/jobs")).GetProperty("jobs").EnumerateArray();
        return jobs.Single(j => j.GetProperty("job").GetString() == job).GetProperty("documentId").GetInt64();
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.App.BaseUrl) };

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<JsonElement> AskAsync(HttpClient client, object body)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(body) },
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var events = await ServerSentEvents.ReadAllAsync(response);
        Assert.Equal("done", events[^1].Name);
        return events[^1].Data;
    }
}
