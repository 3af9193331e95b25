using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Benchmarks;
using UglyToad.PdfPig;

namespace RagAssistant.Ingestion.Tests.Benchmarks;

/// <summary>The scanned copies of <c>rag bench ocr</c>: the same pages as pictures, without a text layer.</summary>
public sealed class ImageOnlyPdfTests
{
    [Fact]
    public void Build_EveryPageOneImageOfTheSameSize_NoText_ReadAsNeedingOcr()
    {
        var original = TestPdf.Build(
            [.. TestPdf.Paragraph(780, 5, "spindle")],
            [.. TestPdf.Paragraph(780, 3, "coolant")]);

        var copy = ImageOnlyPdf.Build(original, dpi: 100);

        using (var read = PdfDocument.Open(copy))
        using (var source = PdfDocument.Open(original))
        {
            Assert.Equal(2, read.NumberOfPages);
            for (var n = 1; n <= 2; n++)
            {
                var page = read.GetPage(n);
                Assert.Empty(page.Letters);
                Assert.Equal(1, page.NumberOfImages);
                // The page's size in points survives the rounding to whole pixels within a pixel (0.72 pt at 100 dpi).
                Assert.InRange(page.Width, source.GetPage(n).Width - 0.72, source.GetPage(n).Width + 0.72);
                Assert.InRange(page.Height, source.GetPage(n).Height - 0.72, source.GetPage(n).Height + 0.72);
            }
        }
        var document = TestPdf.Read(copy);
        Assert.All(document.PageDetails, p => Assert.Equal(PageStatus.NeedsOcr, p.Status));
    }
}
