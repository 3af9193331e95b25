using RagAssistant.Embeddings.Tokenization;

namespace RagAssistant.Cli.Bench;

/// <summary>
/// English (or Chinese) texts of an exact token length: words (characters) that are single tokens in the model's
/// vocabulary, drawn with a fixed seed, so both encoders see the same padded length ([CLS] and [SEP] included).
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

    /// <summary>Chinese shop-floor text: each character is one token for a Chinese vocabulary.</summary>
    private const string ChineseText = """
        主轴转速在每班开始前必须检查操作者把数值记录在日志中冷却液液位低时停机加注清理工作台上的切屑检查刀柄用校准过的扳手
        检查每个螺栓的扭矩发现异响发热或振动报告维修人员切削时保持防护罩关闭佩戴护目镜首件加工后测量尺寸与图纸公差比较
        超差时调整刀补更换磨损刀片检查表面粗糙度零件放在清洁料架上不合格品做好标识
        """;

    /// <summary>Texts for <paramref name="tokenizer"/>: Chinese when <paramref name="chinese"/>, else English.</summary>
    public static string[] Create(WordPieceTokenizer tokenizer, int count, int tokens, bool chinese, int seed = 42) =>
        chinese ? CreateChinese(tokenizer, count, tokens, seed) : Create(tokenizer, count, tokens, seed);

    private static string[] CreateChinese(WordPieceTokenizer tokenizer, int count, int tokens, int seed)
    {
        var characters = ChineseText.Where(c => !char.IsWhiteSpace(c)).Distinct().Select(c => c.ToString())
            .Where(c => tokenizer.CountTokens(c) == 1).ToArray();
        var random = new Random(seed);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
            texts[i] = string.Concat(Enumerable.Range(0, tokens - 2).Select(_ => characters[random.Next(characters.Length)]));
        return texts;
    }

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
