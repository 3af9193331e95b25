using RagAssistant.Core.Text;

namespace RagAssistant.Core.Tests;

public sealed class TextLanguageTests
{
    [Theory]
    [InlineData("JD-2105-0318 第60工序精车的转速是多少？", "zh")]
    [InlineData("CK6150 的液压卡盘压力", "zh")]
    [InlineData("扭矩 48 N·m", "zh")] // a CJK character weighs three letters
    [InlineData("What is the chuck pressure of the CK6150?", "en")]
    // An English question naming a Chinese part name stays English.
    [InlineData("What is the tightening torque of the 压板螺钉 on the CK6150 fixture?", "en")]
    [InlineData("M8×1.25", "en")]
    [InlineData("2026-03-01", "en")]
    [InlineData("", "en")]
    public void Of_WeighsCjkCharactersAgainstLatinLetters(string text, string language) =>
        Assert.Equal(language, TextLanguage.Of(text));

    [Theory]
    [InlineData("拧紧扭矩要求：48±3 N·m。", "zh")]
    // A bilingual row or an English clause under a Chinese title goes to the model that reads Chinese.
    [InlineData("Tighten the insert clamping screw to 3.5 N·m (刀片压紧螺钉).", "zh")]
    [InlineData("Tighten the insert clamping screw to 3.5 N·m.", "en")]
    [InlineData("2026-03-01", "en")]
    [InlineData("", "en")]
    public void OfPassage_IsChineseWhenAnyCjkCharacterIsPresent(string text, string language) =>
        Assert.Equal(language, TextLanguage.OfPassage(text));

    [Theory]
    [InlineData("Tighten to 25 Nm in two steps.", true)]
    [InlineData("What is the tightening torque of the 压板螺钉 on the CK6150 fixture?", true)]
    [InlineData("扭矩 48 N·m", false)]
    [InlineData("渗碳温度 920℃", false)]
    [InlineData("2026-03-01", false)] // digits and symbols alone are neither language
    [InlineData("", false)]
    public void IsEnglish_TextWithLettersReadAsEnglish(string text, bool english) =>
        Assert.Equal(english, TextLanguage.IsEnglish(text));
}
