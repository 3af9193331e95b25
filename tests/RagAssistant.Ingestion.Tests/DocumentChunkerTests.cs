using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Text;
using RagAssistant.Ingestion.Chunking;

namespace RagAssistant.Ingestion.Tests;

public class DocumentChunkerTests
{
    private static readonly ApproximateTokenCounter Tokens = new();

    private static DocumentChunker Chunker(int target = 256, int max = 512, int overlap = 32) =>
        new(Options.Create(new IngestionOptions { ChunkTargetTokens = target, ChunkMaxTokens = max, ChunkOverlapTokens = overlap }), Tokens);

    [Fact]
    public void Chunks_NeverCrossHeadings_AndCarryTheHeadingPath()
    {
        var doc = new ParsedDocument("Std", [
            new HeadingBlock(1, "4 技术要求"),
            new HeadingBlock(2, "4.2 渗碳淬火"),
            new ParagraphBlock("渗碳温度 920–930 ℃。"),
            new HeadingBlock(3, "4.2.3 有效硬化层深度"),
            new ParagraphBlock("有效硬化层深度 0.8–1.2 mm。"),
            new HeadingBlock(1, "5 检验方法"),
            new ParagraphBlock("硬度按 GB/T 230.1 检验。"),
        ]);
        var chunks = Chunker().Chunk(doc, "Q/JD 105 热处理");

        Assert.Equal(3, chunks.Count);
        Assert.Equal("Q/JD 105 热处理 > 4 技术要求 > 4.2 渗碳淬火 > 4.2.3 有效硬化层深度", chunks[1].Context);
        Assert.Equal("4.2.3", chunks[1].Locator);
        Assert.Equal("5", chunks[2].Locator);
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void LongProse_IsSplitAtSentences_WithinTheBudget_WithOverlap()
    {
        var sentences = Enumerable.Range(1, 60).Select(i => $"第{i}步：将螺栓拧紧至 {20 + i} N·m，并记录实测扭矩值。");
        var doc = new ParsedDocument("WI", [new ParagraphBlock(string.Concat(sentences))]);
        var chunks = Chunker(target: 128).Chunk(doc, "WI");

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.True(c.TokenCount <= 128, $"chunk {c.Ordinal} has {c.TokenCount} tokens"));
        // Every chunk ends at a sentence end: no sentence is cut.
        Assert.All(chunks, c => Assert.EndsWith("。", c.Text));
        // The next chunk starts with the previous chunk's last sentence (overlap).
        var lastOfFirst = chunks[0].Text.Split('。', StringSplitOptions.RemoveEmptyEntries)[^1] + "。";
        Assert.StartsWith(lastOfFirst, chunks[1].Text);
    }

    [Fact]
    public void NumbersStayWithTheirUnits_WhenAnUnbrokenSentenceMustBeCut()
    {
        var words = string.Join(" ", Enumerable.Range(1, 300).Select(i => $"value {i} mm"));
        var chunks = Chunker(target: 64, max: 128).Chunk(new ParsedDocument("T", [new ParagraphBlock(words)]), "T");

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.TokenCount <= 128));
        Assert.All(chunks, c => Assert.DoesNotMatch(@"^\S*mm\b", c.Text)); // no chunk starts with a unit cut from its number
        Assert.All(chunks, c => Assert.DoesNotMatch(@"\d$", c.Text.TrimEnd()));
    }

    [Fact]
    public void TableRows_AreKeptWhole_WithTheHeaderRepeated()
    {
        var rows = Enumerable.Range(1, 80).Select(i => new TableRow([$"SUP-{i:000}", $"Supplier number {i}", "40Cr bar", "IATF 16949"], $"row {i + 1}")).ToList();
        var doc = new ParsedDocument("suppliers", [new TableBlock(null, ["ID", "Name", "Material", "Certification"], rows)]);
        var chunks = Chunker(target: 128).Chunk(doc, "suppliers");

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.StartsWith("| ID | Name | Material | Certification |", c.Text));
        Assert.All(chunks, c => Assert.True(c.TokenCount <= 128));
        Assert.Equal("rows 2-", chunks[0].Locator[..7]);
        var allRows = chunks.SelectMany(c => c.Text.Split('\n').Skip(1)).ToList();
        Assert.Equal(80, allRows.Count); // every row exactly once, none split
    }

    [Fact]
    public void ACellHoldingAPipe_StaysOneCell_SoTheColumnsAfterItKeepTheirPlace()
    {
        // An OCR'd header whose rules were read as glyphs: "Processing|total chunks".
        var doc = new ParsedDocument("t", [new TableBlock(null, ["Strategy", "Processing|total chunks", "Tables"], [new TableRow(["Base 128", "64,058", "N/A"], "row 2")])]);
        var chunk = Assert.Single(Chunker().Chunk(doc, "t"));

        Assert.All(chunk.Text.Split('\n'), line => Assert.Equal(3, TableRowShapes.Cells(line).Length));
        Assert.Contains("Processing｜total chunks", chunk.Text);
    }

    [Fact]
    public void OversizedRow_BecomesLabelledLines_WithinTheMaximum()
    {
        var longCell = string.Concat(Enumerable.Repeat("检查主轴轴承温升并记录。", 80));
        var doc = new ParsedDocument("t", [new TableBlock(null, ["工序", "内容"], [new TableRow(["60", longCell], "row 2")])]);
        var chunks = Chunker(target: 128, max: 256).Chunk(doc, "t");

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.TokenCount <= 256));
        Assert.All(chunks, c => Assert.Equal("row 2", c.Locator));
        Assert.StartsWith("工序: 60", chunks[0].Text);
    }

    [Fact]
    public void ParagraphLocator_IsUsed_WhenThereAreNoHeadings()
    {
        var chunks = Chunker().Chunk(new ParsedDocument("n", [new ParagraphBlock("Check oil.", Locator: "line 3")]), "n");
        Assert.Equal("line 3", Assert.Single(chunks).Locator);
    }

    [Fact]
    public void TokenCount_IncludesTheContextLine()
    {
        var chunk = Assert.Single(Chunker().Chunk(new ParsedDocument("t", [new ParagraphBlock("精车")]), "工艺卡片"));
        Assert.Equal(Tokens.CountTokens("工艺卡片\n精车"), chunk.TokenCount);
        Assert.Equal("工艺卡片\n精车", chunk.IndexedText);
    }
}

public class DocumentChunkerRecordAndBoxTests
{
    private static readonly DocumentChunker Chunker =
        new(Options.Create(new IngestionOptions { ChunkTargetTokens = 64, ChunkMaxTokens = 128 }), new ApproximateTokenCounter());

    [Fact]
    public void EachRecord_IsExactlyOneChunk_EvenWhenSmall()
    {
        var doc = new ParsedDocument("card", [
            new RecordBlock("零件号: JD-2105-0318 | 工序号: 50 | 工序名称: 粗车", "工序卡!A13:K13"),
            new RecordBlock("零件号: JD-2105-0318 | 工序号: 60 | 工序名称: 精车 | 转速 r/min: 950", "工序卡!A14:K14"),
        ]);
        var chunks = Chunker.Chunk(doc, "card");
        Assert.Equal(["工序卡!A13:K13", "工序卡!A14:K14"], chunks.Select(c => c.Locator));
    }

    [Fact]
    public void LaterChunksOfATableWithoutAHeader_OpenWithASeparatorLine_SoTheirFirstRowIsReadAsData()
    {
        var rows = Enumerable.Range(1, 60).Select(i => new TableRow([$"股东{i}", "境内自然人", $"0.{i:00}%", $"{i * 1000:N0}"], $"table 5 row {i}")).ToList();
        var chunks = Chunker.Chunk(new ParsedDocument("半年度报告", [new TableBlock(null, [], rows)]), "report");
        Assert.True(chunks.Count > 1);
        // The first chunk is left as the table is: its first rows may name the columns, which the reader of the chunk judges.
        Assert.StartsWith("| 股东1 |", chunks[0].Text, StringComparison.Ordinal);
        Assert.All(chunks.Skip(1), c => Assert.StartsWith("| --- | --- | --- | --- |\n| 股东", c.Text, StringComparison.Ordinal));
        Assert.Equal(rows.Count, chunks.Sum(c => c.Text.Split('\n').Count(l => l.StartsWith("| 股东", StringComparison.Ordinal))));
    }

    [Fact]
    public void ALaterChunkOfATableWithoutAHeader_OpensWithTheGroupHeaderInForce()
    {
        var rows = new List<TableRow>
        {
            new(["股东总数", "26,029 户", "", ""], "table 5 row 1"),
            new(["前 10 名股东持股情况", "", "", ""], "table 5 row 2"),
            new(["股东名称", "股东性质", "持股比例", "持股总数"], "table 5 row 3"),
        };
        rows.AddRange(Enumerable.Range(4, 60).Select(i => new TableRow([$"股东{i}", "境内自然人", $"0.{i:00}%", $"{i * 1000:N0}"], $"table 5 row {i}")));
        var chunks = Chunker.Chunk(new ParsedDocument("半年度报告", [new TableBlock(null, [], rows)]), "report");
        Assert.True(chunks.Count > 1);
        Assert.StartsWith("| 股东总数 |", chunks[0].Text, StringComparison.Ordinal);
        Assert.All(chunks.Skip(1), c => Assert.StartsWith(
            "| --- | --- | --- | --- |\n| 前 10 名股东持股情况 |  |  |  |\n| 股东名称 | 股东性质 | 持股比例 | 持股总数 |\n| 股东", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.True(c.TokenCount <= 128));
    }

    [Fact]
    public void Boxes_FollowParagraphsAndRowsIntoTheirChunks()
    {
        var box1 = new PageBox(1, 72, 700, 300, 712);
        var box2 = new PageBox(2, 72, 100, 300, 112);
        var doc = new ParsedDocument("p", [
            new ParagraphBlock("First paragraph.", Page: 1, Boxes: [box1]),
            new TableBlock(null, ["a", "b"], [new TableRow(["1", "2"], "row 2", [box2])], Page: 2),
        ]);
        var chunks = Chunker.Chunk(doc, "p");
        Assert.Equal([box1], chunks[0].Boxes);
        // A row's box carries the row's number, so a citation of that row can highlight it alone.
        Assert.Equal([box2 with { Row = 2 }], chunks[1].Boxes);
    }
}
