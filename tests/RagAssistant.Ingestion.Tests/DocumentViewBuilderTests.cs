using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Documents.Views;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

public class DocumentViewBuilderTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<(StoredDocument Document, IReadOnlyList<StoredChunk> Chunks, DocumentView? View)> IngestCorpusFile(string name)
    {
        var report = await _h.IngestAsync(Path.Combine(RepositoryPaths.Corpus, name));
        var id = Assert.Single(report.Files).DocumentId!.Value;
        return ((await _h.Store.GetAsync(id))!, await _h.Store.GetChunksAsync(id), await _h.Views.BuildAsync(id));
    }

    [Fact]
    public async Task Xlsx_SheetView_HoldsTheRowsEachChunkCites()
    {
        var (_, chunks, view) = await IngestCorpusFile("JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx");
        var sheets = Assert.IsType<SheetView>(view);
        Assert.NotEmpty(sheets.Sheets);

        var ranged = 0;
        foreach (var chunk in chunks)
        {
            var found = sheets.Find(chunk.Locator);
            Assert.True(found is not null, $"locator {chunk.Locator} points nowhere");
            if (found.FirstRow == 0) continue;
            ranged++;
            var rows = sheets.Sheets[found.Sheet].Rows.Where(r => found.Contains(r.Number)).ToList();
            Assert.NotEmpty(rows);
            // The cited rows show text the chunk was made of.
            Assert.Contains(rows.SelectMany(r => r.Cells), cell => cell.Length > 1 && chunk.Text.Contains(cell, StringComparison.Ordinal));
        }
        Assert.True(ranged > 0);
    }

    [Fact]
    public async Task Csv_SheetView_NumbersRowsAsTheLocatorsDo()
    {
        var (_, chunks, view) = await IngestCorpusFile("supplier-list.csv");
        var sheet = Assert.Single(Assert.IsType<SheetView>(view).Sheets);
        Assert.Equal(1, sheet.Rows[0].Number);

        foreach (var chunk in chunks)
        {
            var found = Assert.IsType<SheetHighlight>(((SheetView)view!).Find(chunk.Locator));
            var row = Assert.Single(sheet.Rows, r => r.Number == found.FirstRow);
            Assert.Contains(row.Cells, cell => cell.Length > 1 && chunk.Text.Contains(cell, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("JD-2105-0318_输出轴_工艺过程卡_RevB.docx")]
    [InlineData("CNC-Lathe-CK6150-Operating-Procedure.md")]
    [InlineData("Q-JD-105-2026_热处理通用技术条件.md")]
    [InlineData("quality-alert-QA-2026-014.html")]
    [InlineData("作业指导书_扭矩紧固_WI-AS-021.txt")]
    public async Task BlocksView_FindsTheItemsOfEveryChunk(string name)
    {
        var (_, chunks, view) = await IngestCorpusFile(name);
        var blocks = Assert.IsType<BlocksView>(view);
        Assert.Contains(blocks.Items, i => i.Kind == ViewItemKind.Heading);

        foreach (var chunk in chunks)
        {
            var indexes = blocks.IndexesFor(chunk);
            Assert.True(indexes.Count > 0, $"nothing found for chunk {chunk.Ordinal} ({chunk.Locator})");
            Assert.All(indexes, i => Assert.NotEqual(ViewItemKind.Heading, blocks.Items[i].Kind));
        }
    }

    [Fact]
    public async Task BlocksView_HighlightsAStandardsClause()
    {
        var (_, chunks, view) = await IngestCorpusFile("Q-JD-105-2026_热处理通用技术条件.md");
        var blocks = Assert.IsType<BlocksView>(view);
        var clause = Assert.Single(chunks, c => c.Locator == "4.2.3");
        var items = blocks.IndexesFor(clause).Select(i => blocks.Items[i]).ToList();
        Assert.Contains(items, i => i.Text.Contains("0.8", StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal("4.2.3", i.Section));
    }

    [Fact]
    public async Task Pdf_IsRenderedFromTheOriginal()
    {
        var (document, _, view) = await IngestCorpusFile("JD-2108-0102_花键轴_工序卡.pdf");
        var pdf = Assert.IsType<PdfView>(view);
        Assert.Equal(document.Pages, pdf.Pages);
        Assert.True(pdf.Document.HasOriginal);
    }

    [Fact]
    public async Task DamagedOriginal_GivesTheReason_NotAnException()
    {
        var file = _h.Folder.WriteText("a.md", "# A\n\nText.");
        var id = (await _h.IngestAsync(file)).Files[0].DocumentId!.Value;
        using (var connection = new SqliteConnection($"Data Source={_h.Folder.File("kb.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE document_files SET content = x'504B0304DEADBEEF' WHERE document_id = $id";
            command.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var view = Assert.IsType<UnavailableView>(await _h.Views.BuildAsync(id));
        Assert.Contains("damaged", view.Reason);
    }

    [Fact]
    public async Task MissingDocument_HasNoView() => Assert.Null(await _h.Views.BuildAsync(424242));
}
