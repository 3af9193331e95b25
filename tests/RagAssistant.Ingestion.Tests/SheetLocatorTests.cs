using RagAssistant.Core.Documents.Views;

namespace RagAssistant.Ingestion.Tests;

public class SheetLocatorTests
{
    [Theory]
    [InlineData("工序卡!A14:K14", "工序卡", 14, 14)]
    [InlineData("Sheet1!B5", "Sheet1", 5, 5)]
    [InlineData("工序卡!A5:K9", "工序卡", 5, 9)]
    [InlineData("'Stanley Cups'!A1:C3", "Stanley Cups", 1, 3)]
    [InlineData("'It''s'!A2:B2", "It's", 2, 2)]
    [InlineData("row 12", null, 12, 12)]
    [InlineData("rows 5-9", null, 5, 9)]
    [InlineData("工序卡!A5:K5 – 检验!A1:C1", "工序卡", 5, 5)]
    public void TryParse_ReadsEachFormTheReadersWrite(string locator, string? sheet, int first, int last)
    {
        Assert.True(SheetLocator.TryParse(locator, out var s, out var a, out var b));
        Assert.Equal((sheet, first, last), (s, a, b));
    }

    [Theory]
    [InlineData("table 2 row 3")]
    [InlineData("4.2.3")]
    [InlineData("工序卡 > 刀具")]
    [InlineData("line 12")]
    [InlineData("")]
    [InlineData("Sheet1!A0")]
    public void TryParse_RefusesOtherLocators(string locator) => Assert.False(SheetLocator.TryParse(locator, out _, out _, out _));

    [Fact]
    public void Blocks_RowRangeCoversItsRows()
    {
        var view = new BlocksView([
            new ViewItem(ViewItemKind.TableHeader, "a | b") { Table = 0 },
            new ViewItem(ViewItemKind.TableRow, "1 | 2", "table 2 row 2") { Table = 0 },
            new ViewItem(ViewItemKind.TableRow, "3 | 4", "table 2 row 3") { Table = 0 },
            new ViewItem(ViewItemKind.TableRow, "5 | 6", "table 3 row 2") { Table = 1 },
        ]) { Document = new Core.Documents.StoredDocument
        {
            Id = 1, Library = "l", Source = "s", FileName = "f", Title = "t", Kind = "other", Sha256 = "x", Size = 1, ContentType = "docx", Status = "ready",
        } };
        Assert.Equal([1, 2], view.IndexesFor("table 2 rows 2-3", "| 1 | 2 |\n| 3 | 4 |"));
    }
}
