using Bunit;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Storage;
using RagAssistant.Embeddings;
using RagAssistant.Generation.Llm;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Web.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Testing;
using RagAssistant.Web.Access;
using RagAssistant.Web.Components.Pages;
using RagAssistant.Web.Limits;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Maintenance;
using RagAssistant.Web.Tests.Components;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Limits;

/// <summary>
/// The Ask page answers without HTTP, through the same <see cref="AnswerAdmission"/> as /api/ask: a refusal shows the
/// user a notice in the UI's language (and gives the question back to send again), never an HTTP status or a failure.
/// The status page lists the limits in force. The pages run in bUnit on the services of a real app with one answer
/// slot, no queue, one question a minute and no upload limit.
/// </summary>
public sealed class PageLimitTests(PageLimitTests.App fixture) : ComponentTest, IClassFixture<PageLimitTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        private readonly TempDirectory _data = new();

        public HostedApp Host { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Directory.CreateDirectory(_data.File("corpus"));
            Host = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
            {
                ["Rag:Limits:ConcurrentAnswers"] = "1",
                ["Rag:Limits:AnswerQueue"] = "0",
                ["Rag:Limits:AsksPerMinute"] = "1",
                ["Rag:Limits:AskBurst"] = "1",
                ["Rag:Limits:UploadsPerMinute"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            _data.Dispose();
        }
    }

    private AnswerAdmission Admission => fixture.Host.Services.GetRequiredService<AnswerAdmission>();

    [Fact]
    public async Task Send_WhenEveryAnswerSlotIsTaken_ShowsTheBusyNotice_InChinese()
    {
        using var someoneElse = await Admission.AdmitAsync("someone-else", CancellationToken.None);
        Assert.Null(someoneElse.Refusal);

        var page = RenderAsk("page-busy", UiText.Chinese);
        await SendAsync(page, "M8 螺栓拧紧扭矩是多少？");

        page.WaitForAssertion(() => Assert.Contains("服务器正忙", page.Find("[data-testid=answer-refused]").TextContent));
        Assert.Contains("5 秒后再试", page.Find("[data-testid=answer-refused]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=answer-error]"));
    }

    [Fact]
    public async Task Send_BeyondTheUsersRate_ShowsTheRateNotice_InEnglish_AndGivesTheQuestionBack()
    {
        var rates = fixture.Host.Services.GetRequiredService<UserRateLimits>();
        Assert.Null(rates.TryAsk("page-rate")); // the one question this minute, spent elsewhere (another tab, a script)

        var page = RenderAsk("page-rate", UiText.English);
        await SendAsync(page, "What torque does the M8 bolt need?");

        page.WaitForAssertion(() => Assert.Contains("Too many questions: at most 1 a minute", page.Find("[data-testid=answer-refused]").TextContent));
        Assert.Equal("What torque does the M8 bolt need?", QuestionBox(page).GetAttribute("value") ?? QuestionBox(page).TextContent);
    }

    [Fact]
    public async Task StatusPage_ListsTheLimitsInForce_AndTheAnswersInProgress()
    {
        using var answering = await Admission.AdmitAsync("status-reader", CancellationToken.None);
        UseAppServices(typeof(IDocumentStore), typeof(EmbeddingModelProvider), typeof(IChunkVectorStore), typeof(ChatModelProvider),
            typeof(IngestionQueue), typeof(RecentErrors), typeof(KnowledgeBaseLocation), typeof(IOptions<LimitsOptions>), typeof(AnswerAdmission), typeof(BackupStatus));

        var page = RenderWithText<StatusPage>(_ => { }, UiText.English);

        Assert.Equal("Questions per user: 1 a minute, burst 1", page.Find("[data-testid=limit-asks]").TextContent);
        Assert.Equal("Uploads per user: off", page.Find("[data-testid=limit-uploads]").TextContent);
        Assert.Equal("Answers at once: 1, queue 0", page.Find("[data-testid=limit-answers]").TextContent);
        Assert.Equal("Open answers per user: 8", page.Find("[data-testid=limit-streams]").TextContent);
        Assert.Equal("Now: 1 answering, 0 waiting", page.Find("[data-testid=limit-now]").TextContent);
    }

    /// <summary>The Ask page signed in as <paramref name="user"/> (who may read every library), over the app's own services.</summary>
    private IRenderedComponent<Ask> RenderAsk(string user, UiText text)
    {
        Context.AddAuthorization().SetAuthorized(user);
        Context.Services.AddSingleton<IAccessGate>(new FixedScopeGate(new AccessScope(user, null, null)));
        Context.Services.AddScoped<CurrentAccess>();
        UseAppServices(typeof(ProtectedKnowledgeBase), typeof(RecentErrors), typeof(AnswerAdmission), typeof(Web.Conversations.ExampleQuestions), typeof(IngestionQueue));
        return RenderWithText<Ask>(_ => { }, text);
    }

    /// <summary>The app's own instances of these singletons, for the page under test.</summary>
    private void UseAppServices(params Type[] types)
    {
        foreach (var type in types) Context.Services.AddSingleton(type, fixture.Host.Services.GetRequiredService(type));
    }

    private static async Task SendAsync(IRenderedComponent<Ask> page, string question)
    {
        await QuestionBox(page).InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = question });
        await page.Find("button[data-testid=send]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
    }

    // MudTextField puts the test id on the textarea itself or on its wrapper, depending on the version.
    private static AngleSharp.Dom.IElement QuestionBox(IRenderedComponent<Ask> page) =>
        page.Find("textarea[data-testid=question-input], [data-testid=question-input] textarea");

    private sealed class FixedScopeGate(AccessScope scope) : IAccessGate
    {
        public ValueTask<AccessScope> ScopeForAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(scope);
    }
}
