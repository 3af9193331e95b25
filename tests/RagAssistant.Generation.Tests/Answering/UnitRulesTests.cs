using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Extractive;
using RagAssistant.Generation.Extractive.Rules;

namespace RagAssistant.Generation.Tests.Answering;

/// <summary>
/// Each unit rule of the extractive answerer (<see cref="UnitRules"/>), seen through <see cref="ExtractiveAnswerer.Score"/>
/// on small hand-made chunks: the rule's name is on the trace of the unit it should act on, with its factor or
/// addition, and not on the unit it should leave alone. Test methods start with the rule's name (checked below).
/// </summary>
public sealed class UnitRulesTests
{
    private static readonly RelevanceOptions Defaults = new();

    private static IReadOnlyList<ScoredUnit> Score(string question, IReadOnlyList<RetrievedChunk> sources, RelevanceOptions? relevance = null,
        IReadOnlyDictionary<string, double>? similarity = null, double similarityWeight = 0) =>
        Score(TestSources.Terms(question), sources, relevance, similarity, similarityWeight);

    private static IReadOnlyList<ScoredUnit> Score(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources, RelevanceOptions? relevance = null,
        IReadOnlyDictionary<string, double>? similarity = null, double similarityWeight = 0)
    {
        var answerer = new ExtractiveAnswerer(TestSources.Analyzer, Options.Create(new AnswerOptions()), NullLogger<ExtractiveAnswerer>.Instance,
            Options.Create(relevance ?? new RelevanceOptions()));
        return answerer.Score(question, sources, similarity, similarityWeight);
    }

    /// <summary>The one scored unit whose text contains <paramref name="fragment"/>.</summary>
    private static ScoredUnit Unit(IReadOnlyList<ScoredUnit> units, string fragment) =>
        Assert.Single(units, u => u.Unit.Text.Contains(fragment, StringComparison.Ordinal));

    private static RuleEffect Effect(ScoredUnit unit, string rule) => Assert.Single(unit.Trace.Effects, e => e.Rule == rule);

    private static void AssertFactor(ScoredUnit unit, string rule, double factor, string evidence)
    {
        var effect = Effect(unit, rule);
        Assert.True(effect.Before > 0, $"{rule} acted on a score of {effect.Before}");
        Assert.Equal(effect.Before * factor, effect.After, 12);
        Assert.Equal(evidence, effect.Evidence);
    }

    private static void AssertAdded(ScoredUnit unit, string rule, double addition, string evidence)
    {
        var effect = Effect(unit, rule);
        Assert.Equal(effect.Before + addition, effect.After, 12);
        Assert.Equal(evidence, effect.Evidence);
    }

    private static void AssertNotApplied(ScoredUnit unit, string rule) => Assert.DoesNotContain(unit.Trace.Effects, e => e.Rule == rule);

    // ---- Tables ----

    private static readonly RetrievedChunk TorqueTable = TestSources.Chunk(70, "Q/JD 402 紧固件拧紧扭矩规范",
        "| 螺栓规格 | 性能等级 | 拧紧扭矩 N·m |\n| --- | --- | --- |\n| M8×1.25 | 8.8 | 25±2 |\n| M10×1.5 | 10.9 | 48±3 |\n| M12×1.75 | 10.9 | 85±5 |",
        locator: "table 3 rows 1-3");

    [Fact]
    public void KeyCell_MultipliesTheRowWhoseKeyCellNamesTheQuestionsWord()
    {
        var units = Score("M10 螺栓拧多大扭矩？", [TorqueTable]);
        AssertFactor(Unit(units, "M10×1.5"), "KeyCell", Defaults.KeyCell, "key cells name m10");
        AssertNotApplied(Unit(units, "M8×1.25"), "KeyCell");
        Assert.Contains("M10×1.5", units[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyCell_IgnoresAWordInTheKeyCellsOfEveryRow()
    {
        var card = TestSources.Chunk(71, "JD-2105-0318 工艺卡",
            "| 零件号 | 工序号 | 主轴转速 r/min |\n| --- | --- | --- |\n| JD-2105-0318 | 50 | 600 |\n| JD-2105-0318 | 60 | 950 |");
        var units = Score("JD-2105-0318 的主轴转速是多少？", [card]);
        Assert.All(units.Where(u => u.Unit.Kind == UnitKind.TableRow), u => AssertNotApplied(u, "KeyCell"));
    }

    [Fact]
    public void KeyCell_MultipliesTheBlockOfLabelledLines_WhoseLabelTheQuestionNames()
    {
        var legend = TestSources.Chunk(72, "再制造分解框图",
            "这些再制造措施可用符号表示,各种符号意义如下:\n圆圈:在该圈内的零部件再制造时通常可以直接利用。\n方框:框内的零部件再制造时常采用换件,即替换单元。\n菱形:菱形内的部件要继续向下分解。");
        var units = Score("分解框图里方框表示什么？", [legend]);
        AssertFactor(Unit(units, "方框:框内"), "KeyCell", Defaults.KeyCell, "key cells name 方框");
        Assert.Equal(UnitKind.Record, units[0].Unit.Kind);
    }

    // ---- The trace ----

    [Fact]
    public void Trace_StartsFromTheCoverage_AndEndsAtTheScore()
    {
        var units = Score("JD-2105-0318 第60工序的转速改了吗？",
            [TestSources.Chunk(1, "工艺卡修订记录", "B 版将 OP60 主轴转速由 800 r/min 改为 950 r/min。精车时应充分浇注切削液。")]);
        Assert.All(units, u =>
        {
            Assert.Equal(u.Coverage, u.Trace.Base);
            Assert.Equal(u.Score, u.Trace.Score);
            for (var i = 1; i < u.Trace.Effects.Count; i++) Assert.Equal(u.Trace.Effects[i - 1].After, u.Trace.Effects[i].Before);
        });
    }

    // ---- RetrievalRank ----

    private static readonly RetrievedChunk[] TwoTemperatures =
    [
        TestSources.Chunk(1, "热处理通用技术条件", "渗碳温度为 920 ℃，保温时间按渗碳层深度确定。"),
        TestSources.Chunk(2, "热处理通用技术条件", "淬火温度为 840 ℃，油冷。"),
    ];

    [Fact]
    public void RetrievalRank_AddsTheWeightOverTheChunksRank()
    {
        var units = Score("渗碳温度是多少？", TwoTemperatures);
        AssertAdded(Unit(units, "渗碳温度"), "RetrievalRank", Defaults.RetrievalRank, "chunk rank 1");
        AssertAdded(Unit(units, "淬火温度"), "RetrievalRank", Defaults.RetrievalRank / 2, "chunk rank 2");
    }

    [Fact]
    public void RetrievalRank_AtWeightZero_DoesNothing()
    {
        var units = Score("渗碳温度是多少？", TwoTemperatures, new RelevanceOptions { RetrievalRank = 0 });
        Assert.All(units, u => AssertNotApplied(u, "RetrievalRank"));
    }

    // ---- UnitSimilarity ----

    private static readonly RetrievedChunk[] SafetyRules =
    [
        TestSources.Chunk(1, "CK6150 Operating Procedure",
            "Never open the sliding door while the spindle is running. Gloves must not be worn when the spindle is rotating.",
            context: "CK6150 Operating Procedure > 3 Safety"),
    ];

    private static readonly Dictionary<string, double> GlovesSimilar = new() { ["Gloves must not be worn when the spindle is rotating."] = 0.7 };

    [Fact]
    public void UnitSimilarity_AddsTheWeightTimesTheUnitsSimilarity()
    {
        var units = Score("Is hand protection allowed when the spindle turns?", SafetyRules, similarity: GlovesSimilar, similarityWeight: 0.3);
        AssertAdded(Unit(units, "Gloves"), "UnitSimilarity", 0.3 * 0.7, "cosine 0.700");
        AssertNotApplied(Unit(units, "sliding door"), "UnitSimilarity"); // not compared: no similarity
    }

    [Fact]
    public void UnitSimilarity_AtWeightZero_DoesNothing()
    {
        var units = Score("Is hand protection allowed when the spindle turns?", SafetyRules, similarity: GlovesSimilar, similarityWeight: 0);
        AssertNotApplied(Unit(units, "Gloves"), "UnitSimilarity");
    }

    // ---- AskedClause ----

    [Fact]
    public void AskedClause_AddsToTheUnitsOfTheClauseTheQuestionNames()
    {
        var units = Score("4.2.3 条规定了什么？",
        [
            TestSources.Chunk(1, "Q/JD 105—2026 渗碳淬火热处理规范", "渗碳温度为920℃±10℃，保温时间按渗碳层深度确定。", locator: "4.2.3"),
            TestSources.Chunk(2, "Q/JD 105—2026 渗碳淬火热处理规范", "淬火温度为 840 ℃，油冷。", locator: "4.2.4"),
        ]);
        AssertAdded(Unit(units, "渗碳温度"), "AskedClause", Defaults.AskedClause, "the clause asked for");
        AssertNotApplied(Unit(units, "淬火温度"), "AskedClause");
    }

    [Fact]
    public void AskedClause_CoversTheClausesSubClauses_NotItsNeighbours()
    {
        var units = Score("4.2 条规定了什么？",
        [
            TestSources.Chunk(1, "Q/JD 105—2026", "渗碳温度为920℃±10℃。", locator: "4.2.1"),
            TestSources.Chunk(2, "Q/JD 105—2026", "淬火温度为 840 ℃。", locator: "4.3"),
        ]);
        AssertAdded(Unit(units, "渗碳温度"), "AskedClause", Defaults.AskedClause, "the clause asked for");
        AssertNotApplied(Unit(units, "淬火温度"), "AskedClause");
    }

    // ---- translations ----

    [Fact]
    public void ATranslatedPhrase_CoversEveryWordOfIt()
    {
        // 坏账准备 is "bad debt provision" as a whole: the row saying it answers for all three words, as the English row
        // does — not for "provision" alone.
        var units = Score("What is the bad debt provision?",
        [
            TestSources.Chunk(1, "2010 年半年度报告", "坏账准备期末余额为 3,074,005.49 元。"),
            TestSources.Chunk(2, "Annual report", "The bad debt provision at the period end was 3,074,005.49."),
        ]);
        Assert.Equal(Unit(units, "The bad debt").Coverage * Defaults.TranslationCredit, Unit(units, "坏账准备").Coverage, 3);
    }

    // ---- LacksAskedValue ----

    [Theory]
    [InlineData("CK6150 液压油多久更换一次？", "CK6150 液压油更换周期为 6 个月。液压油牌号为 L-HM46 抗磨液压油。",
        "周期", "牌号", "states no interval")]
    [InlineData("Q/JD 105—2026 哪天开始实施？", "本标准自 2026-02-01 起实施。本标准代替 Q/JD 105—2021 的全部内容。",
        "起实施", "代替", "states no date")]
    [InlineData("渗碳后多少小时内必须回火？", "渗碳淬火后应在 4 小时内回火。回火后应检查表面硬度。",
        "内回火", "检查", "states no time span")]
    [InlineData("M8 螺栓拧紧扭矩是多少？", "M8 螺栓拧紧扭矩为 25 N·m。拧紧时应分 2 次拧紧 M8 螺栓。",
        "25 N·m", "分 2 次", "states no torque")]
    [InlineData("首件检验每批抽几件？", "首件检验每批抽取 3 件。首件检验由检验员完成并记录。",
        "3 件", "检验员", "states no number of its own")]
    [InlineData("Who are the authors of the egg shell inhibitor paper?", "O. Sanni, A.P.I. Popoola and O.S.I. Fayomi. Egg shell was tested as an inhibitor for stainless steel.",
        "Sanni", "tested as an inhibitor", "names no author")]
    [InlineData("这张索偿申请表是哪家保险公司的？", "汽車保險索償申請表。\n请把本表交给安联保险有限公司理赔部。",
        "安联保险有限公司", "索償申請表", "names no company")]
    [InlineData("Q/JD 105 的起草人是谁？", "本标准规定了齿轮及轴类零件热处理的技术要求。\n本标准主要起草人：王磊、李明。",
        "王磊", "技术要求", "names no author")]
    [InlineData("What year is the SSM2163 datasheet copyrighted?", "The SSM2163 attenuates each input by 0 dB to 63 dB.\n© Analog Devices, Inc., 1995",
        "1995", "63 dB", "states no year")]
    public void LacksAskedValue_LowersTheUnitWithoutTheKindOfValueAsked(string question, string text, string answer, string other, string evidence)
    {
        var units = Score(question, [TestSources.Chunk(1, "技术文件", text)]);
        AssertNotApplied(Unit(units, answer), "LacksAskedValue");
        AssertFactor(Unit(units, other), "LacksAskedValue", Defaults.LacksAskedValue, evidence);
        Assert.True(Unit(units, other).LacksAskedValue);
    }

    [Fact]
    public void LacksAskedValue_LeavesEveryUnitAlone_WhenTheQuestionAsksForNoValue()
    {
        var units = Score("首件检验由谁完成？", [TestSources.Chunk(1, "技术文件", "首件检验每批抽取 3 件。首件检验由检验员完成并记录。")]);
        Assert.All(units, u => AssertNotApplied(u, "LacksAskedValue"));
    }

    // ---- ShortLine ----

    [Fact]
    public void ShortLine_LowersABareTitleLine()
    {
        var units = Score("渗碳淬火有哪些工艺要求？",
            [TestSources.Chunk(1, "渗碳淬火热处理规范", "渗碳淬火热处理规范\n本标准规定了渗碳淬火件的工艺要求和检验方法。")]);
        AssertFactor(Unit(units, "热处理规范"), "ShortLine", Defaults.ShortLine, "9 characters");
        AssertNotApplied(Unit(units, "本标准"), "ShortLine");
    }

    [Fact]
    public void ShortLine_ReadsItsLengthFromTheOptions_AndLeavesRecordsAlone()
    {
        const string sentence = "本标准规定了渗碳淬火件的工艺要求和检验方法。";
        var units = Score("渗碳淬火有哪些工艺要求？",
            [TestSources.Chunk(1, "工艺卡", "工序号: 60 | 工序名称: 渗碳淬火 | 渗碳温度 ℃: 920\n" + sentence)],
            new RelevanceOptions { ShortLineChars = 60 });
        AssertFactor(Unit(units, "本标准"), "ShortLine", Defaults.ShortLine, $"{sentence.Length} characters");
        AssertNotApplied(Unit(units, "工序号"), "ShortLine"); // a record row is short by nature
    }

    // ---- RestatesQuestion ----

    [Fact]
    public void RestatesQuestion_LowersAShortLineOfOnlyTheQuestionsWords()
    {
        var units = Score("Q/JD 105—2026 哪天开始实施？",
            [TestSources.Chunk(1, "热处理通用技术条件", "Q/JD 105—2026\n本标准自 2026-02-01 起实施。")]);
        AssertFactor(Unit(units, "Q/JD 105—2026"), "RestatesQuestion", Defaults.RestatesQuestion, "only the question's words");
        AssertNotApplied(Unit(units, "本标准"), "RestatesQuestion");
    }

    [Fact]
    public void RestatesQuestion_LeavesALongLineAlone_ThoughItHoldsOnlyTheQuestionsWords()
    {
        var units = Score("Q/JD 105—2026 哪天开始实施？",
            [TestSources.Chunk(1, "热处理通用技术条件", "Q/JD 105—2026\n本标准自 2026-02-01 起实施。")],
            new RelevanceOptions { RestatementChars = 10 });
        Assert.All(units, u => AssertNotApplied(u, "RestatesQuestion"));
    }

    // ---- OffFollowUpFocus ----

    private static readonly RetrievedChunk[] Hardness =
    [
        TestSources.Chunk(1, "热处理通用技术条件", "渗碳淬火件表面硬度应为 58–63 HRC。心部硬度应为 30–45 HRC。", context: "热处理通用技术条件 > 4.2 渗碳件"),
    ];

    [Fact]
    public void OffFollowUpFocus_LowersTheUnitNamingNoneOfTheFollowUpsOwnWords()
    {
        var analyzer = TestSources.Analyzer;
        var followUp = QuestionTerms.From(analyzer.Analyze("2026 版热处理标准渗碳件表面硬度是多少？ 心部呢？"), analyzer.Analyze("心部呢？"), analyzer);
        var units = Score(followUp, Hardness);
        AssertFactor(Unit(units, "表面硬度"), "OffFollowUpFocus", Defaults.OffFollowUpFocus, "none of the follow-up's words");
        AssertNotApplied(Unit(units, "心部硬度"), "OffFollowUpFocus");
    }

    [Fact]
    public void OffFollowUpFocus_LeavesEveryUnitAlone_ForAQuestionThatIsNoFollowUp()
    {
        var units = Score("2026 版热处理标准渗碳件表面硬度是多少？", Hardness);
        Assert.All(units, u => AssertNotApplied(u, "OffFollowUpFocus"));
    }

    // ---- OtherNumber ----

    private static readonly RetrievedChunk[] Alarms =
    [
        TestSources.Chunk(1, "CK6150 Maintenance Manual",
            "| Code | Message | Cause |\n|---|---|---|\n| 2001 | HYDRAULIC PRESSURE LOW | Pressure below 1.2 MPa |\n| 2002 | LUBRICATION LEVEL LOW | Tank below minimum |",
            context: "CK6150 Maintenance Manual > 4 Alarms"),
    ];

    [Fact]
    public void OtherNumber_LowersTheRowLackingTheNumberTheQuestionNames()
    {
        var units = Score("What does alarm 2001 mean on the CK6150?", Alarms);
        AssertFactor(Unit(units, "2002"), "OtherNumber", Defaults.OtherNumber, "lacks 2001");
        AssertNotApplied(Unit(units, "2001"), "OtherNumber");
    }

    [Fact]
    public void OtherNumber_IgnoresTheEndsOfARangeTheQuestionQuotesToCheck()
    {
        // "还是 229–269 HBW 吗？": the current value may differ, so a unit lacking 229 is no other entry.
        var units = Score("40Cr 调质硬度还是 229–269 HBW 吗？",
            [TestSources.Chunk(1, "轴类零件机械加工通用技术条件", "40Cr 调质硬度 241–286 HBW。42CrMo 调质硬度 229–269 HBW。")]);
        Assert.All(units, u => AssertNotApplied(u, "OtherNumber"));
    }

    // ---- OtherSubject ----

    private static readonly RetrievedChunk[] TwoProducts =
    [
        TestSources.Chunk(1, "SSM2163 Datasheet", "Supply Current 8 mA typical. Power dissipation is not specified.", context: "SSM2163 Datasheet > Specifications"),
        TestSources.Chunk(2, "JD-2105 Reducer Specification", "| No. | Item | Specification |\n|---|---|---|\n| 7 | Rated input power | 5.5 kW |",
            context: "JD-2105 Reducer Specification > 2 Technical data"),
    ];

    [Fact]
    public void OtherSubject_LowersAUnitOfADocumentThatNamesNoneOfTheQuestionsIdentifiers()
    {
        var units = Score("What is the maximum rated power of the SSM2163?", TwoProducts);
        AssertFactor(Unit(units, "5.5 kW"), "OtherSubject", Defaults.OtherSubject, "names none of ssm2163");
        AssertNotApplied(Unit(units, "Supply Current"), "OtherSubject");
    }

    [Fact]
    public void OtherSubject_LeavesAUnitAlone_WhoseDocumentNamesTheIdentifierInAnotherChunk()
    {
        // The datasheet's rating table names no chip; its title page does.
        var units = Score("What is the maximum rated power of the SSM2163?",
        [
            TestSources.Chunk(1, "a 832AudioMixer", "SSM2163 8-channel audio mixer."),
            TestSources.Chunk(2, "a 832AudioMixer", "| Parameter | Rating |\n|---|---|\n| Supply Voltage | ±9 V |") with { DocumentId = 1 },
            TwoProducts[1],
        ]);
        AssertNotApplied(Unit(units, "Supply Voltage"), "OtherSubject");
        AssertFactor(Unit(units, "5.5 kW"), "OtherSubject", Defaults.OtherSubject, "names none of ssm2163");
    }

    [Fact]
    public void OtherSubject_LeavesEveryUnitAlone_WhenNoCandidateNamesTheIdentifier()
    {
        var units = Score("What is the maximum rated power of the SSM2165?", TwoProducts);
        Assert.All(units, u => AssertNotApplied(u, "OtherSubject"));
    }

    // ---- OtherDocument ----

    private static readonly RetrievedChunk[] StandardAndCitingCard =
    [
        TestSources.Chunk(1, "齿轮及轴类零件热处理通用技术条件", "表面硬度应为 58–63 HRC。", context: "齿轮及轴类零件热处理通用技术条件 > 4.2.1", identity: "Q/JD 105"),
        TestSources.Chunk(2, "中间齿轮 JD-2105-0422 机械加工工艺过程卡", "工序号: 60 | 工序名称: 渗碳淬火 | 工序内容: 渗碳淬火：表面 58–63 HRC，按 Q/JD 105—2026",
            identity: "JD-2105-0422 机械加工工艺过程卡") with { DocumentId = 2 },
    ];

    [Fact]
    public void OtherDocument_LowersAUnitCitingTheStandardTheQuestionNames_NotTheStandardsOwn()
    {
        var units = Score("Q/JD 105 渗碳件表面硬度要求多少？", StandardAndCitingCard);
        AssertFactor(Unit(units, "按 Q/JD 105"), "OtherDocument", Defaults.OtherDocument, "not the named document");
        AssertNotApplied(Unit(units, "表面硬度应为"), "OtherDocument");
        Assert.Contains("表面硬度应为", units[0].Unit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("渗碳件表面硬度要求多少？")] // no document named
    [InlineData("JD-2105-0422 渗碳淬火后表面硬度多少？")] // a part number, which the card is named after, is no document's number
    public void OtherDocument_LeavesEveryUnitAlone_WhenTheQuestionNamesNoDocumentByItsNumber(string question)
    {
        var units = Score(question, StandardAndCitingCard);
        Assert.All(units, u => AssertNotApplied(u, "OtherDocument"));
    }

    // ---- EventRecord ----

    private static readonly RetrievedChunk[] LogAndManual =
    [
        TestSources.Chunk(1, "设备维护记录_2026", "| 日期 | 设备编号 | 维护类型 | 处理措施 |\n| --- | --- | --- | --- |\n| 2026-05-29 | CK6150-03 | 预防性维护 | 检查液压卡盘夹紧压力 1.5 MPa 正常 |"),
        TestSources.Chunk(2, "CK6150 数控车床操作规程", "液压卡盘夹紧压力应为 1.2–1.8 MPa，标准设定 1.5 MPa。", context: "CK6150 数控车床操作规程 > 5.4"),
    ];

    [Theory]
    [InlineData("CK6150 液压卡盘夹紧压力规定设定多少？")]
    [InlineData("CK6150 液压卡盘夹紧压力多久检查一次？")] // how often: a schedule, which a specification states
    public void EventRecord_LowersALogRow_ForAQuestionAskingWhatIsRequired(string question)
    {
        var units = Score(question, LogAndManual);
        AssertFactor(Unit(units, "2026-05-29"), "EventRecord", Defaults.EventRecord, "a dated record");
        AssertNotApplied(Unit(units, "标准设定"), "EventRecord");
    }

    [Theory]
    [InlineData("CK6150 维护记录里液压卡盘压力规定多少？")] // asks about the records
    [InlineData("2026-05-29 保养时液压卡盘压力要求多少？")] // names the day
    [InlineData("CK6150 液压卡盘夹紧压力是多少？")] // asks no requirement
    public void EventRecord_LeavesALogRowAlone_WhenTheQuestionAsksAboutRecordsOrNoRequirement(string question)
    {
        var units = Score(question, LogAndManual);
        Assert.All(units, u => AssertNotApplied(u, "EventRecord"));
    }

    // ---- OtherRevision ----

    private static readonly RetrievedChunk[] TwoRevisions =
    [
        TestSources.Chunk(1, "JD-2105-0318 输出轴机械加工工艺过程卡", "工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10",
            identity: "JD-2105-0318", revision: "B"),
        TestSources.Chunk(2, "JD-2105-0318 输出轴机械加工工艺过程卡", "工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 800 | 进给量 mm/r: 0.12",
            identity: "JD-2105-0318", revision: "A", superseded: true),
    ];

    [Fact]
    public void OtherRevision_LowersTheUnitsOfARevisionTheQuestionDoesNotName()
    {
        var units = Score("A 版工艺卡上第60工序的主轴转速是多少？", TwoRevisions);
        AssertFactor(Unit(units, "950"), "OtherRevision", Defaults.OtherRevision, "another revision");
        AssertNotApplied(Unit(units, "800"), "OtherRevision");
    }

    [Fact]
    public void OtherRevision_ReadsTheRevisionAnOperationSheetsRowsState_WhereItsDocumentHasNone()
    {
        // The OP60 operation sheet is a document of its own, without a revision; each of its rows states 版本 B.
        RetrievedChunk[] sources =
        [
            TwoRevisions[1],
            TestSources.Chunk(3, "JD-2105-0318 机械加工工序卡 OP60", "零件号: JD-2105-0318 | 版本: B | 工序号: 60 | 工步号: 4 | 主轴转速 r/min: 900",
                identity: "JD-2105-0318 机械加工工序卡 OP60"),
        ];
        var units = Score("What did Rev A of the output shaft card specify for the OP60 spindle speed?", sources);
        AssertFactor(Unit(units, "900"), "OtherRevision", Defaults.OtherRevision, "another revision");
        AssertNotApplied(Unit(units, "800"), "OtherRevision");
    }

    [Fact]
    public void OtherRevision_LeavesEveryRevisionAlone_WhenTheQuestionNamesNone()
    {
        var units = Score("JD-2105-0318 第60工序的主轴转速是多少？", TwoRevisions);
        Assert.All(units, u => AssertNotApplied(u, "OtherRevision"));
    }

    // ---- ChangeStatement ----

    private static readonly RetrievedChunk[] ChangeRecord =
        [TestSources.Chunk(1, "工艺卡修订记录", "B 版将 OP60 主轴转速由 800 r/min 改为 950 r/min。精车时应充分浇注切削液。")];

    [Fact]
    public void ChangeStatement_RaisesTheUnitStatingAChange_WhenTheQuestionAsksWhatChanged()
    {
        var units = Score("JD-2105-0318 第60工序的转速改了吗？", ChangeRecord);
        AssertFactor(Unit(units, "改为"), "ChangeStatement", Defaults.ChangeStatement, "states a change");
        AssertNotApplied(Unit(units, "切削液"), "ChangeStatement");
    }

    [Fact]
    public void ChangeStatement_LeavesAChangeAlone_WhenTheQuestionDoesNotAskWhatChanged()
    {
        var units = Score("JD-2105-0318 第60工序的主轴转速是多少？", ChangeRecord);
        AssertNotApplied(Unit(units, "改为"), "ChangeStatement");
    }

    // ---- FramingSection ----

    private static readonly RetrievedChunk[] GlossaryAndInstruction =
    [
        TestSources.Chunk(1, "机加工术语表", "| 术语 | 英文 | 说明 |\n|---|---|---|\n| 首件检验 | first article inspection | 每批首件的全面检验 |",
            locator: "表1", context: "机加工术语表"),
        TestSources.Chunk(2, "WI-QC-003 首件检验作业指导书", "首件检验由质检员完成并填写首件检验记录。", context: "WI-QC-003 首件检验作业指导书 > 5 职责"),
    ];

    [Fact]
    public void FramingSection_LowersAGlossaryRow_UnlessTheQuestionAsksForAMeaning()
    {
        var units = Score("首件检验由谁完成？", GlossaryAndInstruction);
        AssertFactor(Unit(units, "first article"), "FramingSection", Defaults.FramingSection, "definitions");
        AssertNotApplied(Unit(units, "质检员"), "FramingSection");

        var asked = Score("什么是首件检验？", GlossaryAndInstruction);
        AssertNotApplied(Unit(asked, "first article"), "FramingSection");
    }

    private static readonly RetrievedChunk[] PurposeAndRule =
    [
        TestSources.Chunk(1, "WI-AS-021 螺栓紧固作业指导书", "规范 JD-2105 支架总成的螺栓紧固作业，确保拧紧扭矩符合要求。",
            context: "WI-AS-021 螺栓紧固作业指导书 > 1 目的"),
        TestSources.Chunk(2, "WI-AS-021 螺栓紧固作业指导书", "M8 螺栓拧紧扭矩为 25 N·m，分两次拧紧。",
            context: "WI-AS-021 螺栓紧固作业指导书 > 4 作业要求"),
    ];

    [Fact]
    public void FramingSection_LowersAPurposeSection_UnlessTheQuestionAsksForThePurpose()
    {
        var units = Score("JD-2105 支架总成螺栓拧紧扭矩是多少？", PurposeAndRule);
        AssertFactor(Unit(units, "规范 JD-2105"), "FramingSection", Defaults.FramingSection, "purpose or scope");
        AssertNotApplied(Unit(units, "25 N·m"), "FramingSection");

        var asked = Score("WI-AS-021 作业指导书的目的是什么？", PurposeAndRule);
        AssertNotApplied(Unit(asked, "规范 JD-2105"), "FramingSection");
    }

    private static readonly RetrievedChunk[] HistoryAndSpecification =
    [
        TestSources.Chunk(1, "JD-PS-2105 减速器产品规格书", "02 2026-05-20 换油周期由 4000 h 改为 5000 h。",
            context: "JD-PS-2105 减速器产品规格书 > 5 修订记录 Revision history"),
        TestSources.Chunk(2, "JD-PS-2105 减速器产品规格书", "| 参数 | 规格 |\n|---|---|\n| 换油周期 | 首次 500 h，此后每 5000 h |",
            context: "JD-PS-2105 减速器产品规格书 > 2 技术参数"),
    ];

    [Fact]
    public void FramingSection_LowersARevisionHistory_UnlessTheQuestionAsksWhatChangedOrNamesARevision()
    {
        var units = Score("JD-2105 减速器多久换油？换油周期是多少？", HistoryAndSpecification);
        AssertFactor(Unit(units, "4000 h"), "FramingSection", Defaults.FramingSection, "revision history");
        AssertNotApplied(Unit(units, "首次 500 h"), "FramingSection");

        AssertNotApplied(Unit(Score("换油周期从多少改成了多少？", HistoryAndSpecification), "4000 h"), "FramingSection");
        AssertNotApplied(Unit(Score("规格书 B 版的换油周期是多少？", HistoryAndSpecification), "4000 h"), "FramingSection");
    }

    [Fact]
    public void FramingSection_LowersAForeword_WhateverTheQuestion()
    {
        RetrievedChunk[] sources =
        [
            TestSources.Chunk(1, "Q/JD 105—2026 热处理通用技术条件", "本标准代替 Q/JD 105—2021，渗碳温度由 930 ℃ 改为 920 ℃。",
                context: "Q/JD 105—2026 热处理通用技术条件 > 前言"),
        ];
        AssertFactor(Unit(Score("Q/JD 105—2026 的目的是什么？", sources), "本标准"), "FramingSection", Defaults.FramingSection, "front matter");
        AssertFactor(Unit(Score("渗碳温度是多少？", sources), "本标准"), "FramingSection", Defaults.FramingSection, "front matter");
    }

    // ---- The list ----

    [Fact]
    public void EveryRule_IsNamedByAnOptionOfRelevanceOptions_AndSaysWhyItExists()
    {
        var rules = UnitRules.From(new RelevanceOptions(), 0.3);
        Assert.Equal(15, rules.Count);
        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct().Count());
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Name));
            Assert.NotNull(typeof(RelevanceOptions).GetProperty(rule.Name));
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary));
            Assert.Equal(rule.Name + "Rule", rule.GetType().Name);
        });
    }

    [Fact]
    public void EveryRule_TakesItsWeightFromItsOption()
    {
        foreach (var name in UnitRules.From(new RelevanceOptions(), 0.3).Select(r => r.Name).Where(n => n != nameof(RelevanceOptions.UnitSimilarity)))
        {
            var property = typeof(RelevanceOptions).GetProperty(name)!;
            var range = property.GetCustomAttribute<RangeAttribute>()!;
            var options = new RelevanceOptions();
            var changed = Convert.ToDouble(range.Minimum) + (Convert.ToDouble(range.Maximum) - Convert.ToDouble(range.Minimum)) * 0.37;
            Assert.NotEqual((double)property.GetValue(options)!, changed);
            property.SetValue(options, changed);
            Assert.Equal(changed, UnitRules.From(options, 0.3).Single(r => r.Name == name).Weight);
        }
    }

    [Fact]
    public void UnitSimilarity_TakesTheWeightItIsGiven_NotTheOption()
    {
        // Choosing quotes passes RelevanceOptions.UnitSimilarity, evidence re-ordering EvidenceSimilarity.
        var rules = UnitRules.From(new RelevanceOptions { UnitSimilarity = 0.1 }, 0.7);
        Assert.Equal(0.7, rules.Single(r => r.Name == nameof(RelevanceOptions.UnitSimilarity)).Weight);
    }

    [Fact]
    public void EveryRule_HasATestHere()
    {
        var tests = typeof(UnitRulesTests).GetMethods()
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .Select(m => m.Name).ToList();
        var untested = UnitRules.From(new RelevanceOptions(), 0.3).Select(r => r.Name)
            .Where(name => !tests.Any(t => t.StartsWith(name + "_", StringComparison.Ordinal))).ToList();
        Assert.True(untested.Count == 0, "rules without a test named after them: " + string.Join(", ", untested));
    }
}
