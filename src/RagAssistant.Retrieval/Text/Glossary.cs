using System.Text.RegularExpressions;

namespace RagAssistant.Retrieval.Text;

/// <summary>
/// The zh↔en glossary of manufacturing terms (built-in TSV plus configured files): each line is a Chinese term, its
/// English equivalents, and optional Chinese synonyms prefixed with '|'. <see cref="Expand"/> finds the glossary terms a
/// folded query mentions and returns the terms of the other language (and synonyms), so a Chinese question can match
/// an English manual and the reverse.
/// </summary>
public sealed partial class Glossary
{
    private readonly List<(string Chinese, IReadOnlyList<string> English, IReadOnlyList<string> Synonyms)> _entries = [];
    private readonly Dictionary<string, List<int>> _byChinese = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byEnglish = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public static Glossary Load(IEnumerable<string> paths)
    {
        var glossary = new Glossary();
        foreach (var path in paths) glossary.AddFile(path);
        return glossary;
    }

    public void AddFile(string path)
    {
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length < 2) continue;
            var chinese = TextFolding.Fold(fields[0]);
            var english = fields.Skip(1).Where(f => !f.StartsWith('|')).Select(TextFolding.Fold).ToList();
            var synonyms = fields.Skip(1).Where(f => f.StartsWith('|')).Select(f => TextFolding.Fold(f[1..])).Where(f => f.Length > 0).ToList();
            var index = _entries.Count;
            _entries.Add((chinese, english, synonyms));
            foreach (var zh in synonyms.Prepend(chinese)) Add(_byChinese, zh, index);
            foreach (var en in english) Add(_byEnglish, en, index);
        }
    }

    /// <summary>
    /// Terms to add to a folded query: for every Chinese glossary term (or synonym) it contains, the English terms;
    /// for every English term it contains as whole words, the Chinese term and synonyms. Longest matches win: a term
    /// inside a longer matched term is not expanded separately.
    /// </summary>
    /// <param name="isWord">
    /// Whether a span of the query (start, length) stands as a word there; a Chinese term is expanded only where it does,
    /// since Chinese is written without spaces and a term can straddle two words (天车 in 冬天车间). Null: anywhere.
    /// </param>
    public IReadOnlyList<string> Expand(string foldedQuery, Func<int, int, bool>? isWord = null)
    {
        var terms = new List<string>();
        foreach (var m in Matched(foldedQuery, isWord))
        {
            var entry = _entries[m.Entry];
            // A Chinese synonym (孔径) stands for its entry's main term (内孔直径) as well as for the English ones.
            if (m.FromChinese) terms.AddRange(entry.English.Concat(entry.Synonyms).Prepend(entry.Chinese));
            else terms.AddRange(entry.Synonyms.Prepend(entry.Chinese));
        }
        return terms.Distinct().ToList();
    }

    /// <summary>
    /// Every English term of a folded query the glossary holds, each as the query writes it ("how many shareholders",
    /// "bad-debt provision"), with the Chinese it stands for; shortest first, and a term inside a longer one too.
    /// </summary>
    public IReadOnlyList<(string English, IReadOnlyList<string> Chinese)> EnglishMatches(string foldedQuery) =>
        EnglishTermMatches(foldedQuery).OrderBy(m => m.Length).ThenBy(m => m.Start)
            .Select(m => (foldedQuery.Substring(m.Start, m.Length), (IReadOnlyList<string>)_entries[m.Entry].Synonyms.Prepend(_entries[m.Entry].Chinese).ToList()))
            .ToList();

    /// <summary>The entries a folded query names, where and how: longest matches win, a term inside a longer one is not matched separately.</summary>
    private List<(int Start, int Length, int Entry, bool FromChinese, bool Inflected)> Matched(string foldedQuery, Func<int, int, bool>? isWord)
    {
        var matched = AllMatches(foldedQuery, isWord);
        // A word the glossary has as it is (positioning, drilling) is that entry, not an inflection of a shorter one
        // (position, drill).
        return matched.Where(m => !matched.Any(o => o.Length > m.Length && o.Start <= m.Start && o.Start + o.Length >= m.Start + m.Length))
            .Where(m => !m.Inflected || !matched.Any(o => !o.Inflected && !o.FromChinese && o.Start == m.Start && o.Length == m.Length))
            .ToList();
    }

    private List<(int Start, int Length, int Entry, bool FromChinese, bool Inflected)> AllMatches(string foldedQuery, Func<int, int, bool>? isWord)
    {
        var matched = new List<(int Start, int Length, int Entry, bool FromChinese, bool Inflected)>();
        foreach (var (zh, entries) in _byChinese)
        {
            if (zh.Length >= 2 && FirstWord(foldedQuery, zh, isWord) is var at and >= 0) matched.AddRange(entries.Select(e => (at, zh.Length, e, true, false)));
        }
        matched.AddRange(EnglishTermMatches(foldedQuery));
        return matched;
    }

    /// <summary>The English terms of the glossary a folded query holds as whole words (phrases up to four words), with an inflected ending marked.</summary>
    private List<(int Start, int Length, int Entry, bool FromChinese, bool Inflected)> EnglishTermMatches(string foldedQuery)
    {
        var matched = new List<(int Start, int Length, int Entry, bool FromChinese, bool Inflected)>();
        foreach (Match word in Words().Matches(foldedQuery))
        {
            // English phrases up to four words starting at this word.
            var rest = foldedQuery[word.Index..];
            foreach (var (en, entries) in _byEnglish)
            {
                if (PhraseEndsAt(rest, en) is var length and > 0)
                    matched.AddRange(entries.Select(e => (word.Index, length, e, false, length > en.Length)));
            }
        }
        return matched;
    }

    /// <summary>Where <paramref name="term"/> first stands in the query as a word (<paramref name="isWord"/>), or -1.</summary>
    private static int FirstWord(string query, string term, Func<int, int, bool>? isWord)
    {
        var at = query.IndexOf(term, StringComparison.Ordinal);
        while (at >= 0 && isWord is not null && !isWord(at, term.Length)) at = query.IndexOf(term, at + 1, StringComparison.Ordinal);
        return at;
    }

    /// <summary>
    /// Where the English term ends when the text starts with it, else 0. "How many shareholders" asks the "number of
    /// shareholders": a term of that form also matches the question's way of asking it.
    /// </summary>
    private static int PhraseEndsAt(string text, string term)
    {
        if (text.StartsWith(term, StringComparison.Ordinal)) return WordEndsAt(text, term.Length);
        // Checked for every word of the query against every English term: the rare "how many" first.
        if (!text.StartsWith(HowMany, StringComparison.Ordinal)) return 0;
        foreach (var count in CountTerms)
        {
            if (!term.StartsWith(count, StringComparison.Ordinal)) continue;
            var noun = term[count.Length..];
            if (string.CompareOrdinal(text, HowMany.Length, noun, 0, noun.Length) == 0) return WordEndsAt(text, HowMany.Length + noun.Length);
        }
        return 0;
    }

    private const string HowMany = "how many ";
    private static readonly string[] CountTerms = ["number of ", "total number of "];

    /// <summary>
    /// Where the English word ending at <paramref name="at"/> ends, allowing a plural or tense ending ("bolts",
    /// "tightened", "replaced" for bolt, tighten, replace) and, after a term of four letters or more, the "-ing" of a verb
    /// ("re-checking", "tightening"); 0 when another word goes on there ("bolted" is bolt, "boltless" is not).
    /// </summary>
    private static int WordEndsAt(string text, int at)
    {
        foreach (var ending in InflectionEndings)
        {
            if (ending == Gerund && (at < MinGerundStem || !char.IsAsciiLetter(text[at - 1]))) continue;
            var end = at + ending.Length;
            if (end <= text.Length && string.CompareOrdinal(text, at, ending, 0, ending.Length) == 0
                                   && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return end;
        }
        return 0;
    }

    private const string Gerund = "ing";
    private const int MinGerundStem = 4;
    private static readonly string[] InflectionEndings = ["", "s", "es", "d", "ed", Gerund];

    private static void Add(Dictionary<string, List<int>> index, string key, int entry)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(entry);
    }

    [GeneratedRegex(@"(?<![a-z0-9])[a-z][a-z0-9]*")]
    private static partial Regex Words();
}
