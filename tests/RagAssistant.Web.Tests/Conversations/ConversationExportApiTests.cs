using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Accounts;
using RagAssistant.Core.Answers;
using RagAssistant.Web.Tests.EndToEnd;

namespace RagAssistant.Web.Tests.Conversations;

/// <summary>GET /api/conversations/{id}/export: the owner downloads Markdown with numbered sources; nobody else learns it exists.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class ConversationExportApiTests(AccessWebAppFixture app)
{
    private const string Question = "JD-2105-0318 第60工序 精车外圆 主轴转速";

    [Fact]
    public async Task Owner_DownloadsMarkdown_WithEachQuestionAnswerAndNumberedSources_NamedByFileNotPath()
    {
        var (user, _) = await app.AddUserAsync("export", readable: AccessWebAppFixture.LineA);
        var answer = await AskAsync(user, Question);
        Assert.NotEmpty(answer.Citations);
        using var client = app.App.CreateClientWithKey(app.App.CreateApiKey(user));

        using var response = await client.GetAsync($"/api/conversations/{answer.ConversationId}/export?format=md&lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".md", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var markdown = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("# ", markdown, StringComparison.Ordinal);
        Assert.Contains($"**Question**: {Question}", markdown, StringComparison.Ordinal);
        Assert.Contains("**Sources**:", markdown, StringComparison.Ordinal);
        Assert.Contains($"- [1] ", markdown, StringComparison.Ordinal);
        Assert.Contains($"File {AccessWebAppFixture.ShaftCard}", markdown, StringComparison.Ordinal);
        Assert.Contains("Library line-a", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SpeaksTheUiLanguage_ChineseByDefault()
    {
        var (user, _) = await app.AddUserAsync("exportzh", readable: AccessWebAppFixture.LineA);
        var answer = await AskAsync(user, Question);
        using var client = app.App.CreateClientWithKey(app.App.CreateApiKey(user));

        var markdown = await client.GetStringAsync($"/api/conversations/{answer.ConversationId}/export");

        Assert.Contains($"**问题**: {Question}", markdown, StringComparison.Ordinal);
        Assert.Contains("**来源**:", markdown, StringComparison.Ordinal);
        Assert.Contains($"文件 {AccessWebAppFixture.ShaftCard}", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUser_GetsNotFound_AsForAConversationThatDoesNotExist_AndABadFormatNamesTheField()
    {
        var (owner, _) = await app.AddUserAsync("owner", readable: AccessWebAppFixture.LineA);
        var (other, _) = await app.AddUserAsync("other", readable: AccessWebAppFixture.LineA);
        var answer = await AskAsync(owner, Question);
        using var client = app.App.CreateClientWithKey(app.App.CreateApiKey(other));

        using var someoneElses = await client.GetAsync($"/api/conversations/{answer.ConversationId}/export?format=md");
        using var missing = await client.GetAsync("/api/conversations/0000000000000000/export?format=md");
        using var badFormat = await client.GetAsync($"/api/conversations/{answer.ConversationId}/export?format=pdf");

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain(Question, await someoneElses.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        var error = JsonDocument.Parse(await badFormat.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains("'format'", error, StringComparison.Ordinal);
    }

    private async Task<AnswerResult> AskAsync(string user, string question)
    {
        var scope = await app.Services.GetRequiredService<AccessResolver>().ForUserNameAsync(user);
        return await app.Services.GetRequiredService<ProtectedKnowledgeBase>().AskAsync(scope, new AskRequest(question));
    }
}
