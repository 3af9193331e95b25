using System.Text;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// The outline read from a document's contents pages (<see cref="ContentsPage"/>): its entries, the pages they came
/// from, and one readable paragraph per contents page. A body line whose text is an entry's is a heading at the entry's
/// level (<see cref="LevelOf"/>).
/// </summary>
internal sealed class PdfOutline
{
    /// <summary>A body line that is the start of a wrapped entry must cover at least this share of the entry's text.</summary>
    private const double MinPrefixShare = 0.6;

    private readonly Dictionary<string, int> _levels = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Level, string Number)> _numbered = [];
    private readonly List<ParagraphBlock> _paragraphs = [];
    private readonly HashSet<int> _pages = [];

    public static PdfOutline Empty { get; } = new();

    public List<OutlineEntry> Entries { get; } = [];

    /// <summary>The PDF page numbers recognised as contents pages.</summary>
    public IReadOnlySet<int> Pages => _pages;

    public IReadOnlyList<ParagraphBlock> Paragraphs => _paragraphs;

    public void AddPage(int page, IReadOnlyList<OutlineEntry> entries, ParagraphBlock paragraph)
    {
        _pages.Add(page);
        _paragraphs.Add(paragraph);
        foreach (var entry in entries)
        {
            Entries.Add(entry);
            var key = Key(entry.Text);
            _levels.TryAdd(key, entry.Level);
            if (ContentsPage.ClauseNumber(entry.Text) is { } number) _numbered.Add((key, entry.Level, number));
        }
    }

    /// <summary>
    /// The level of the outline entry a body line stands for: the same text (spaces and case aside), or — for a numbered
    /// entry whose title wraps onto a second line in the body — the entry's start, same clause number, at least
    /// <see cref="MinPrefixShare"/> of its text. Null when the line is no entry.
    /// </summary>
    public int? LevelOf(string line)
    {
        if (_levels.Count == 0) return null;
        var key = Key(line);
        if (key.Length == 0) return null;
        if (_levels.TryGetValue(key, out var level)) return level;
        if (ContentsPage.ClauseNumber(line) is not { } number) return null;
        foreach (var (entry, entryLevel, entryNumber) in _numbered)
            if (entryNumber == number && entry.StartsWith(key, StringComparison.Ordinal) && key.Length >= MinPrefixShare * entry.Length)
                return entryLevel;
        return null;
    }

    /// <summary>Puts each contents page's paragraph where the page stood: before the first block of a later page.</summary>
    public void InsertParagraphs(List<DocumentBlock> blocks)
    {
        foreach (var paragraph in _paragraphs)
        {
            var at = blocks.FindIndex(b => b.Page > paragraph.Page);
            blocks.Insert(at < 0 ? blocks.Count : at, paragraph);
        }
    }

    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
