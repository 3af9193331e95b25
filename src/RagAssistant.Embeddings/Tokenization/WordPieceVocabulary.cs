using System.Text.Json;

namespace RagAssistant.Embeddings.Tokenization;

/// <summary>A WordPiece vocabulary: token → id, with the special tokens' ids.</summary>
public sealed class WordPieceVocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly IReadOnlyList<string> _tokens;

    public WordPieceVocabulary(IReadOnlyList<string> tokens)
    {
        _tokens = tokens;
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++) _ids.TryAdd(tokens[i], i);
        Lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Unknown = Require("[UNK]");
        Classification = Require("[CLS]");
        Separator = Require("[SEP]");
        Padding = _ids.GetValueOrDefault("[PAD]", 0);
        Count = tokens.Count;
    }

    public int Count { get; }
    public int Unknown { get; }
    public int Classification { get; }
    public int Separator { get; }
    public int Padding { get; }

    /// <summary>Span lookups: no string is allocated per token.</summary>
    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

    private int Require(string token) =>
        _ids.TryGetValue(token, out var id) ? id : throw new EmbeddingModelException($"the vocabulary has no {token} token");

    public string TokenOf(int id) => _tokens[id];

    public int? IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : null;

    /// <summary>Reads vocab.txt: one token per line, the line number is the id.</summary>
    public static WordPieceVocabulary FromVocabTxt(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var tokens = new List<string>(32_000);
        while (reader.ReadLine() is { } line) tokens.Add(line.TrimEnd('\r'));
        return new WordPieceVocabulary(tokens);
    }

    /// <summary>Reads the <c>model.vocab</c> map of a Hugging Face tokenizer.json with a WordPiece model.</summary>
    public static WordPieceVocabulary FromTokenizerJson(Stream stream)
    {
        using var json = JsonDocument.Parse(stream);
        var model = json.RootElement.GetProperty("model");
        if (model.TryGetProperty("type", out var type) && type.GetString() is { } t && t != "WordPiece")
            throw new EmbeddingModelException($"tokenizer.json has a {t} model; only WordPiece (BERT-family) tokenizers are supported");
        var vocab = model.GetProperty("vocab");
        var pairs = vocab.EnumerateObject().Select(p => (p.Name, Id: p.Value.GetInt32())).ToList();
        var tokens = new string[pairs.Max(p => p.Id) + 1];
        Array.Fill(tokens, "");
        foreach (var (name, id) in pairs) tokens[id] = name;
        return new WordPieceVocabulary(tokens);
    }
}
