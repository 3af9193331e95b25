using RagAssistant.Cli.Output;
using RagAssistant.Ingestion.Benchmarks;

namespace RagAssistant.Cli.Bench;

/// <summary>What one <c>rag bench ocr</c> run measured; the answers are null with <c>--ocr-only</c>.</summary>
internal sealed record BenchOcrResult(int Pdfs, OcrAccuracyReport Accuracy, OcrAnswersResult? Answers, int Questions)
{
    /// <summary>The JSON document: every row, and the <paramref name="kept"/> worst line groups and most frequent edits per resolution.</summary>
    public BenchOcrJson ToJson(int kept)
    {
        var rows = new List<OcrBenchRow>();
        rows.AddRange(Accuracy.Cer);
        rows.AddRange(Accuracy.Speed);
        if (Answers is not null) rows.AddRange(Answers.Rows);
        return new BenchOcrJson(rows, Pdfs, Accuracy.SidewaysChars,
            Accuracy.Errors.GroupBy(e => e.Dpi).SelectMany(g => g.Take(kept)).ToList(),
            Accuracy.Confusions.GroupBy(c => (c.Dpi, c.Lang)).SelectMany(g => g.Take(kept)).ToList(),
            Answers is null ? null : new BenchOcrAnswersJson(Questions, Answers.Original, Answers.ImageOnly, Answers.LostHits, Answers.GainedHits, Answers.Warnings));
    }
}
