using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RagAssistant.Testing;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// The original files an Editor uploads are served so that none of them can run script on the app's origin: a file that
/// would be active in a browser (SVG, XHTML, XML, HTML, JavaScript — each accepted as a text document) is only ever a
/// download of a neutral type; a PDF and plain text are shown inline; every answer is sandboxed and never sniffed.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed class OriginalsTests(SecurityAppFixture fixture)
{
    // Each one loads script from the app itself, as the attack in issue #19 did with a planted x.js.
    public static TheoryData<string, string> ActiveFiles => new()
    {
        { "alert.svg", """<svg xmlns="http://www.w3.org/2000/svg"><text>扭矩 25 N·m</text><script href="/api/documents/1/file"/></svg>""" },
        { "alert.xhtml", """<html xmlns="http://www.w3.org/1999/xhtml"><body><p>扭矩 25 N·m</p><script src="/api/documents/1/file"></script></body></html>""" },
        { "alert.xml", """<?xml version="1.0"?><note><p>扭矩 25 N·m</p><script xmlns="http://www.w3.org/1999/xhtml" src="/api/documents/1/file"/></note>""" },
        { "alert.html", """<!doctype html><html><body><p>扭矩 25 N·m</p><script src="/api/documents/1/file"></script></body></html>""" },
        { "alert.js", "fetch('/api/documents', { method: 'POST' }); // 扭矩 25 N·m" },
    };

    [Theory]
    [MemberData(nameof(ActiveFiles))]
    public async Task ActiveFile_UploadedByAnEditor_ReachesAReaderOnlyAsASandboxedDownload(string name, string content)
    {
        using var editor = await fixture.EditorAsync();
        var id = await fixture.UploadAsync(editor, $"{Guid.NewGuid():N}-{name}", Encoding.UTF8.GetBytes(content));
        using var reader = await fixture.ReaderAsync();

        foreach (var path in new[] { $"/api/documents/{id}/file", $"/api/documents/{id}/file?download=true" })
        {
            using var response = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
            AssertSandboxed(response);
            Assert.Equal(content, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Pdf_IsShownInline_Sandboxed()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Corpus, "CK6150-Maintenance-Manual_JD-MM-EQ-006.pdf"));
        using var editor = await fixture.EditorAsync();
        var id = await fixture.UploadAsync(editor, $"{Guid.NewGuid():N}.pdf", bytes);
        using var reader = await fixture.ReaderAsync();

        using var response = await reader.GetAsync($"/api/documents/{id}/file");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        AssertSandboxed(response);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PlainText_IsShownInlineAsUtf8_EvenWhenStoredInGb18030()
    {
        const string text = "首件检验：每班开班须做首件检验。";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var editor = await fixture.EditorAsync();
        var id = await fixture.UploadAsync(editor, $"{Guid.NewGuid():N}.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        using var reader = await fixture.ReaderAsync();

        using var response = await reader.GetAsync($"/api/documents/{id}/file");

        Assert.Equal(new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        Assert.NotEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        AssertSandboxed(response);
        Assert.Equal(text, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>The file endpoint's own policy, not the page policy (which allows the app's scripts), and no sniffing.</summary>
    private static void AssertSandboxed(HttpResponseMessage response)
    {
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
