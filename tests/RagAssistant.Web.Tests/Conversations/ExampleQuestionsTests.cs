using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Accounts;
using RagAssistant.Core.Documents;
using RagAssistant.Web.Conversations;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd;

namespace RagAssistant.Web.Tests.Conversations;

/// <summary>The empty page's example questions: from the documents the user may read, the same every time, in the UI's language.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class ExampleQuestionsTests(AccessWebAppFixture app)
{
    private ExampleQuestions Examples => app.Services.GetRequiredService<ExampleQuestions>();

    [Fact]
    public async Task ReaderOfOneLibrary_GetsQuestionsAboutItsDocumentsOnly_TheSameEveryTime()
    {
        var scope = await ScopeAsync("examples", AccessWebAppFixture.LineA);

        var first = await Examples.ForAsync(scope, UiText.Chinese);
        var again = await Examples.ForAsync(scope, UiText.Chinese);

        Assert.NotEmpty(first);
        Assert.InRange(first.Count, 1, ExampleQuestions.Count);
        Assert.Equal(first, again);
        Assert.Contains(first, q => q.Contains("JD-2105-0318", StringComparison.Ordinal));
        Assert.DoesNotContain(first, q => q.Contains("KX-7730", StringComparison.Ordinal) || q.Contains("法兰盘", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Questions_FollowTheUiLanguage_AndSomeoneWhoReadsNothingGetsNone()
    {
        var scope = await ScopeAsync("examplesen", AccessWebAppFixture.LineB);
        var nobody = await ScopeAsync("examplesnone");

        var english = await Examples.ForAsync(scope, UiText.English);
        var chinese = await Examples.ForAsync(scope, UiText.Chinese);

        Assert.NotEmpty(english);
        Assert.All(english, q => Assert.EndsWith("?", q, StringComparison.Ordinal));
        Assert.All(english, q => Assert.Contains("KX-7730-0042", q, StringComparison.Ordinal));
        Assert.All(chinese, q => Assert.EndsWith("？", q, StringComparison.Ordinal));
        Assert.DoesNotContain(english, q => q.Contains("JD-2105", StringComparison.Ordinal));
        Assert.Empty(await Examples.ForAsync(nobody, UiText.Chinese));
    }

    [Fact]
    public void Pick_TakesOnePerKindInTurn_CurrentReadyDocumentsOnly_InAStableOrder()
    {
        StoredDocument Doc(long id, string kind, string identity, bool superseded = false, string status = DocumentStatus.Ready) => new()
        {
            Id = id, Library = "default", Source = $"/srv/rag/{identity}.pdf", FileName = $"{identity}.pdf", Title = identity, Kind = kind,
            Identity = identity, Superseded = superseded, Sha256 = "x", Size = 1, ContentType = "pdf", Status = status, Chunks = 3,
        };
        var documents = new[]
        {
            Doc(1, DocumentKind.Manual, "MM-2"), Doc(2, DocumentKind.ProcessCard, "JD-2"), Doc(3, DocumentKind.ProcessCard, "JD-1"),
            Doc(4, DocumentKind.Standard, "Q/JD 105", superseded: true), Doc(5, DocumentKind.Standard, "Q/JD 201"),
            Doc(6, DocumentKind.ProcessCard, "JD-3"), Doc(7, DocumentKind.Other, "scan", status: DocumentStatus.NeedsOcr),
            Doc(8, DocumentKind.ProcessCard, "JD-4"),
        };

        var picked = ExampleQuestions.Pick(documents).Select(d => d.Identity).ToList();

        Assert.Equal(["JD-1", "Q/JD 201", "MM-2", "JD-2", "JD-3"], picked);
        Assert.Equal(picked, ExampleQuestions.Pick(documents.Reverse().ToList()).Select(d => d.Identity));
    }

    [Fact]
    public void Compose_AsksAboutAHeading_ButAProcessCardAboutItsOperations()
    {
        StoredDocument Doc(string kind, string identity) => new()
        {
            Id = 1, Library = "default", Source = "a", FileName = "a", Title = identity, Kind = kind, Identity = identity, Sha256 = "x", Size = 1,
            ContentType = "pdf", Status = DocumentStatus.Ready,
        };

        Assert.Equal("Q/JD 402 中“拧紧顺序”是怎么规定的？", ExampleQuestions.Compose(Doc(DocumentKind.Standard, "Q/JD 402"), "拧紧顺序", ConversationText.Chinese));
        Assert.Equal("Q/JD 402 规定了哪些主要要求？", ExampleQuestions.Compose(Doc(DocumentKind.Standard, "Q/JD 402"), null, ConversationText.Chinese));
        Assert.Equal("JD-2105-0318 有哪些工序？各用什么设备？", ExampleQuestions.Compose(Doc(DocumentKind.ProcessCard, "JD-2105-0318"), "工序卡", ConversationText.Chinese));
        Assert.Equal("What does WI-AS-021 say about \"拧紧要求\"?", ExampleQuestions.Compose(Doc(DocumentKind.WorkInstruction, "WI-AS-021"), "拧紧要求", ConversationText.English));
    }

    [Theory]
    [InlineData("标题 > 1 范围", null)]
    [InlineData("标题 > 3 拧紧要求", "拧紧要求")]
    [InlineData("标题 > 4.2.1 首件检验", "首件检验")]
    [InlineData("标题 > 第2章 日常点检", "日常点检")]
    [InlineData("Title > 5 Lubrication", "Lubrication")]
    [InlineData("标题 > 标题", null)]
    [InlineData("标题 > 3.1", null)]
    [InlineData("标题 > 这是一个远远超过二十个字符长度的句子而不是一个小节的标题", null)]
    [InlineData("标题 > 江东精密机械有限公司", null)]
    [InlineData("标题 > 术语和定义", null)]
    [InlineData("Title > Foreword", null)]
    [InlineData("标题 > 江东精密机械有限公司 > 2 拧紧顺序", "拧紧顺序")]
    public void FirstHeading_IsTheFirstShortHeadingUnderTheTitle_WithoutItsNumber(string context, string? expected)
    {
        var document = new StoredDocument
        {
            Id = 1, Library = "default", Source = "a.md", FileName = "a.md", Title = "标题", Kind = DocumentKind.Other, Sha256 = "x", Size = 1,
            ContentType = "md", Status = DocumentStatus.Ready,
        };
        var chunk = new StoredChunk(1, 1, 0, "text", context, "1", null, 10, null);

        Assert.Equal(expected, ExampleQuestions.FirstHeading(document, [chunk]));
    }

    private async Task<AccessScope> ScopeAsync(string prefix, params string[] readable)
    {
        var (user, _) = await app.AddUserAsync(prefix, readable: readable);
        return await app.Services.GetRequiredService<AccessResolver>().ForUserNameAsync(user);
    }
}
