using Bunit;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Documents;
using RagAssistant.Web.Components.Chat;
using RagAssistant.Web.Components.Sources;
using RagAssistant.Core.Documents.Views;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

/// <summary>How one answer shows its mode, its sources and its checks; how a source view marks the cited place.</summary>
public sealed class ChatTurnViewTests : ComponentTest
{
    private static Citation Cite(int n, bool superseded = false) => new()
    {
        N = n, ChunkId = 10 + n, DocumentId = 1, Source = "JD-2105-0318_RevA.xlsx", Title = "输出轴 工艺过程卡", Identity = "JD-2105-0318",
        Revision = superseded ? "A" : "B", Superseded = superseded, Locator = "工序卡!A14:K14", Text = "第60工序 精车 转速 950 r/min",
    };

    private static ChatTurn Turn(string mode, IReadOnlyList<Citation> citations, IReadOnlyList<string>? unsupported = null) => new("第60工序转速？")
    {
        Text = "转速 950 r/min [1]",
        Answer = new AnswerResult
        {
            Answer = "转速 950 r/min [1]", Mode = mode, ConversationId = "c1", Citations = citations,
            Checks = new AnswerChecks(0, unsupported ?? []),
        },
        TurnId = 7,
    };

    [Fact]
    public void ExtractiveAnswer_CarriesTheQuotedBadge_AndAChipPerCitation()
    {
        var view = RenderWithText<ChatTurnView>(p => p.Add(c => c.Turn, Turn(AnswerMode.Extractive, [Cite(1), Cite(2)])));

        Assert.Contains("原文摘录", view.Find("[data-testid=quoted-badge]").TextContent);
        Assert.Equal(2, view.FindAll("[data-testid=citation-chip]").Count);
        Assert.Empty(view.FindAll("[data-testid=insufficient-evidence]"));
        Assert.NotEmpty(view.FindAll("button.rag-cite[data-n='1']"));
    }

    [Fact]
    public void SupersededSource_IsLabelledOnItsChip()
    {
        var view = RenderWithText<ChatTurnView>(p => p.Add(c => c.Turn, Turn(AnswerMode.Extractive, [Cite(1, superseded: true)])), UiText.English);
        Assert.Contains("superseded", view.Find("[data-testid=citation-chip]").TextContent);
    }

    [Fact]
    public void SourceReadByOcr_IsLabelledOnItsChip()
    {
        var scanned = Cite(1) with { Boxes = [new PageBox(3, 60, 700, 400, 720) { Ocr = 0.93 }] };
        var view = RenderWithText<ChatTurnView>(p => p.Add(c => c.Turn, Turn(AnswerMode.Extractive, [scanned, Cite(2)])));
        var chips = view.FindAll("[data-testid=citation-chip]");
        Assert.Contains("OCR 识别", chips[0].TextContent);
        Assert.DoesNotContain("OCR", chips[1].TextContent);
    }

    [Fact]
    public void Abstention_ShowsInsufficientEvidence()
    {
        var view = RenderWithText<ChatTurnView>(p => p.Add(c => c.Turn, Turn(AnswerMode.Abstain, [])));
        Assert.Contains("证据不足", view.Find("[data-testid=insufficient-evidence]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=quoted-badge]"));
    }

    [Fact]
    public void LlmAnswer_WithUntraceableNumbers_SaysWhichToCheck()
    {
        var view = RenderWithText<ChatTurnView>(p => p.Add(c => c.Turn, Turn(AnswerMode.Llm, [Cite(1)], ["30"])));
        Assert.NotEmpty(view.FindAll("[data-testid=llm-badge]"));
        Assert.Contains("30", view.Find("[data-testid=unsupported-numbers]").TextContent);
    }

    [Fact]
    public void ClickingACitationChip_SelectsThatSource()
    {
        Citation? selected = null;
        var view = RenderWithText<ChatTurnView>(p => p
            .Add(c => c.Turn, Turn(AnswerMode.Extractive, [Cite(1), Cite(2)]))
            .Add(c => c.Selected, (Citation c) => selected = c));

        view.FindAll("[data-testid=citation-chip]")[1].Click();

        Assert.Equal(2, selected?.N);
    }

    [Fact]
    public void SheetView_HighlightsTheCitedRows_Only()
    {
        var sheet = new SheetView([
            new SheetTable("封面", ["A"], [new SheetRow(1, ["输出轴"])], false),
            new SheetTable("工序卡", ["A", "B"], [new SheetRow(13, ["50", "粗车"]), new SheetRow(14, ["60", "精车"]), new SheetRow(15, ["70", "磨削"])], false)])
        {
            Document = new StoredDocument
            {
                Id = 1, Library = "default", Source = "a.xlsx", FileName = "a.xlsx", Title = "a", Kind = "process_card", Sha256 = "x", Size = 1,
                ContentType = "xlsx", Status = "ready",
            },
        };
        var view = RenderWithText<SheetTableView>(p => p.Add(c => c.View, sheet).Add(c => c.Highlight, sheet.Find("工序卡!A14:K14")));

        var lit = view.FindAll("[data-testid=highlighted]");
        Assert.Single(lit);
        Assert.Equal("14", lit[0].GetAttribute("data-row"));
        Assert.Contains("精车", lit[0].TextContent);
    }
}

/// <summary>An image source shown in place: the cited lines boxed over it, in the image's pixels.</summary>
public sealed class ImagePageViewTests : ComponentTest
{
    [Fact]
    public void CitedLines_AreBoxedOverTheImage_FlippedUnderItsHeight_UnsureOnesMarked()
    {
        // Boxes are stored y up from the bottom edge; SVG counts y down from the top.
        IReadOnlyList<PageBox> boxes = [new PageBox(1, 60, 380, 685, 420) { Ocr = 0.97 }, new PageBox(1, 60, 300, 488, 340) { Ocr = 0.61, Uncertain = true }];
        var view = RenderWithText<ImagePageView>(p => p.Add(c => c.DocumentId, 5).Add(c => c.Width, 1400).Add(c => c.Height, 440).Add(c => c.Boxes, boxes));

        Assert.Equal("/api/documents/5/file", view.Find("img").GetAttribute("src"));
        Assert.Equal("0 0 1400 440", view.Find("svg").GetAttribute("viewBox"));
        var rects = view.FindAll("[data-testid=image-highlight]");
        Assert.Equal(2, rects.Count);
        Assert.Equal(("60", "20", "625", "40"), (rects[0].GetAttribute("x"), rects[0].GetAttribute("y"), rects[0].GetAttribute("width"), rects[0].GetAttribute("height")));
        Assert.Contains("rag-uncertain", rects[1].GetAttribute("class"));
        Assert.DoesNotContain("rag-uncertain", rects[0].GetAttribute("class"));
    }

    [Fact]
    public void SizeOf_ReadsTheHeader_AndRefusesWhatIsNotAnImage()
    {
        using var bitmap = new SkiaSharp.SKBitmap(320, 200);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        Assert.Equal((320, 200), ImagePageView.SizeOf(png.ToArray()));
        Assert.Null(ImagePageView.SizeOf("not an image"u8.ToArray()));
    }
}
