using RagAssistant.Core.Documents;
using static RagAssistant.Ingestion.Tests.TestPdf;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// A paragraph cut by the end of a page or a column goes on where the text goes on: a sentence that stops mid-way at
/// the bottom ("… having an internal diameter of") is continued by the first line of the next page or column
/// ("1.3 mm and the length of 300 mm."), so the fact is never split between two chunks. A finished sentence, a heading or
/// a list item there starts something new.
/// </summary>
public sealed class PdfParagraphTests
{
    [Fact]
    public void ASentenceCutByThePageEnd_GoesOnOnTheNextPage_AsOneParagraph()
    {
        Text[] first = [.. Paragraph(780, 3, "setup"), new("Gases flow out through the glass pipe having an internal diameter of", Left, 780 - 3 * Leading)];
        Text[] second = [new("1.3 mm and the length of 300 mm. The pressure is read on gauge 4.", Left, 780), .. Paragraph(780 - Leading, 2, "pressure")];

        var paragraphs = Read(Build(first, second)).Blocks.OfType<ParagraphBlock>().Select(p => p.Text).ToList();

        Assert.Contains(paragraphs, p => p.Contains("an internal diameter of 1.3 mm and the length of 300 mm.", StringComparison.Ordinal));
    }

    [Fact]
    public void AFinishedSentenceAtThePageEnd_AndAHeadingOnTheNextPage_StartSomethingNew()
    {
        Text[] first = [.. Paragraph(780, 3, "setup"), new("The pipe is made of glass", Left, 780 - 3 * Leading)];
        Text[] second = [new("2 Results", Left, 780, 14, true), .. Paragraph(760, 2, "results")];

        var doc = Read(Build(first, second));

        Assert.Contains(doc.Blocks.OfType<HeadingBlock>(), h => h.Text == "2 Results");
        Assert.DoesNotContain(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains("2 Results", StringComparison.Ordinal));
    }
}
