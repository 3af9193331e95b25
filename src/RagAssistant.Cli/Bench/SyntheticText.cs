using RagAssistant.Embeddings.Tokenization;

namespace RagAssistant.Cli.Bench;

/// <summary>
/// English texts of an exact token length: words that are single tokens in the model's vocabulary, drawn with a fixed
/// seed, so both encoders see the same padded length ([CLS] and [SEP] included).
/// </summary>
internal static class SyntheticText
{
    private const string Words = """
        the machine spindle speed must be checked before each shift and the operator records the value in the log
        when coolant level is low stop work fill the tank clean chips from table tool holder check torque of every bolt
        with a calibrated wrench report any noise heat or vibration to maintenance staff keep guards closed while
        cutting wear safety glasses measure part size after first cut compare with drawing limits adjust offset if out
        of range replace worn insert inspect surface finish store parts on clean racks mark rejected items clearly
        """;

    public static string[] Create(WordPieceTokenizer tokenizer, int count, int tokens, int seed = 42)
    {
        var words = Words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Distinct().Where(w => tokenizer.CountTokens(w) == 1).ToArray();
        var random = new Random(seed);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
            texts[i] = string.Join(' ', Enumerable.Range(0, tokens - 2).Select(_ => words[random.Next(words.Length)]));
        return texts;
    }
}
