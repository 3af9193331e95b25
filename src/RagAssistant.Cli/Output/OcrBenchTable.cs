using System.Globalization;
using RagAssistant.Cli.Bench;

namespace RagAssistant.Cli.Output;

/// <summary>The readable report of <c>rag bench ocr</c>: CER and speed tables, the answers comparison, the worst lines and most frequent edits.</summary>
internal static class OcrBenchTable
{
    /// <summary>Issue #25's targets at 300 dpi, printed beside the figures.</summary>
    private const double ZhTarget = 0.02, EnTarget = 0.01, AnswersTarget = 0.9;

    public static void Print(BenchOcrResult result, int shown)
    {
        var o = Console.Out;
        var accuracy = result.Accuracy;
        o.WriteLine($"OCR (PP-OCRv4 zh+en) on {result.Pdfs} PDF(s) against their text layer; CER = edits ÷ reference characters after NFKC and");
        o.WriteLine("whitespace removal; reference lines no OCR line covers count as deleted (unread); zh = the line has a CJK character.");
        o.WriteLine($"{"dpi",4} {"lang",4} {"pages",5} {"lines",6} {"chars",7} {"edits",6} {"CER",7} {"unread lines",12} {"unread chars",12} {"CER in-vocab",12} {"OOV chars",9} {"CER no leaders",14} {"leader chars",12} {"extra OCR chars",15}");
        foreach (var r in accuracy.Cer)
            o.WriteLine($"{r.Dpi,4:0} {r.Lang,4} {r.Pages,5} {r.ReferenceLines,6} {r.ReferenceChars,7} {r.Edits,6} {P(r.Cer),7} {r.UnmatchedLines,12} {r.UnmatchedChars,12} {P(r.CerInVocabulary),12} {r.OutOfVocabularyChars,9} {P(r.CerWithoutLeaders),14} {r.LeaderChars,12} {r.ExtraOcrChars,15}");
        o.WriteLine($"targets at 300 dpi: zh ≤ {ZhTarget:0%}, en ≤ {EnTarget:0%}. The two second figures each change one thing: CER in-vocab leaves out");
        o.WriteLine("the reference characters the recogniser's character list lacks (OOV); CER no leaders removes runs of 3+ leader dots (contents pages) on both sides.");
        if (accuracy.SidewaysChars > 0) o.WriteLine($"{accuracy.SidewaysChars} text-layer characters running sideways were left out of the reference.");

        o.WriteLine();
        var first = accuracy.Speed.FirstOrDefault();
        o.WriteLine($"Speed: render + OCR of the dense pages (≥ {first?.DenseChars} text-layer characters), after an untimed warm-up read; " +
                    $"{first?.Threads} thread(s) on {first?.Cores} core(s).");
        o.WriteLine($"{"dpi",4} {"dense pages",11} {"seconds",8} {"render s",8} {"pages/s",8}   {"all pages",9} {"pages/s",8}");
        foreach (var s in accuracy.Speed)
            o.WriteLine($"{s.Dpi,4:0} {s.Pages,11} {s.Seconds,8:0.00} {s.RenderSeconds,8:0.00} {F(s.PagesPerSec),8}   {s.AllPages,9} {F(s.AllPagesPerSec),8}");
        foreach (var s in accuracy.Speed.Where(s => s.Workers is not null))
            o.WriteLine($"As ingestion reads them ({s.Workers} page workers, Rag:Ocr:Parallelism): {F(s.WorkersPagesPerSec)} dense pages/s at {s.Dpi:0} dpi.");

        if (result.Answers is { } answers)
        {
            o.WriteLine();
            o.WriteLine($"Answers: {result.Questions} questions with gold in the PDFs; image-only copies ({OcrAnswersComparison.CopyDpi:0} dpi PNG pages, read by OCR on ingest)");
            o.WriteLine("vs the originals with their text layer; hybrid retrieval, extractive answers, built-in embedding model; ratio = copy ÷ original.");
            o.WriteLine($"{"split",-6} {"questions",9} {"hit@5 orig",10} {"copy",6} {"ratio",6}   {"answer_contains orig",20} {"copy",6} {"ratio",6}");
            foreach (var r in answers.Rows)
                o.WriteLine($"{r.Split,-6} {r.Questions,9} {F(r.BaselineHit5),10} {F(r.Hit5),6} {F(r.RatioHit5),6}   {F(r.BaselineAnswerContains),20} {F(r.AnswerContains),6} {F(r.RatioAnswerContains),6}");
            o.WriteLine($"target: ratio ≥ {AnswersTarget:0.0}. Ingested: original {answers.Original.Ingested} files ({answers.Original.Failed} failed, {answers.Original.Chunks} chunks), " +
                        $"copy {answers.ImageOnly.Ingested} ({answers.ImageOnly.Failed} failed, {answers.ImageOnly.Chunks} chunks).");
            if (answers.LostHits.Count > 0) o.WriteLine($"found in the top 5 of the original only: {string.Join(", ", answers.LostHits)}");
            if (answers.GainedHits.Count > 0) o.WriteLine($"found in the top 5 of the copy only: {string.Join(", ", answers.GainedHits)}");
            foreach (var warning in answers.Warnings) o.WriteLine($"copy: {warning}");
        }

        var dpi = accuracy.Speed.Count == 0 ? 0 : accuracy.Speed.Max(s => s.Dpi);
        o.WriteLine();
        o.WriteLine($"Worst line groups at {dpi:0} dpi (edits, reference → OCR):");
        foreach (var e in accuracy.Errors.Where(e => e.Dpi == dpi).Take(shown))
            o.WriteLine($"  {e.Edits,3} {Clip(e.Document, 28)} p{e.Page}: \"{Clip(e.Reference, 60)}\" → \"{Clip(e.Ocr, 60)}\"");
        foreach (var lang in accuracy.Confusions.Where(c => c.Dpi == dpi).Select(c => c.Lang).Distinct())
            o.WriteLine($"Most frequent edits at {dpi:0} dpi, {lang}: " +
                        string.Join(", ", accuracy.Confusions.Where(c => c.Dpi == dpi && c.Lang == lang).Take(shown).Select(c => $"{c.Edit} ×{c.Count}")));
    }

    private static string P(double? value) => value is { } v ? v.ToString("0.00%", CultureInfo.InvariantCulture) : "-";

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Clip(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..(length - 1)] + "…";
    }
}
