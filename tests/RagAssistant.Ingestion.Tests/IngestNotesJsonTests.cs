using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Tests;

public class IngestNotesJsonTests
{
    [Fact]
    public void Notes_RoundTrip_WithTheirCodesAndFigures()
    {
        IReadOnlyList<IngestNote> notes =
        [
            new(IngestWarning.OcrUnsure, "OCR was unsure of 2 pages (3, 7): check them against the original") { Count = 2, Pages = [3, 7] },
            new(IngestWarning.HiddenSheets, "1 hidden sheet(s) skipped: 计算") { Count = 1, Name = "计算", File = "pack.zip/card.xlsx" },
        ];

        var read = IngestNotesJson.Read(IngestNotesJson.Write(notes));

        Assert.Equal(2, read.Count);
        Assert.Equal((IngestWarning.OcrUnsure, 2), (read[0].Code, read[0].Count));
        Assert.Equal([3, 7], read[0].Pages);
        Assert.Equal(("计算", "pack.zip/card.xlsx"), (read[1].Name, read[1].File));
        Assert.Equal("pack.zip/card.xlsx: 1 hidden sheet(s) skipped: 计算", read[1].ToString());
    }

    [Fact]
    public void WarningsStoredAsStrings_BeforeNotesHadCodes_ReadBackAsTheirText()
    {
        var read = IngestNotesJson.Read("""["no text layer on 2 of 3 pages (scanned or image-only): needs OCR"]""");

        var note = Assert.Single(read);
        Assert.Equal(IngestWarning.Other, note.Code);
        Assert.Equal("no text layer on 2 of 3 pages (scanned or image-only): needs OCR", note.Text);
    }

    [Fact]
    public void ACodeNoLongerKnown_ReadsBackAsOther_KeepingItsText()
    {
        var note = Assert.Single(IngestNotesJson.Read("""[{"code":"SomethingRetired","text":"old words"}]"""));
        Assert.Equal((IngestWarning.Other, "old words"), (note.Code, note.Text));
    }
}
