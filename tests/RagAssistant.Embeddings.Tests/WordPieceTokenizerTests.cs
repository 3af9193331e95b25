using System.Text;
using RagAssistant.Embeddings.Tokenization;

namespace RagAssistant.Embeddings.Tests;

public class WordPieceTokenizerTests
{
    // A small vocabulary: specials, some Chinese characters, English words and pieces, punctuation.
    private static readonly string[] Tokens =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "热", "处", "理", "精", "车", "齿", "轮", "，", "。", "（", "）",
        "un", "##aff", "##able", "the", "cafe", "gear", "-", "q", "/", "jd", "105", "4", ".", "2", "3", "##s", "Gear",
    ];

    private static readonly WordPieceVocabulary Vocabulary = new(Tokens);
    private static readonly WordPieceTokenizer Uncased = new(Vocabulary, lowerCase: true);

    private static long[] Ids(params string[] tokens) => tokens.Select(t => (long)Array.IndexOf(Tokens, t)).ToArray();

    [Fact]
    public void Chinese_EachCharacterIsOneToken_UnknownCharactersAreUnk()
    {
        // 工 and 件 are not in the vocabulary; punctuation and characters are split one by one, with or without spaces.
        Assert.Equal(Ids("齿", "轮", "热", "处", "理", "，", "精", "车", "[UNK]", "[UNK]", "。"), Uncased.TokenIds("齿轮热处理，精车工件。"));
    }

    [Fact]
    public void MixedChineseAndEnglish_SplitsAtCharacterAndPunctuationBoundaries()
    {
        Assert.Equal(Ids("q", "/", "jd", "105", "热", "处", "理", "4", ".", "2", ".", "3", "gear", "##s", "（", "车", "）"),
            Uncased.TokenIds("Q/JD 105热处理4.2.3 gears（车）"));
    }

    [Fact]
    public void English_GreedyLongestMatchFirst_WithContinuationPieces()
    {
        Assert.Equal(Ids("un", "##aff", "##able"), Uncased.TokenIds("unaffable"));
        Assert.Equal(Ids("[UNK]"), Uncased.TokenIds("unaffablex")); // no full split: the whole word is [UNK]
    }

    [Fact]
    public void Uncased_LowerCasesAndStripsAccents_DropsControlCharacters()
    {
        Assert.Equal(Ids("the", "cafe", "gear"), Uncased.TokenIds("THE\u0007 Café\u200B\tGEAR"));
    }

    [Fact]
    public void Cased_KeepsCase()
    {
        var cased = new WordPieceTokenizer(Vocabulary, lowerCase: false);
        Assert.Equal(Ids("Gear", "[UNK]"), cased.TokenIds("Gear GEAR"));
    }

    [Fact]
    public void WordsOver100Characters_AreUnk()
    {
        Assert.Equal(Ids("[UNK]", "gear"), Uncased.TokenIds(new string('a', 101) + " gear"));
    }

    [Fact]
    public void Encode_AddsClsAndSep_AndTruncatesToMaxLength()
    {
        var ids = new long[8];
        var written = Uncased.Encode("热处理精车齿轮", ids, maxLength: 6, out var truncated);
        Assert.True(truncated);
        Assert.Equal(6, written);
        Assert.Equal(Ids("[CLS]", "热", "处", "理", "精", "[SEP]"), ids[..6]);

        written = Uncased.Encode("精车", ids, maxLength: 6, out truncated);
        Assert.False(truncated);
        Assert.Equal(Ids("[CLS]", "精", "车", "[SEP]"), ids[..written]);
    }

    [Fact]
    public void CountTokens_CountsWithoutSpecialTokens()
    {
        Assert.Equal(5, Uncased.CountTokens("齿轮 unaffable"));
    }

    [Fact]
    public void TokenizerJson_WordPieceVocabulary_GivesTheSameIds()
    {
        var vocab = string.Join(",", Tokens.Select((t, i) => $"\"{t}\":{i}"));
        var json = "{\"normalizer\":{\"type\":\"BertNormalizer\",\"lowercase\":true},\"model\":{\"type\":\"WordPiece\",\"vocab\":{" + vocab + "}}}";
        var fromJson = new WordPieceTokenizer(WordPieceVocabulary.FromTokenizerJson(new MemoryStream(Encoding.UTF8.GetBytes(json))), lowerCase: true);
        Assert.Equal(Uncased.TokenIds("齿轮热处理 unaffable"), fromJson.TokenIds("齿轮热处理 unaffable"));
    }
}
