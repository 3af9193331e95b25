using JiebaNet.Segmenter;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Text;

namespace RagAssistant.Retrieval.Text;

/// <summary>
/// Segments text for the keyword index and for queries alike: folds it (<see cref="TextFolding"/>), cuts it with jieba in
/// search mode (long words also yield their sub-words) using the manufacturing user dictionary, and appends the
/// identifier terms of <see cref="IdentifierExtractor"/>, which jieba would split at '/', '-', '×' and 'Φ'.
/// The dictionaries load on first use (~1 s, ~150 MB).
/// </summary>
public sealed class ManufacturingSegmenter : ITextSegmenter
{
    private readonly Lazy<JiebaSegmenter> _jieba;
    private readonly Lazy<HashSet<string>> _domainTerms;
    private readonly Lazy<string> _signature;

    /// <summary>Raised when this class cuts or folds text differently for the same dictionaries.</summary>
    private const int RulesVersion = 1;

    public ManufacturingSegmenter(IOptions<RetrievalOptions> options)
    {
        _jieba = new Lazy<JiebaSegmenter>(() => Create(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        _domainTerms = new Lazy<HashSet<string>>(() => LoadDomainTerms(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        _signature = new Lazy<string>(() => ComputeSignature(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    /// <remarks>The rules' version, the folding table and the user dictionaries' contents (a dictionary that gained a word cuts text differently).</remarks>
    public string Signature => _signature.Value;

    private static string ComputeSignature(RetrievalOptions options)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"manufacturing-segmenter {RulesVersion}\n{TextFolding.Signature}\n"));
        foreach (var file in DictionaryFiles(options)) hash.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>True for a word of the manufacturing user dictionaries (渗碳, 首件检验, 扭矩 …), folded.</summary>
    public bool IsDomainTerm(string term) => _domainTerms.Value.Contains(term);

    public string Segment(string text) => string.Join(' ', Terms(text));

    /// <summary>
    /// True for a word of jieba's dictionary or the user dictionaries; false for one its hidden Markov model joined from
    /// unknown characters (油用 of 润滑油用什么, 期是 of 质保期是多久).
    /// </summary>
    public bool IsDictionaryWord(string word)
    {
        _ = _jieba.Value; // loads the dictionaries, the user dictionaries with them
        return WordDictionary.Instance.ContainsWord(word);
    }

    /// <summary>The index terms of <paramref name="text"/>: jieba words (no whitespace or punctuation) then identifier terms.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var folded = TextFolding.Fold(text);
        var terms = new List<string>();
        foreach (var word in _jieba.Value.CutForSearch(folded))
        {
            var w = word.Trim();
            if (w.Length > 0 && w.Any(char.IsLetterOrDigit)) terms.Add(w);
        }
        terms.AddRange(IdentifierExtractor.Terms(folded));
        return terms;
    }

    /// <summary>
    /// Whether a word of the folded text's cut (jieba's accurate mode) starts at a position: "车间" in "冬天车间" does, "天车" does not.
    /// </summary>
    public Func<int, bool> WordStarts(string folded)
    {
        var boundaries = new HashSet<int> { 0 };
        var at = 0;
        foreach (var word in _jieba.Value.Cut(folded))
        {
            at += word.Length;
            boundaries.Add(at);
        }
        return boundaries.Contains;
    }

    private static IEnumerable<string> DictionaryFiles(RetrievalOptions options)
    {
        var builtIn = Path.Combine(AppContext.BaseDirectory, "rag-resources", "userdict-manufacturing.txt");
        return (File.Exists(builtIn) ? [builtIn] : Array.Empty<string>()).Concat(options.UserDictionaries.Where(File.Exists));
    }

    private static HashSet<string> LoadDomainTerms(RetrievalOptions options) =>
        DictionaryFiles(options)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', 2)[0].Trim())
            .Where(word => word.Length > 0 && !word.StartsWith('#'))
            .Select(TextFolding.Fold)
            .ToHashSet();

    private static JiebaSegmenter Create(RetrievalOptions options)
    {
        // jieba looks for its dictionaries relative to the working directory unless told; ours travel with the program.
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        var jieba = new JiebaSegmenter();
        var builtIn = Path.Combine(AppContext.BaseDirectory, "rag-resources", "userdict-manufacturing.txt");
        if (File.Exists(builtIn)) jieba.LoadUserDict(builtIn);
        foreach (var path in options.UserDictionaries)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"user dictionary {path} (Rag:Retrieval:UserDictionaries) not found", path);
            jieba.LoadUserDict(path);
        }
        return jieba;
    }
}
