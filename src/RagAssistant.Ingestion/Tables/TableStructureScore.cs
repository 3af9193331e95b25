using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RagAssistant.Ingestion.Tables;

/// <summary>One document's adjacency-relation score.</summary>
public sealed record TableDocumentScore(string Document, double Precision, double Recall, double F1, int TruthLinks, int FoundLinks, int CorrectLinks);

/// <summary>Mean over documents and pooled (micro) figures of a set of documents.</summary>
public sealed record TableSetScore(string Set, int Documents, double Precision, double Recall, double F1, double MicroPrecision, double MicroRecall, double MicroF1, IReadOnlyList<TableDocumentScore> PerDocument);

/// <summary>
/// The ICDAR 2013 Table Competition structure score, as ../shared/benchmarks/icdar2013-tables/evaluate.py computes it:
/// every non-empty cell is linked to its nearest non-empty neighbour to the right in each row it spans and below in
/// each column it spans, on the same page; a link is the pair of normalised texts (NFKC, lower case, no whitespace) and
/// its direction; precision and recall count links as a multiset, pooled over a document's tables; the set's score is
/// the mean over documents with ground-truth links, and the micro figures pool all links.
/// </summary>
public static partial class TableStructureScore
{
    private sealed record Cell(int Page, int Row, int Col, int RowEnd, int ColEnd, string Text);

    /// <summary>One document of a set as read and scored: its tables, and the reader's error when it could not be read.</summary>
    public sealed record ScoredDocument(TableDocumentScore Score, IReadOnlyList<FoundTable> Tables, string? Error);

    /// <summary>
    /// Reads every PDF of an ICDAR-style set (<c>docs/NAME.pdf</c> with <c>gt/NAME-str.xml</c>), in name order, with
    /// the ingestion reader (<see cref="PdfTables"/>) and scores it; a PDF the reader refuses scores as finding no table.
    /// </summary>
    public static IEnumerable<ScoredDocument> ScoreSet(string folder, CancellationToken cancellationToken = default)
    {
        foreach (var pdf in Directory.GetFiles(Path.Combine(folder, "docs"), "*.pdf").Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileNameWithoutExtension(pdf);
            var truth = Path.Combine(folder, "gt", name + "-str.xml");
            if (!File.Exists(truth)) continue;
            IReadOnlyList<FoundTable> tables = [];
            string? error = null;
            try
            {
                tables = PdfTables.Read(Path.GetFileName(pdf), File.ReadAllBytes(pdf), cancellationToken);
            }
            catch (IngestionException ex)
            {
                error = ex.Message;
            }
            yield return new ScoredDocument(ScoreDocument(name, File.ReadAllText(truth), tables), tables, error);
        }
    }

    public static TableDocumentScore ScoreDocument(string document, string groundTruthXml, IReadOnlyList<FoundTable> found)
    {
        var truth = TruthLinks(groundTruthXml);
        var predicted = new Dictionary<(string, string, char), int>();
        foreach (var table in found)
            Add(predicted, Links(table.Cells.Select(c => new Cell(c.Page, c.Row, c.Col, c.Row + Math.Max(1, c.RowSpan) - 1, c.Col + Math.Max(1, c.ColSpan) - 1, c.Text))));
        var correct = truth.Sum(kv => Math.Min(kv.Value, predicted.GetValueOrDefault(kv.Key)));
        int truthCount = truth.Values.Sum(), foundCount = predicted.Values.Sum();
        var p = foundCount > 0 ? (double)correct / foundCount : 0;
        var r = truthCount > 0 ? (double)correct / truthCount : 0;
        var f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        return new TableDocumentScore(document, Math.Round(p, 4), Math.Round(r, 4), Math.Round(f, 4), truthCount, foundCount, correct);
    }

    public static TableSetScore Summarise(string set, IReadOnlyList<TableDocumentScore> documents)
    {
        var scored = documents.Where(d => d.TruthLinks > 0).ToList();
        double Mean(Func<TableDocumentScore, double> f) => scored.Count == 0 ? 0 : Math.Round(scored.Average(f), 4);
        int tp = scored.Sum(d => d.CorrectLinks), found = scored.Sum(d => d.FoundLinks), truth = scored.Sum(d => d.TruthLinks);
        var mp = found > 0 ? (double)tp / found : 0;
        var mr = truth > 0 ? (double)tp / truth : 0;
        var mf = mp + mr > 0 ? 2 * mp * mr / (mp + mr) : 0;
        return new TableSetScore(set, scored.Count, Mean(d => d.Precision), Mean(d => d.Recall), Mean(d => d.F1),
            Math.Round(mp, 4), Math.Round(mr, 4), Math.Round(mf, 4), scored);
    }

    private static Dictionary<(string, string, char), int> TruthLinks(string xml)
    {
        var total = new Dictionary<(string, string, char), int>();
        var root = XDocument.Parse(xml).Root!;
        foreach (var region in root.Descendants("region"))
        {
            var page = Int(region.Attribute("page")?.Value, 1);
            var cells = region.Descendants("cell").Select(cell =>
            {
                int row = Int(cell.Attribute("start-row")?.Value, 0), col = Int(cell.Attribute("start-col")?.Value, 0);
                return new Cell(page, row, col, Int(cell.Attribute("end-row")?.Value, row), Int(cell.Attribute("end-col")?.Value, col),
                    cell.Element("content")?.Value ?? "");
            });
            Add(total, Links(cells)); // links never cross regions (each region is one page of a table)
        }
        return total;
    }

    private static Dictionary<(string, string, char), int> Links(IEnumerable<Cell> all)
    {
        var links = new Dictionary<(string, string, char), int>();
        var cells = all.Select(c => c with { Text = Normalise(c.Text) }).Where(c => c.Text.Length > 0).ToList();
        foreach (var page in cells.GroupBy(c => c.Page))
        {
            var onPage = page.ToList();
            foreach (var c in onPage)
            {
                for (var r = c.Row; r <= c.RowEnd; r++)
                {
                    var right = onPage.Where(d => !ReferenceEquals(d, c) && d.Row <= r && r <= d.RowEnd && d.Col > c.ColEnd).MinBy(d => d.Col);
                    if (right is not null) Increment(links, (c.Text, right.Text, 'h'));
                }
                for (var k = c.Col; k <= c.ColEnd; k++)
                {
                    var below = onPage.Where(d => !ReferenceEquals(d, c) && d.Col <= k && k <= d.ColEnd && d.Row > c.RowEnd).MinBy(d => d.Row);
                    if (below is not null) Increment(links, (c.Text, below.Text, 'v'));
                }
            }
        }
        return links;
    }

    private static string Normalise(string text) => Whitespace().Replace(text.Normalize(NormalizationForm.FormKC), "").ToLowerInvariant();

    private static void Add(Dictionary<(string, string, char), int> into, Dictionary<(string, string, char), int> from)
    {
        foreach (var (key, n) in from) into[key] = into.GetValueOrDefault(key) + n;
    }

    private static void Increment(Dictionary<(string, string, char), int> links, (string, string, char) key) => links[key] = links.GetValueOrDefault(key) + 1;

    private static int Int(string? value, int fallback) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
