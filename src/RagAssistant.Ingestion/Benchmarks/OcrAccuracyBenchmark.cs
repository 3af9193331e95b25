using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using RagAssistant.Core.Text;
using RagAssistant.Ingestion.Ocr;
using UglyToad.PdfPig;

namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>
/// The accuracy and speed half of <c>rag bench ocr</c>: each page of each PDF rendered at each resolution, read by
/// the PP-OCR engine, and compared with the page's own text layer (<see cref="OcrPageReference"/>) line group by line
/// group (<see cref="OcrLineMatcher"/>) by <see cref="CharacterErrorRate"/>; totals per resolution and language
/// (edits ÷ reference characters, unread reference lines counted as deleted). Speed is render + OCR time on the dense
/// pages, after one untimed warm-up read at each resolution.
/// </summary>
public sealed partial class OcrAccuracyBenchmark(PpOcrEngine engine, IReadOnlySet<char> vocabulary, int threads)
{
    /// <summary>A page with at least this many text-layer characters counts as dense for the speed figure.</summary>
    public const int DefaultDenseChars = 1000;

    /// <summary>The characters the recogniser can produce: its character list (one per line), NFKC-normalised.</summary>
    public static IReadOnlySet<char> Vocabulary(string keysFile) =>
        File.ReadLines(keysFile).SelectMany(k => k.Normalize(NormalizationForm.FormKC)).ToHashSet();

    public OcrAccuracyReport Run(IReadOnlyList<(string Name, byte[] Pdf)> pdfs, IReadOnlyList<double> dpis, int? maxPages, int denseChars,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var references = pdfs.Select(p => (p.Name, p.Pdf, Pages: References(p.Pdf, maxPages))).ToList();
        var cer = new List<OcrCerRow>();
        var speed = new List<OcrSpeedRow>();
        var errors = new List<OcrLineError>();
        var confusions = new List<OcrConfusion>();
        foreach (var dpi in dpis)
        {
            var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
            var edits = new Dictionary<(string Lang, string Edit), int>();
            double denseSeconds = 0, denseRender = 0, allSeconds = 0;
            int densePages = 0, allPages = 0;
            var warm = false;
            foreach (var (name, pdf, pages) in references)
            {
                if (pages.Count == 0) continue;
                log?.Invoke($"{name}: {pages.Count} page(s) at {dpi:0} dpi");
                using var renderer = new PdfPageRenderer(pdf, password: null, dpi);
                if (!warm)
                {
                    using var first = renderer.Render(pages[0].Number);
                    engine.Read(first.Bitmap, cancellationToken); // warm-up: sessions allocate their buffers on the first run
                    warm = true;
                }
                foreach (var page in pages)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var clock = Stopwatch.StartNew();
                    OcrPage read;
                    double render, scale;
                    using (var rendered = renderer.Render(page.Number))
                    {
                        render = clock.Elapsed.TotalSeconds;
                        scale = rendered.Scale;
                        read = engine.Read(rendered.Bitmap, cancellationToken);
                    }
                    var seconds = clock.Elapsed.TotalSeconds;
                    allSeconds += seconds;
                    allPages++;
                    if (page.Characters >= denseChars)
                    {
                        denseSeconds += seconds;
                        denseRender += render;
                        densePages++;
                    }
                    var ocr = read.Lines.Select(l => page.ToFrame(l.Text, l.Corners.Select(c => ((double)c.X, (double)c.Y)), scale)).ToList();
                    Score(dpi, name, page, OcrLineMatcher.Match(page.Lines, ocr), tallies, edits, errors);
                }
            }
            foreach (var (lang, t) in tallies)
                cer.Add(new OcrCerRow(dpi, lang, allPages, t.Lines, t.Chars, t.Edits, Ratio(t.Edits, t.Chars), t.UnmatchedLines, t.UnmatchedChars,
                    t.OutOfVocabulary, Ratio(t.InVocabularyEdits, t.Chars - t.OutOfVocabulary), t.ExtraLines, t.ExtraChars)
                {
                    LeaderChars = t.LeaderChars,
                    CerWithoutLeaders = Ratio(t.WithoutLeadersEdits, t.Chars - t.LeaderChars),
                });
            speed.Add(new OcrSpeedRow(dpi, denseChars, densePages, Math.Round(denseSeconds, 2), Math.Round(denseRender, 2),
                densePages == 0 ? null : Math.Round(densePages / denseSeconds, 3), allPages, Math.Round(allSeconds, 2),
                allPages == 0 ? null : Math.Round(allPages / allSeconds, 3), threads == 0 ? Environment.ProcessorCount : threads, Environment.ProcessorCount));
            confusions.AddRange(edits.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Edit, StringComparer.Ordinal)
                .Select(e => new OcrConfusion(dpi, e.Key.Lang, e.Key.Edit, e.Value)));
        }
        var sideways = references.Sum(r => r.Pages.Sum(p => p.SidewaysChars));
        return new OcrAccuracyReport(cer, speed, errors.OrderByDescending(e => e.Edits).ThenByDescending(e => e.Cer).ToList(), confusions, sideways);
    }

    /// <summary>
    /// Dense pages per second read the way ingestion reads them (<see cref="PageOcr"/> with <paramref name="options"/>:
    /// its workers at once, each rendering one page at a time and reading it on its own engine), wall clock. Each worker's
    /// engine is warmed up first by one untimed read.
    /// </summary>
    public static (int Workers, double PagesPerSec) WorkersSpeed(IReadOnlyList<(string Name, byte[] Pdf)> pdfs, double dpi, int? maxPages,
        int denseChars, OcrOptions options, CancellationToken cancellationToken = default)
    {
        var dense = pdfs.SelectMany(p => References(p.Pdf, maxPages).Where(r => r.Characters >= denseChars).Select(r => (p.Pdf, r.Number))).ToList();
        if (dense.Count == 0) return (options.Workers, 0);
        using var ocr = new PageOcr(options);
        var rendering = new Lock();
        var renderers = pdfs.ToDictionary(p => p.Pdf, p => new PdfPageRenderer(p.Pdf, password: null, dpi, options.MaxPixels));
        try
        {
            RenderedPage Render(byte[] pdf, int page)
            {
                lock (rendering) return renderers[pdf].Render(page);
            }
            void Read(byte[] pdf, int page)
            {
                using var rendered = Render(pdf, page);
                ocr.Read(rendered.Bitmap, cancellationToken);
            }
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = ocr.Workers, CancellationToken = cancellationToken };
            // Warm-up: one read per worker at the same time, so each worker's engine is loaded and run once before timing.
            Task.WaitAll(Enumerable.Range(0, ocr.Workers).Select(i => Task.Run(() => Read(dense[i % dense.Count].Pdf, dense[i % dense.Count].Number))).ToArray(),
                cancellationToken);
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(dense, parallel, d => Read(d.Pdf, d.Number));
            return (ocr.Workers, Math.Round(dense.Count / clock.Elapsed.TotalSeconds, 3));
        }
        finally
        {
            foreach (var renderer in renderers.Values) renderer.Dispose();
        }
    }

    private static List<OcrPageReference> References(byte[] pdf, int? maxPages)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var count = maxPages is { } most ? Math.Min(most, document.NumberOfPages) : document.NumberOfPages;
        return Enumerable.Range(1, count).Select(n => new OcrPageReference(document.GetPage(n))).ToList();
    }

    /// <summary>Adds one page's groups to the tallies of their language; a group's language is its reference text's.</summary>
    private void Score(double dpi, string document, OcrPageReference page, IReadOnlyList<LineMatch> matches,
        SortedDictionary<string, Tally> tallies, Dictionary<(string, string), int> edits, List<OcrLineError> errors)
    {
        foreach (var match in matches)
        {
            var reference = CharacterErrorRate.Normalise(match.ReferenceText);
            var ocr = CharacterErrorRate.Normalise(match.OcrText);
            if (match.Reference.Count == 0)
            {
                // Text OCR found where the text layer has none: reported, not part of the CER (its reference is unknown).
                var extra = Of(tallies, CjkText.ContainsCjk(ocr) ? "zh" : "en");
                extra.ExtraLines += match.Ocr.Count;
                extra.ExtraChars += ocr.Length;
                continue;
            }
            var lang = CjkText.ContainsCjk(reference) ? "zh" : "en";
            var t = Of(tallies, lang);
            t.Lines += match.Reference.Count;
            t.Chars += reference.Length;
            var inVocabulary = new string(reference.Where(vocabulary.Contains).ToArray());
            t.OutOfVocabulary += reference.Length - inVocabulary.Length;
            var withoutLeaders = WithoutLeaders(reference);
            t.LeaderChars += reference.Length - withoutLeaders.Length;
            if (match.Ocr.Count == 0)
            {
                t.UnmatchedLines += match.Reference.Count;
                t.UnmatchedChars += reference.Length;
                t.Edits += reference.Length;
                t.InVocabularyEdits += inVocabulary.Length;
                t.WithoutLeadersEdits += withoutLeaders.Length;
                errors.Add(new OcrLineError(dpi, lang, document, page.Number, match.ReferenceText, "", reference.Length, 1));
                continue;
            }
            var distance = CharacterErrorRate.Distance(ocr, reference);
            t.Edits += distance;
            t.InVocabularyEdits += CharacterErrorRate.Distance(ocr, inVocabulary);
            t.WithoutLeadersEdits += CharacterErrorRate.Distance(WithoutLeaders(ocr), withoutLeaders);
            if (distance == 0) continue;
            errors.Add(new OcrLineError(dpi, lang, document, page.Number, match.ReferenceText, match.OcrText, distance,
                Math.Round((double)distance / reference.Length, 3)));
            foreach (var edit in CharacterErrorRate.Edits(ocr, reference))
                edits[(lang, edit.ToString())] = edits.GetValueOrDefault((lang, edit.ToString())) + 1;
        }
    }

    /// <summary>
    /// The text without leaders — runs of three or more dots or middle dots (NFKC has turned … into "...") that join a
    /// contents entry to its page number or a label to its value. They are layout, not content: the text layer holds
    /// as many as fill the line, OCR reads a few. Removed from both sides for the second figure only.
    /// </summary>
    public static string WithoutLeaders(string normalised) => Leaders().Replace(normalised, "");

    [GeneratedRegex(@"[.·・]{3,}")]
    private static partial Regex Leaders();

    private static Tally Of(SortedDictionary<string, Tally> tallies, string lang) =>
        tallies.TryGetValue(lang, out var t) ? t : tallies[lang] = new Tally();

    private static double? Ratio(int edits, int chars) => chars == 0 ? null : Math.Round((double)edits / chars, 4);

    private sealed class Tally
    {
        public int Lines, Chars, Edits, UnmatchedLines, UnmatchedChars, OutOfVocabulary, InVocabularyEdits, LeaderChars, WithoutLeadersEdits, ExtraLines, ExtraChars;
    }
}

/// <summary>
/// What <see cref="OcrAccuracyBenchmark.Run"/> measured: CER rows (per resolution and language), speed rows (per
/// resolution), every group with an error (worst first), character edits by frequency, and how many sideways
/// text-layer characters were left out of the reference.
/// </summary>
public sealed record OcrAccuracyReport(
    IReadOnlyList<OcrCerRow> Cer, IReadOnlyList<OcrSpeedRow> Speed, IReadOnlyList<OcrLineError> Errors,
    IReadOnlyList<OcrConfusion> Confusions, int SidewaysChars);
