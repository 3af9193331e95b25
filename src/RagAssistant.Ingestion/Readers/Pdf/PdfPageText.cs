namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>The lines of one page in reading order, with the page's extent (for the header and footer bands).</summary>
internal sealed class PdfPageText(int number, double top, double height, List<TextLine> lines, Rulings rulings)
{
    public int Number { get; } = number;
    public double Top { get; } = top;
    public double Height { get; } = height;
    public List<TextLine> Lines { get; } = lines;
    public Rulings Rulings { get; } = rulings;
}
