using RagAssistant.Core.Search;
namespace RagAssistant.Retrieval.Tests;

public class QueryAnalyzerTests
{
    /// <summary>The query analyzer with the built-in dictionaries and no glossary.</summary>
    internal static QueryAnalyzer PlainAnalyzer() =>
        new QueryAnalyzer(new Text.ManufacturingSegmenter(Microsoft.Extensions.Options.Options.Create(new RetrievalOptions())), Text.Glossary.Load([]));

    [Theory]
    [InlineData("JD-2105 第60工序精车的转速", "zh")]
    [InlineData("What is the chuck pressure?", "en")]
    [InlineData("CK6150 的液压卡盘压力", "zh")]
    [InlineData("M8×1.25", "en")]
    public void Language_FollowsTheScript(string query, string language)
    {
        Assert.Equal(language, RagAssistant.Core.Text.TextLanguage.Of(query));
    }

    [Theory]
    [InlineData("减速器箱盖放油螺塞拧多大扭矩？", new[] { "扭矩", "螺塞" }, new[] { "多", "大", "多大" })]
    [InlineData("内孔多深？", new[] { "内孔" }, new[] { "内孔多深", "多深" })]
    [InlineData("用哪把扳手？", new[] { "扳手" }, new[] { "哪", "哪把" })]
    [InlineData("分解框图里方框表示什么？", new[] { "方框", "框图" }, new[] { "表示" })]
    [InlineData("图中符号 M 代表什么？", new[] { "符号" }, new[] { "代表" })]
    public void Interrogatives_AreNoTermsOfTheQuestion_NorGlueToTheirNeighbour(string question, string[] kept, string[] left)
    {
        var analyzer = PlainAnalyzer();
        var terms = analyzer.Analyze(question).Terms;
        Assert.All(kept, t => Assert.Contains(t, terms));
        Assert.All(left, t => Assert.DoesNotContain(t, terms));
    }

    [Theory]
    [InlineData("截至2010年6月30日，合并报表的短期借款余额是多少？", new[] { "2010", "短期借款", "余额" }, new[] { "6", "30", "年", "月", "日" })]
    [InlineData("2026年4月9日夜班 CK6150-03 出了什么故障？", new[] { "2026", "夜班", "故障" }, new[] { "4", "9", "年", "月", "日" })]
    public void ADatesMonthDayAndUnitCharacters_AreNoTerms_ItsYearIs(string question, string[] kept, string[] left)
    {
        var analyzer = PlainAnalyzer();
        var terms = analyzer.Analyze(question).Terms;
        Assert.All(kept, t => Assert.Contains(t, terms));
        Assert.All(left, t => Assert.DoesNotContain(t, terms));
    }

    [Theory]
    [InlineData("What is the product's functional hierarchy?")]
    [InlineData("What is the machine’s spindle speed?")]
    public void APossessiveEnding_IsNoTerm(string question)
    {
        var analyzer = PlainAnalyzer();
        var terms = analyzer.Analyze(question).Terms;
        Assert.DoesNotContain("s", terms);
        Assert.True(terms.Contains("product") || terms.Contains("machine"));
    }

    [Theory]
    [InlineData("JD-2105 减速器多长时间换一次油？", "换油")]
    [InlineData("减速器换过油没有？", "换油")]
    [InlineData("加工中心多久换一下刀？", "换刀")]
    public void AVerbAndItsObjectSplitByACount_AreSearchedAsTheirDictionaryWord(string question, string joined)
    {
        var analyzer = PlainAnalyzer();
        Assert.Contains(joined, analyzer.Analyze(question).Terms);
    }

    [Theory]
    [InlineData("B 版改了哪些参数？")]
    [InlineData("上次换了什么油封？")]
    [InlineData("Φ25H7 孔的上下偏差是多少？")]
    public void AVerbAndWhatFollowsTheCount_AreNotJoinedUnlessTheDictionaryHasTheWord(string question)
    {
        var analyzer = PlainAnalyzer();
        var terms = analyzer.Analyze(question).Terms;
        Assert.DoesNotContain(terms, t => t is "改哪" or "改哪些" or "换什" or "换什么" or "上偏差");
    }

    [Fact]
    public void AGlossaryTermAcrossTwoWords_IsNotTranslated_WhileOneStartingAWordIs()
    {
        var analyzer = new QueryAnalyzer(new Text.ManufacturingSegmenter(Microsoft.Extensions.Options.Options.Create(new RetrievalOptions())),
            Text.Glossary.Load([Path.Combine(AppContext.BaseDirectory, "rag-resources", "glossary-zh-en.tsv")]));
        // 冬天 | 车间: the 天车 (overhead crane) across them is no word of the question.
        var winter = analyzer.Analyze("冬天车间 −15 °C 时减速器启动前要做什么？").Expansions;
        Assert.DoesNotContain("crane", winter);
        Assert.Contains("workshop", winter);
        // 换 | 刀片: 换刀 starts where a word does.
        Assert.Contains("change", analyzer.Analyze("轴颈量到多大就必须停机换刀片？").Expansions);
    }

    [Theory]
    [InlineData("What critical Reynolds number was measured for xenon?", "xe")]
    [InlineData("How much chromium and molybdenum does 42CrMo contain?", "cr")]
    [InlineData("Critical Reynolds number of heavy water in the pipe-flow experiment?", "d2o")]
    [InlineData("Which flow rate of carbon dioxide does the MAG welding card set?", "co2")]
    [InlineData("What is the dew point of the nitrogen used for nitriding?", "n2")]
    public void AnElementOrCompoundTheQuestionNames_IsSearchedByItsFormula(string question, string symbol)
    {
        var analyzer = PlainAnalyzer();
        Assert.Contains(symbol, analyzer.Analyze(question).Expansions);
    }

    [Fact]
    public void HeavyWater_IsSearchedAsD2O_NotAsWater() =>
        Assert.DoesNotContain("h2o", PlainAnalyzer().Analyze("Critical Reynolds number of heavy water?").Expansions);

    [Fact]
    public void AWordThatOnlyNamesAnElementToo_IsNotSearchedByItsSymbol() =>
        Assert.DoesNotContain("pb", PlainAnalyzer().Analyze("What is the lead time for the bearings?").Expansions);

    [Fact]
    public void MatchExpression_QuotesEveryTerm()
    {
        Assert.Equal("\"a\"\"b\" OR \"near\"", AnalyzedQuery.MatchExpression(["a\"b", "near"]));
    }
}

public class UngluedTermsTests
{
    private static readonly QueryAnalyzer Analyzer =
        new(new Text.ManufacturingSegmenter(Microsoft.Extensions.Options.Options.Create(new RetrievalOptions())), Text.Glossary.Load([]));

    [Theory]
    [InlineData("CK6150 导轨润滑油用什么牌号？", "油用", "油")]
    [InlineData("首件检验要检几件？", "要检", "检")]
    public void TwoCharactersGluedByTheModelForUnknownWords_WithAFunctionCharacter_KeepTheirContentCharacter(string question, string glued, string kept)
    {
        var terms = Analyzer.Analyze(question).Terms;
        Assert.DoesNotContain(glued, terms);
        Assert.Contains(kept, terms);
    }

    [Fact]
    public void ANameNoDictionaryHolds_StaysAWord()
    {
        Assert.Contains("张伟", Analyzer.Analyze("张伟负责哪台设备？").Terms);
    }
}

public class FollowUpQueryTests
{
    [Theory]
    [InlineData("和2021版比呢")]
    [InlineData("还有吗？")]
    public void FollowUps_CarryThePreviousQuestion(string question)
    {
        Assert.StartsWith("M8 螺栓拧紧扭矩是多少？ ", FollowUpQuery.Compose(["M8 螺栓拧紧扭矩是多少？"], question));
    }

    [Theory]
    [InlineData("M8 螺栓拧紧扭矩是多少？", "那M10的呢？", "M10 螺栓拧紧扭矩是多少？")]
    [InlineData("JD-2105-0318 第60工序的主轴转速是多少？", "那第40工序呢？", "JD-2105-0318 第40工序的主轴转速是多少？")]
    [InlineData("Q/JD 105—2026 里 40Cr 调质硬度要求多少？", "42CrMo 呢？", "Q/JD 105—2026 里 42CrMo 调质硬度要求多少？")]
    [InlineData("On the CK6150, what's the max spindle speed at 1.2 MPa chuck pressure?", "And at 1.8 MPa?", "On the CK6150, what's the max spindle speed at 1.8 MPa chuck pressure?")]
    [InlineData("What does alarm 2001 mean on the CK6150?", "And alarm 4010?", "What does alarm 4010 mean on the CK6150?")]
    [InlineData("M8 螺栓拧紧扭矩是多少？", "那m10的呢？", "m10 螺栓拧紧扭矩是多少？")]
    [InlineData("JD-2105-0318 OP60 的主轴转速是多少？", "OP40 呢？", "JD-2105-0318 OP40 的主轴转速是多少？")]
    [InlineData("4.2.3 条的渗碳温度是多少？", "那 4.2.4 条呢？", "4.2.4 条的渗碳温度是多少？")]
    [InlineData("What does clause 5.1 require?", "And clause 5.2?", "What does clause 5.2 require?")]
    [InlineData("回火保温 2 h 后硬度是多少？", "那 3 小时呢？", "回火保温 3 小时 后硬度是多少？")]
    [InlineData("What is the max load at 5 kg?", "And at 8 kg?", "What is the max load at 8 kg?")]
    [InlineData("What is the press-fit force at 12 kN?", "And at 15 kN?", "What is the press-fit force at 15 kN?")]
    public void FollowUps_ThatNameANewSlotValue_ReplaceItInThePreviousQuestion(string previous, string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpQuery.Compose([previous], followUp));
    }

    [Theory]
    [InlineData("In control plan CP-2105-0318, what is the sample size and frequency for the Φ35k6 diameter at OP60?", "And for runout at final inspection?",
        "In control plan CP-2105-0318, what is the sample size and frequency for runout at final inspection?")]
    [InlineData("What is the surface hardness of the output shaft?", "What about of the gear?", "What is the surface hardness of the gear?")]
    public void AnEnglishFollowUpOfPrepositionPhrases_ReplacesThePhrasesOfThePreviousQuestion(string previous, string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpQuery.Compose([previous], followUp));
    }

    [Theory]
    [InlineData("Why was CK6150-02 down for 22 hours in June?", "And under load?")]
    [InlineData("What is the surface hardness of the output shaft?", "And for the gear, what tolerance?")]
    public void AnEnglishFollowUpWithMoreThanPhrasesThePreviousQuestionHas_IsCarriedAsAsked(string previous, string followUp)
    {
        Assert.Equal(previous + " " + followUp, FollowUpQuery.Compose([previous], followUp));
    }

    [Theory]
    // M12 is a thread, so the part code the follow-up names replaces JD-2105-0318, not M12.
    [InlineData("M12 螺栓在 JD-2105-0318 上的扭矩是多少？", "那 JD-2105-0422 呢？", "M12 螺栓在 JD-2105-0422 上的扭矩是多少？")]
    // OP60 is an operation, so the part code is JD-2105-0318 behind it.
    [InlineData("OP60 of JD-2105-0318: what spindle speed?", "And JD-2105-0422?", "OP60 of JD-2105-0422: what spindle speed?")]
    public void ASpanOfAMoreSpecificSlot_IsNoLaterSlotsValue(string previous, string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpQuery.Compose([previous], followUp));
    }

    [Theory]
    [InlineData("Why was CK6150-02 down for 22 hours in June?", "And at 1.8 MPa?")]
    [InlineData("2010年6月末公司总资产是多少？", "那 5 kg 呢")]
    [InlineData("2026年版热处理标准渗碳后保温多久？", "那 3 小时呢")]
    [InlineData("JD-2105 支架总成 M8 螺栓拧多大扭矩？", "What about Q235?")]
    public void AValue_ReplacesOnlyAValueOfItsKind(string previous, string followUp)
    {
        // A pressure does not replace a span of hours, nor a mass or a span a year, nor a steel grade a part number: the
        // follow-up is carried as asked.
        Assert.Equal(previous + " " + followUp, FollowUpQuery.Compose([previous], followUp));
    }

    [Theory]
    [InlineData("Q/JD 105—2026 的 4.2.3 条规定了什么？", "那 1.8 呢？")]
    [InlineData("剂量 2.0 时的牙齿长度是多少？", "And clause 5.2?")]
    public void ATwoLevelNumberNotWrittenAsAClause_IsNoClause(string previous, string followUp)
    {
        Assert.Equal(previous + " " + followUp, FollowUpQuery.Compose([previous], followUp));
    }

    [Fact]
    public void AValueWithItsUnit_IsNoClause()
    {
        // 1.2 MPa is a pressure: the follow-up's 1.8 MPa replaces it, and a clause the question names stays.
        Assert.Equal("4.2.3 条规定卡盘压力 1.8 MPa 时的转速是多少？", FollowUpQuery.Compose(["4.2.3 条规定卡盘压力 1.2 MPa 时的转速是多少？"], "那 1.8 MPa 呢？"));
    }

    [Theory]
    [InlineData("中间齿轮 JD-2105-0422 滚齿工序的检验频次是什么？", "剃齿呢？", "中间齿轮 JD-2105-0422 剃齿工序的检验频次是什么？")]
    [InlineData("输出轴粗车的转速是多少？", "那精车呢？", "输出轴精车的转速是多少？")]
    [InlineData("2026 版热处理标准渗碳件表面硬度是多少？", "心部呢？", "2026 版热处理标准渗碳件心部硬度是多少？")]
    public void FollowUp_NamingATermOfTheSameKind_ReplacesIt(string previous, string followUp, string expected)
    {
        // The real segmenter's manufacturing dictionary says which words are terms; 间齿 of 中间齿轮 is none.
        var analyzer = QueryAnalyzerTests.PlainAnalyzer();
        Assert.Equal(expected, analyzer.ComposeFollowUp([previous], followUp));
    }

    [Fact]
    public void FollowUp_NamingNoTermOfAKindThePreviousQuestionHas_CarriesIt()
    {
        var analyzer = QueryAnalyzerTests.PlainAnalyzer();
        Assert.Equal("渗碳件表面硬度是多少？ 有什么要求呢？", analyzer.ComposeFollowUp(["渗碳件表面硬度是多少？"], "有什么要求呢？"));
    }

    [Fact]
    public void StandaloneQuestions_AreLeftAlone()
    {
        const string q = "CK6150 数控车床液压卡盘的夹紧压力范围是多少？";
        Assert.Equal(q, FollowUpQuery.Compose(["M8 螺栓拧紧扭矩是多少？"], q));
        Assert.Equal("那M10的呢？", FollowUpQuery.Compose([], "那M10的呢？"));
    }
}
