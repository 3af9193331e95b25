using static RagAssistant.Ingestion.Tests.TestPdf;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// A book or manual without a title page of its own repeats its title in the running header: the reader takes that as
/// the document's title, never a header holding a number (a page, a revision) and never over a title the document has.
/// </summary>
public sealed class RunningTitleTests
{
    private static Text[] Page(string header, int page) =>
        [new(header, Left, 810, 9), .. Paragraph(760, 6, $"page {page} body"), new($"{page}", 290, 30, 9)];

    [Fact]
    public void ARunningHeaderOnEveryPage_IsTheTitleOfADocumentWithoutOne()
    {
        var document = Read(Build(Page("Remanufacturing Technology and Processes", 1), Page("Remanufacturing Technology and Processes", 2),
            Page("Remanufacturing Technology and Processes", 3)));

        Assert.Equal("Remanufacturing Technology and Processes", document.Title);
        Assert.DoesNotContain(document.Blocks.OfType<RagAssistant.Core.Documents.ParagraphBlock>().Skip(1),
            p => p.Text.Contains("Remanufacturing Technology", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunningHeaderWithANumber_IsNoTitle()
    {
        var document = Read(Build(Page("Datasheet REV. 0", 1), Page("Datasheet REV. 0", 2), Page("Datasheet REV. 0", 3)));

        Assert.NotEqual("Datasheet REV. 0", document.Title);
    }
}
