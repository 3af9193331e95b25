using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval.Tests;

public class IdentifierExtractorTests
{
    private static IReadOnlyList<string> Terms(string text) => IdentifierExtractor.Terms(TextFolding.Fold(text));

    [Theory]
    [InlineData("按 GB/T 3077-2015 合金结构钢", "gbt3077", "gbt30772015")]
    [InlineData("执行 Q/JD 105—2026 标准", "qjd105", "qjd1052026")]
    [InlineData("ISO 9001:2015", "iso9001", "iso90012015")]
    [InlineData("ＧＢ／Ｔ 699－2015", "gbt699", "gbt6992015")]
    public void StandardNumbers_AreKeptWholeWithAndWithoutYear(string text, string withoutYear, string withYear)
    {
        var terms = Terms(text);
        Assert.Contains(withoutYear, terms);
        Assert.Contains(withYear, terms);
    }

    [Fact]
    public void PartNumbers_AreKeptWhole_AndByFamily()
    {
        var terms = Terms("零件图号 JD-2105-0318");
        Assert.Contains("jd21050318", terms);
        Assert.Contains("jd2105", terms);
    }

    [Theory]
    [InlineData("JD-2105 减速器的油量", "jd2105", "jd")]
    [InlineData("作业指导书 WI-AS-021", "wias021", "wias")]
    public void LettersBeforeTheLastDash_AreNoFamily(string text, string whole, string letters)
    {
        // "JD" is on every document of the company, "WI-AS" on every assembly instruction: as a term of the question
        // they would match them all.
        var terms = Terms(text);
        Assert.Contains(whole, terms);
        Assert.DoesNotContain(letters, terms);
    }

    [Theory]
    [InlineData("JD-2105 第60工序精车的转速", "op60")]
    [InlineData("OP60 finishing", "op60")]
    [InlineData("工序号: 60 | 工序名称: 精车", "op60")]
    [InlineData("60工序", "op60")]
    [InlineData("第 060 工序", "op60")]
    public void OperationNumbers_BecomeOpTerms(string text, string term)
    {
        Assert.Contains(term, Terms(text));
    }

    [Theory]
    [InlineData("4.2.3条规定", "4p2p3")]
    [InlineData("see clause 5.1", "5p1")]
    public void ClauseNumbers_AreKeptWhole(string text, string term)
    {
        Assert.Contains(term, Terms(text));
    }

    [Theory]
    [InlineData("材料 40Cr 调质", "40cr")]
    [InlineData("20CrMnTi 渗碳", "20crmnti")]
    [InlineData("QT450-10 铸件", "qt45010")]
    [InlineData("6061-T6 aluminium", "6061t6")]
    [InlineData("Φ25H7 孔", "φ25")]
    [InlineData("Φ25H7 孔", "h7")]
    [InlineData("ø35k6 journal", "φ35")]
    [InlineData("M8×1.25 螺栓", "m8x125")]
    [InlineData("M8x1.25 bolt", "m8")]
    [InlineData("表面粗糙度 Ra1.6", "ra16")]
    [InlineData("Ra 0.8", "ra08")]
    public void MaterialsFitsThreadsAndRoughness_AreTerms(string text, string term)
    {
        Assert.Contains(term, Terms(text));
    }

    [Theory]
    [InlineData("40Cr调质硬度要求多少？", "40cr")]
    [InlineData("42CrMo4 shafts", "42crmo4")]
    [InlineData("20MnVB 齿轮", "20mnvb")]
    public void Materials_EndWhereTheGradeEnds(string text, string material)
    {
        // The Chinese word after a grade is no part of it: "40Cr调质" names 40Cr.
        Assert.Equal([material], IdentifierExtractor.Materials(TextFolding.Fold(text)));
    }

    [Theory]
    [InlineData("Supply voltage 24V")]
    [InlineData("12B 铅笔")]
    public void AVoltageOrAnotherUnitAfterTwoDigits_IsNoMaterial(string text)
    {
        // V, B and Al follow a two-letter alloy symbol (20MnVB, 38CrMoAl); alone after two digits they are a unit.
        Assert.Empty(IdentifierExtractor.Materials(TextFolding.Fold(text)));
    }

    [Fact]
    public void PlainNumbers_WithUnits_AreNotClauses()
    {
        Assert.DoesNotContain(Terms("转速 950 r/min，进给 0.10 mm/r"), t => t.Contains('p'));
    }

    [Theory]
    [InlineData("M5×0.8 螺钉性能等级 8.8 级的拧紧扭矩")]
    [InlineData("12.9 级螺栓")]
    public void PropertyClasses_AreNotClauses(string text)
    {
        // "8.8 级" is a bolt's property class: as a clause it would have to appear as one, and a table that writes the
        // class as "性能等级 8.8" would seem not to mention it.
        Assert.DoesNotContain(Terms(text), t => t is "8p8" or "12p9");
    }
}
