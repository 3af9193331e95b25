using Bunit;
using RagAssistant.Core.Access;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Jobs;
using RagAssistant.Web.Components.Library;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

public sealed class JobListTests : ComponentTest
{
    private static readonly IngestJob Encrypted = new(Guid.NewGuid(), "图纸.pdf", "default", 1000, DateTimeOffset.UtcNow)
    {
        State = IngestJobState.Failed,
        Problem = IngestProblem.PasswordProtected,
        Reason = "encrypted PDF: it opens but its pages cannot be decrypted, no extractable text (page 1: cannot be decrypted)",
    };

    private static readonly IngestJob Scanned = new(Guid.NewGuid(), "扫描.pdf", "default", 2000, DateTimeOffset.UtcNow)
    {
        State = IngestJobState.Done,
        Outcome = "ingested",
        Warnings = [new IngestNote(IngestWarning.OcrUnsure, "OCR was unsure of 2 pages (3, 7): check them against the original") { Count = 2, Pages = [3, 7] }],
    };

    [Fact]
    public void FailedJob_SaysWhyInChinese_WithoutTheEnglishDetail_ForAReader()
    {
        Context.AddAuthorization().SetAuthorized("reader").SetRoles(Roles.Reader);

        var list = Render([Encrypted, Scanned]);

        var reasons = list.FindAll("[data-testid=job-reason]");
        Assert.Equal("文件有密码保护或已加密：请去掉密码后再上传。", reasons[0].TextContent.Trim());
        Assert.Equal("password_protected", reasons[0].GetAttribute("data-problem"));
        Assert.Empty(list.FindAll("[data-testid=technical-detail]"));
        Assert.Equal("OCR 对第 3、7 页的识别没有把握：请与原件核对。", list.Find("[data-testid=job-note]").TextContent);
    }

    [Fact]
    public void FailedJob_ShowsAnAdminTheEnglishDetail_Folded()
    {
        Context.AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin);

        var list = Render([Encrypted]);

        var detail = list.Find("[data-testid=technical-detail]");
        Assert.Equal("DETAILS", detail.TagName);
        Assert.Null(detail.GetAttribute("open"));
        Assert.Contains("cannot be decrypted", detail.TextContent);
    }

    [Fact]
    public void FailedJob_InEnglish_SaysTheEnglishSentence()
    {
        Context.AddAuthorization().SetAuthorized("reader").SetRoles(Roles.Reader);

        var list = Render([Encrypted], UiText.English);

        Assert.StartsWith("The file is password-protected", list.Find("[data-testid=job-reason]").TextContent.Trim());
    }

    [Fact]
    public void JobStoredBeforeReasonsHadCodes_ShowsItsReasonAsWritten()
    {
        Context.AddAuthorization().SetAuthorized("reader").SetRoles(Roles.Reader);

        var list = Render([Encrypted with { Problem = null, Reason = "old reason" }]);

        Assert.Equal("old reason", list.Find("[data-testid=job-reason]").TextContent.Trim());
    }

    private IRenderedComponent<JobList> Render(IReadOnlyList<IngestJob> jobs, UiText? text = null) =>
        RenderWithText<JobList>(p => p.Add(l => l.Jobs, jobs).Add(l => l.Scope, new AccessScope("reader", null, [])), text);
}
