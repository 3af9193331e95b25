using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Office;
using static RagAssistant.Ingestion.Tests.OfficeTestFiles;

namespace RagAssistant.Ingestion.Tests;

public class XlsxReaderTests
{
    [Theory]
    [InlineData(950, null, "950")]
    [InlineData(0.1 + 0.2, "General", "0.3")]
    [InlineData(0.1, "0.00", "0.10")]
    [InlineData(1234567.891, "#,##0.00", "1,234,567.89")]
    [InlineData(0.98, "0%", "98%")]
    [InlineData(0.1234, "0.00%", "12.34%")]
    [InlineData(-81, "#,##0;(#,##0)", "(81)")]
    [InlineData(12553, "#,##0", "12,553")]
    [InlineData(0.25, "0.000", "0.250")]
    [InlineData(35.0101, "0.000\" mm\"", "35.010 mm")]
    [InlineData(12345.678, "0.00E+00", "1.23E+04")]
    [InlineData(46137, "yyyy-mm-dd", "2026-04-25")]
    [InlineData(46137, "yyyy\"年\"m\"月\"d\"日\"", "2026年4月25日")]
    [InlineData(46137, "m/d/yy", "4/25/26")]
    [InlineData(46137, "d-mmm-yy", "25-Apr-26")]
    [InlineData(46137.5833333333, "yyyy-mm-dd hh:mm", "2026-04-25 14:00")]
    [InlineData(0.5833333333, "h:mm AM/PM", "2:00 PM")]
    [InlineData(1.5, "[h]:mm:ss", "36:00:00")]
    [InlineData(100, "[Red][>=100]0.0;[Blue]0.0", "100.0")]
    [InlineData(42, "[$¥-804]#,##0", "¥42")]
    public void NumberFormats_RenderAsTheSheetShowsThem(double value, string? code, string expected) =>
        Assert.Equal(expected, ExcelNumberFormat.Format(value, code));

    [Theory]
    [InlineData(14, 46137, "2026-04-25")]
    [InlineData(2, 0.1, "0.10")]
    [InlineData(10, 0.5, "50.00%")]
    [InlineData(31, 46137, "2026年4月25日")]
    [InlineData(20, 0.75, "18:00")]
    public void BuiltInFormatIds_AreKnown(int id, double value, string expected) =>
        Assert.Equal(expected, ExcelNumberFormat.Format(value, ExcelNumberFormat.BuiltInCode(id)));

    [Fact]
    public void Date1904Workbooks_CountFrom1904() =>
        Assert.Equal("2026-04-25", ExcelNumberFormat.Format(46137 - 1462, "yyyy-mm-dd", date1904: true));

    [Fact]
    public void EveryVisibleSheet_IsAHeadingAndCellsCiteTheirRange()
    {
        var doc = Read(Corpus("JD-2105-0201_支架本体_工艺过程卡.xlsx"));
        Assert.Equal(["封面", "工艺过程", "更改记录"], doc.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Text));
        Assert.Contains(doc.Blocks, b => b is RecordBlock { Locator: "工艺过程!A2:I2" } r && r.Text.Contains("工时 min: 2.80", StringComparison.Ordinal));
    }

    [Fact]
    public void InlineStringsAndSharedStrings_ReadAlike()
    {
        var inline = Read(Corpus("JD-2105-0201_支架本体_工艺过程卡.xlsx")); // written with inline strings only
        var shared = Read(Corpus("JD-2105-0422_中间齿轮_工艺过程卡.xlsx"));
        Assert.Equal("JD-2105-0201", inline.Fields[DocumentField.PartNumber]);
        Assert.Equal("JD-2105-0422", shared.Fields[DocumentField.PartNumber]);
    }

    [Theory]
    [InlineData("A1", 1, 1)]
    [InlineData("K14", 14, 11)]
    [InlineData("AA100", 100, 27)]
    [InlineData("XFD1048576", 1048576, 16384)]
    public void CellReferences_Parse(string reference, int row, int column)
    {
        Assert.True(CellReference.TryParse(reference, out var r, out var c));
        Assert.Equal((row, column), (r, c));
        Assert.Equal(reference, CellReference.ColumnName(column) + row);
    }

    [Fact]
    public void SheetNamesWithSpaces_AreQuotedInLocators() =>
        Assert.Equal("'Stanley Cups'!A3:C3", CellReference.Range("Stanley Cups", 3, 1, 3, 3));
}
