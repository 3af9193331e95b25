using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval.Tests;

public sealed class GlossaryTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"glossary-{Guid.NewGuid():N}.tsv");

    public GlossaryTests() => File.WriteAllText(_file, "螺栓\tbolt\n拧紧\ttighten\n更换\treplace\n内孔直径\tbore diameter\t|孔径\n齿数\tnumber of teeth\n股东总数\ttotal number of shareholders\n");

    public void Dispose() => File.Delete(_file);

    private Glossary Glossary()
    {
        var glossary = Text.Glossary.Load([]);
        glossary.AddFile(_file);
        return glossary;
    }

    [Theory]
    [InlineData("what torque for the m10 bolts?", "螺栓")]
    [InlineData("the bolts were tightened twice", "拧紧")]
    [InlineData("when is the filter replaced?", "更换")]
    public void AnEnglishWord_IsTranslatedInItsPluralAndPastForms(string folded, string chinese) =>
        Assert.Contains(chinese, Glossary().Expand(folded));

    [Theory]
    [InlineData("what is the reaction plan if the journal is out of tolerance?", "反应计划")] // a control plan's column
    [InlineData("主轴最高转速是多少", "maximum")] // an English manual's "Maximum spindle speed"
    [InlineData("最低油位", "minimum")]
    [InlineData("减速器要跑合多久", "running-in")]
    [InlineData("what torque for the m16 foot bolts of the reducer?", "底脚螺栓")] // a reducer's mounting feet, not an anchor bolt
    [InlineData("减速器的质保期是多久", "warranty period")]
    [InlineData("箱盖螺栓的性能等级", "property class")]
    [InlineData("电芯的交流内阻是多少", "ac internal resistance")]                   // a battery cell's datasheet
    [InlineData("what is the cycle life of the cell?", "循环寿命")]
    [InlineData("放电截止电压是多少伏", "discharge cut-off voltage")]
    public void TheBuiltInGlossary_TranslatesTheWordsOfControlPlansAndSpecifications(string folded, string expected) =>
        Assert.Contains(expected, Text.Glossary.Load([Path.Combine(AppContext.BaseDirectory, "rag-resources", "glossary-zh-en.tsv")]).Expand(folded));

    [Theory]
    [InlineData("how many teeth does the gear have?", "齿数")]
    [InlineData("how many shareholders did the company have?", "股东总数")]
    public void HowManyX_AsksTheNumberOfX(string folded, string chinese) =>
        Assert.Contains(chinese, Glossary().Expand(folded));

    [Fact]
    public void EnglishMatches_GiveEachTermAsTheQueryWritesIt_ShortestFirst()
    {
        var matches = Glossary().EnglishMatches("how many shareholders did the company have?");
        var shareholders = Assert.Single(matches, m => m.English == "how many shareholders");
        Assert.Contains("股东总数", shareholders.Chinese);
        Assert.Equal(matches.Select(m => m.English.Length).Order(), matches.Select(m => m.English.Length));
    }

    [Fact]
    public void AVerbInItsIngForm_IsTranslated() =>
        Assert.Contains("拧紧", Glossary().Expand("the tightening torque of the m10 bolts"));

    [Theory]
    [InlineData("positioning of the part in the fixture", "定位", "位置")] // not an inflection of "position"
    [InlineData("what drilling depth?", "钻削", "钻头")]
    [InlineData("when re-checking the cover bolts on the first piece", "复检", null)]
    public void AnIngWordTheShippedGlossaryHas_IsItsOwnEntry(string folded, string expected, string? notExpected)
    {
        var expanded = Text.Glossary.Load([Path.Combine(AppContext.BaseDirectory, "rag-resources", "glossary-zh-en.tsv")]).Expand(folded);
        Assert.Contains(expected, expanded);
        if (notExpected is not null) Assert.DoesNotContain(notExpected, expanded);
    }

    [Fact]
    public void AShortTermWithIng_IsNoInflection() =>
        Assert.DoesNotContain("瓦特", Text.Glossary.Load([Path.Combine(AppContext.BaseDirectory, "rag-resources", "glossary-zh-en.tsv")]).Expand("lift on the wing")); // w (watt)

    [Fact]
    public void HowMany_OfAnotherNoun_IsNotTheNumberOfX() =>
        Assert.DoesNotContain("齿数", Glossary().Expand("how many teethers are there?"));

    [Fact]
    public void AnotherWordStartingLikeAGlossaryWord_IsNotTranslated() =>
        Assert.DoesNotContain("螺栓", Glossary().Expand("the boltless clamp"));

    [Fact]
    public void AChineseSynonym_StandsForItsMainTermAndItsEnglish()
    {
        var expanded = Glossary().Expand("齿轮孔径最多能变多少");
        Assert.Contains("内孔直径", expanded);
        Assert.Contains("bore diameter", expanded);
    }

    [Fact]
    public void AChineseTerm_IsExpandedOnlyWhereTheQuerySaysItStandsAsAWord()
    {
        var glossary = Glossary();
        Assert.Contains("bolt", glossary.Expand("螺栓拧紧"));
        Assert.DoesNotContain("bolt", glossary.Expand("螺栓拧紧", (start, _) => start != 0));
        Assert.Contains("tighten", glossary.Expand("螺栓拧紧", (start, _) => start != 0));
    }

    [Theory]
    [InlineData("what bad-debt provision rate applies to receivables aged 4-5 years?", "计提比例", "坏账准备")]
    [InlineData("zone na depreciation and amortization for january-june 2023", "折旧与摊销", null)]
    [InlineData("impairment of goodwill by operating segment", "商誉", "分部")]
    [InlineData("how many journals are measured during patrol inspection?", "轴颈", "巡回检验")]
    [InlineData("which heat number does the bar come from?", "炉号", null)]
    [InlineData("巡回检验每 2 h 至少一次", "patrol inspection", null)]
    [InlineData("the remanufacturing block diagram of the functional hierarchy", "再制造", "功能层次")]
    [InlineData("what coating thickness after spraying?", "喷涂", null)]
    [InlineData("which usd exchange rate was used to translate us dollar cash?", "美元", "折算率")] // a report's 折算率 column
    [InlineData("how much cash on hand at period end?", "现金", "库存现金")]
    [InlineData("机床水平多久复校一次，允差多少", "machine level", "tolerance")] // a machine's leveling, checked yearly
    [InlineData("re-level the bed; max 0.02 mm/1000 mm", "调平", null)]
    public void TheShippedGlossary_KnowsTheWordsOfShaftMachiningAndInspection(string folded, string expected, string? alsoExpected)
    {
        var glossary = Text.Glossary.Load([Path.Combine(AppContext.BaseDirectory, "rag-resources", "glossary-zh-en.tsv")]);
        var expanded = glossary.Expand(folded);
        Assert.Contains(expected, expanded);
        if (alsoExpected is not null) Assert.Contains(alsoExpected, expanded);
    }
}
