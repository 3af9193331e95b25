using RagAssistant.Core.Jobs;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// The library an upload names must be one a library can have — not the access layer's reserved "nothing readable"
/// name, not invisible characters, not a page of text — refused with the field and the reason, from the API (400) and
/// from the library page (a failed job). Libraries need not exist beforehand, and blanks around a name are trimmed.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed class UploadLibraryNameTests(SecurityAppFixture fixture)
{
    public static TheoryData<string, string> BadNames => new()
    {
        { "\u0000none", "reserved" },
        { "line\u0007a", "control characters" },
        { "line-a\u202E", "invisible formatting" },
        { "line-a\u200B", "invisible formatting" },
        { new string('x', 101), "101 characters, over the limit of 100" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task ApiUpload_ToANameThatCannotBeALibrary_Is400NamingTheFieldAndWhy(string library, string reason)
    {
        using var admin = fixture.App.CreateClient();
        var name = $"bad-library-{Guid.NewGuid():N}.md";

        using var response = await admin.PostAsync("/api/documents", Form(name, library));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.StartsWith("field 'library'", error);
        Assert.Contains(reason, error);
        Assert.DoesNotContain(fixture.App.Queue.Jobs, j => j.FileName == name);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task LibraryPageUpload_ToANameThatCannotBeALibrary_FailsWithTheReason(string library, string reason)
    {
        var writes = fixture.App.Services.GetRequiredService<DocumentWrites>();

        var job = await writes.UploadAsync(AccessScope.LocalOperator, "page.md", "# 页面\n\n扭矩 5 N·m"u8.ToArray(), library);

        Assert.Equal(IngestJobState.Failed, job.State);
        Assert.Contains("field 'library'", job.Reason);
        Assert.Contains(reason, job.Reason);
    }

    [Theory]
    [InlineData("  new-line-c  ", "new-line-c")]
    [InlineData(" \u3000 ", "default")]
    public async Task ApiUpload_TrimsTheName_AndABlankNameMeansTheDefaultLibrary(string library, string stored)
    {
        using var admin = fixture.App.CreateClient();
        var id = await fixture.UploadAsync(admin, $"trimmed-{Guid.NewGuid():N}.md", "# 新线\n\n扭矩 5 N·m"u8.ToArray(), library);

        var document = (await admin.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("id").GetInt64() == id);
        Assert.Equal(stored, document.GetProperty("library").GetString());
    }

    private static MultipartFormDataContent Form(string fileName, string library) => new()
    {
        { new ByteArrayContent(Encoding.UTF8.GetBytes("# 规程\n\n扭矩 5 N·m")), "files", fileName },
        { new StringContent(library), "library" },
    };
}
