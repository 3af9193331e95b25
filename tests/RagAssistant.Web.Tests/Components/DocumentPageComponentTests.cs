using Bunit;
using RagAssistant.Core.Documents;
using RagAssistant.Web.Answers;
using RagAssistant.Web.Components.Documents;
using RagAssistant.Web.Components.Sources;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

/// <summary>The document page's parts: its header, the correction form and the chunk list (issue #26 item 5).</summary>
public sealed class DocumentPageComponentTests : ComponentTest
{
    private static StoredDocument Document(string library = "default") => new()
    {
        Id = 7, Library = library, Source = "/srv/rag/uploads/JD-PS-2105.pdf", FileName = "JD-PS-2105.pdf", Title = "目录 Contents",
        Kind = DocumentKind.Manual, Identity = "JD-PS-2105", Revision = "B", Sha256 = "x", Size = 123456, Pages = 12,
        ContentType = "pdf", Status = DocumentStatus.Ready,
    };

    [Fact]
    public void Header_ShowsTheFileNameAndLabels_NeverTheServerPath()
    {
        var header = RenderWithText<DocumentHeader>(p => p.Add(c => c.Document, Document())
            .Add(c => c.Pages, [new PageInfo(3, PageStatus.NeedsOcr, 0, null)]));

        var text = header.Markup;
        Assert.DoesNotContain("/srv/rag", text, StringComparison.Ordinal);
        Assert.Contains("JD-PS-2105.pdf", header.Find("[data-testid=document-file]").TextContent, StringComparison.Ordinal);
        Assert.Contains("123,456 字节", text, StringComparison.Ordinal);
        Assert.Contains("12 页", text, StringComparison.Ordinal);
        Assert.Equal("手册", header.Find("[data-testid=document-kind]").TextContent.Trim());
        Assert.Contains("默认库", header.Find("[data-testid=document-library]").TextContent, StringComparison.Ordinal);
        Assert.Equal("第3页: 需要文字识别", header.Find("[data-testid=page-status]").TextContent.Trim());
        Assert.Empty(header.FindAll("[data-testid=document-edit]"));
    }

    [Fact]
    public void Header_OffersTheEditButton_OnlyToAnEditor()
    {
        var edits = 0;
        var header = RenderWithText<DocumentHeader>(p => p.Add(c => c.Document, Document()).Add(c => c.CanEdit, true)
            .Add(c => c.OnEdit, () => edits++), UiText.English);

        header.Find("[data-testid=document-edit]").Click();

        Assert.Equal(1, edits);
        Assert.Equal("manual", header.Find("[data-testid=document-kind]").TextContent.Trim());
    }

    [Fact]
    public void EditForm_RefusesAnEmptyTitle_NamingTheField_AndSendsNothing()
    {
        DocumentMetadata? sent = null;
        var form = RenderWithText<DocumentEditForm>(p => p.Add(c => c.Document, Document()).Add(c => c.OnSave, m => sent = m));

        form.Find("[data-testid=edit-title] input, input[data-testid=edit-title]").Input("   ");
        form.Find("[data-testid=edit-save]").Click();

        Assert.Null(sent);
        Assert.Equal("标题：不能为空。", form.Find("[data-testid=edit-error]").TextContent.Trim());
    }

    [Fact]
    public void EditForm_RefusesATooLongTitle_InEnglishToo()
    {
        DocumentMetadata? sent = null;
        var form = RenderWithText<DocumentEditForm>(p => p.Add(c => c.Document, Document()).Add(c => c.OnSave, m => sent = m), UiText.English);

        form.Find("[data-testid=edit-title] input, input[data-testid=edit-title]").Input(new string('x', DocumentMetadata.MaxTitleLength + 1));
        form.Find("[data-testid=edit-save]").Click();

        Assert.Null(sent);
        Assert.Equal($"Title: at most {DocumentMetadata.MaxTitleLength} characters.", form.Find("[data-testid=edit-error]").TextContent.Trim());
    }

    [Fact]
    public void EditForm_SendsTrimmedMetadata()
    {
        DocumentMetadata? sent = null;
        var form = RenderWithText<DocumentEditForm>(p => p.Add(c => c.Document, Document()).Add(c => c.OnSave, m => sent = m));

        form.Find("[data-testid=edit-title] input, input[data-testid=edit-title]").Input("  减速器产品规格书 ");
        form.Find("[data-testid=edit-revision] input, input[data-testid=edit-revision]").Input(" ");
        form.Find("[data-testid=edit-save]").Click();

        Assert.Equal(new DocumentMetadata("减速器产品规格书", "JD-PS-2105", null, DocumentKind.Manual), sent);
        Assert.Empty(form.FindAll("[data-testid=edit-error]"));
    }

    [Fact]
    public void ChunkList_RendersATableChunkAsATable_AndReportsTheChunkClicked()
    {
        StoredChunk? selected = null;
        var table = new StoredChunk(41, 7, 3, "表2 装配扭矩\n| 螺栓 | 扭矩 |\n| M8 | 25±2 N·m |\n| <b>M10</b> | 49 N·m |", "ctx", "table 2 rows 1-2", 4, 20, null);
        var prose = new StoredChunk(42, 7, 4, "1. 拧紧前清洁螺纹。", "ctx", "4.2", 4, 8, null);
        var list = RenderWithText<ChunkList>(p => p.Add(c => c.Chunks, [table, prose]).Add(c => c.HighlightedChunkId, 42L)
            .Add(c => c.OnSelect, c => selected = c));

        var html = list.Find("[data-chunk-id='41'] table");
        Assert.Equal(["螺栓", "扭矩"], html.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Equal(2, html.QuerySelectorAll("tbody tr").Length);
        Assert.Empty(html.QuerySelectorAll("b"));
        Assert.Contains("表2 装配扭矩", list.Find("[data-chunk-id='41']").TextContent, StringComparison.Ordinal);
        // Prose stays prose: no list out of "1.".
        Assert.Empty(list.FindAll("[data-chunk-id='42'] ol"));
        Assert.Equal("highlighted", list.Find("[data-chunk-id='42']").GetAttribute("data-testid"));
        Assert.Equal("表2 第1–2行", list.Find("[data-chunk-id='41'] .mud-typography-caption").TextContent.Split('·')[^1].Trim());

        list.Find("[data-chunk-id='41']").Click();
        Assert.Equal(41, selected?.Id);
    }

    [Fact]
    public void Viewer_TurnsAPdfToTheChunksPage_WithItsBoxes()
    {
        var chunk = new StoredChunk(41, 7, 3, "text", "ctx", "4.2", 5, 20, null) { Boxes = [new PageBox(5, 10, 10, 100, 20), new PageBox(6, 10, 700, 100, 720)] };
        var viewer = RenderWithText<DocumentViewer>(p => p.Add(c => c.Document, Document()).Add(c => c.Chunk, chunk));

        Assert.Equal("41", viewer.Find("[data-testid=document-viewer]").GetAttribute("data-chunk-id"));
        Assert.Equal("第5页 / 12", viewer.Find("[data-testid=pdf-page-number]").TextContent.Trim());
        Assert.Empty(viewer.FindAll("[data-testid=select-chunk-hint]"));
        var render = Context.JSInterop.Invocations["renderPage"].Last();
        Assert.Equal(5, render.Arguments[2]);
    }

    [Fact]
    public void Viewer_ShowsAnImageWithTheChunksBoxes_AndAHintBeforeAnyChunk()
    {
        var image = Document() with { ContentType = "image", Pages = 1 };
        var chunk = new StoredChunk(41, 7, 0, "铭牌", "ctx", "line 1", 1, 2, null) { Boxes = [new PageBox(1, 10, 10, 100, 20)] };

        var before = RenderWithText<DocumentViewer>(p => p.Add(c => c.Document, image).Add(c => c.ImageSize, (640, 480)));
        Assert.NotEmpty(before.FindAll("[data-testid=select-chunk-hint]"));
        Assert.Empty(before.FindAll("[data-testid=image-highlight]"));

        var after = RenderWithText<DocumentViewer>(p => p.Add(c => c.Document, image).Add(c => c.ImageSize, (640, 480)).Add(c => c.Chunk, chunk));
        Assert.Single(after.FindAll("[data-testid=image-highlight]"));
    }

    [Fact]
    public void ChunkHtml_KeepsProseEncoded_AndEscapesCells()
    {
        Assert.Equal("a &lt;script&gt;\nb", ChunkHtml.Render("a <script>\nb"));
        var html = ChunkHtml.Render("| a | b |\n| <img src=x> | [1] |");
        Assert.StartsWith("<div class=\"rag-chunk-table\"><table>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rag-cite", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ChunkHtml_ATableWithoutAHeader_ShowsItsFirstRowAsData()
    {
        var html = ChunkHtml.Render("| --- | --- |\n| 股东总数 | 26,029 户 |\n| 王家林 | 0.17% |");
        Assert.DoesNotContain("<th>股东总数</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>股东总数</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("---", html, StringComparison.Ordinal);
    }
}
