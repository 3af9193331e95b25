namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>One row of <c>rag bench ingest</c>: pages/s (medians, one thread) of our reader and of PdfPig's plain extraction.</summary>
/// <param name="Ratio">Ours ÷ PdfPig page.Text (above 1 = faster).</param>
/// <param name="RatioToContentOrder">Ours ÷ PdfPig ContentOrderTextExtractor.</param>
public sealed record PdfBenchResult(
    string Input, int Pages, int Repetitions, double PagesPerSec, double BaselinePagesPerSec, double ContentOrderPagesPerSec,
    double Ratio, double RatioToContentOrder)
{
    public string Baseline => "PdfPig 0.1.16 page.Text";
    public int Threads => 1;
}
