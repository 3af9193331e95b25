using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class ExtractiveAnswererTests
{
    // The card row is the second source, so the retrieval rank bonus does not pick it.
    private static readonly RetrievedChunk[] Sources =
    [
        TestSources.Chunk(1, "Q/JD 105—2026 渗碳淬火热处理规范", "4.2.3 渗碳温度为920℃±10℃，保温时间按渗碳层深度确定。渗碳后应缓冷至室温。",
            locator: "4.2.3", context: "Q/JD 105—2026 渗碳淬火热处理规范 > 4 工艺要求"),
        TestSources.Chunk(2, "JD-2105-0318 输出轴机械加工工艺过程卡",
            "零件号: JD-2105-0318 | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10 | 背吃刀量 mm: 0.3",
            locator: "工序60", context: "JD-2105-0318 输出轴 机械加工工艺过程卡"),
        TestSources.Chunk(3, "机加工术语表", "| 术语 | 英文 | 说明 |\n|---|---|---|\n| 首件检验 | first article inspection | 每批首件的全面检验 |",
            locator: "表1", context: "机加工术语表"),
    ];

    private static ExtractiveSelection Select(string question, AnswerOptions? options = null, IReadOnlyList<RetrievedChunk>? sources = null,
        IReadOnlyDictionary<string, double>? similarity = null)
    {
        var answerer = new ExtractiveAnswerer(TestSources.Analyzer, Options.Create(options ?? new AnswerOptions()), NullLogger<ExtractiveAnswerer>.Instance);
        sources ??= Sources;
        return answerer.Select(TestSources.Terms(question), sources, sources, similarity);
    }

    [Fact]
    public void SpeedQuestion_PicksTheCardRowFirst()
    {
        var selection = Select("JD-2105-0318 第60工序的主轴转速是多少？");
        var best = selection.Quotes[0];
        Assert.Equal(1, best.Source);
        Assert.Equal(UnitKind.Record, best.Unit.Kind);
        Assert.Contains("950", best.Unit.Text, StringComparison.Ordinal);
        Assert.Empty(selection.MissingAnchors);
    }

    [Fact]
    public void OperationNoSourceHas_IsAMissingAnchor()
    {
        var selection = Select("JD-2105-0318 第75工序的主轴转速是多少？");
        Assert.Equal(["op75"], selection.MissingAnchors);
    }

    private static readonly RetrievedChunk[] StepCard =
    [
        TestSources.Chunk(1, "JD-2105-0318 输出轴精车工序卡",
            "工步1: 工步内容 粗车外圆 | 主轴转速 r/min: 600 | 刀具: T01\n工步2: 工步内容 精车外圆 | 主轴转速 r/min: 950 | 刀具: T02\n工步3: 工步内容 车端面 | 主轴转速 r/min: 800 | 刀具: T05",
            locator: "工序60", context: "JD-2105-0318 输出轴 精车工序卡 第60工序"),
    ];

    [Fact]
    public void StepTheQuestionNames_PicksItsRow()
    {
        // The step number is a small number that says which row is asked about, as an alarm number does.
        var selection = Select("第60工序第2工步的主轴转速是多少？", sources: StepCard);
        Assert.Empty(selection.MissingAnchors);
        Assert.Contains("950", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    private static readonly RetrievedChunk[] StepTable =
    [
        TestSources.Chunk(1, "JD-2105-0318 输出轴精车工序卡",
            "| 工步号 | 工步内容 | 主轴转速 r/min |\n|---|---|---|\n| 1 | 粗车外圆 | 600 |\n| 2 | 精车外圆 | 950 |\n| 3 | 车端面 | 800 |\n| 4 | 倒角去毛刺 | 800 |",
            locator: "表1", context: "JD-2105-0318 输出轴 精车工序卡 第60工序"),
    ];

    private static readonly RetrievedChunk[] ConcentrationTable =
    [
        TestSources.Chunk(1, "Egg shell inhibitor for stainless steel",
            "| Inhibitor concentration (g) | Ecorr (V) | Corrosion rate (mm/year) |\n|---|---|---|\n| 2 | 0.61 | 0.8120 |\n| 4 | 0.60 | 0.6115 |\n| 8 | 0.59 | 0.3772 |",
            locator: "table 1", context: "Egg shell inhibitor > Table 1 Polarization data"),
    ];

    [Theory]
    [InlineData("第60工序第5工步的主轴转速是多少？", "5")]
    [InlineData("What corrosion rate was measured with 12 g of inhibitor?", "12")]
    public void AnEntryNumberNoQuoteHolds_WhileTheBestRowNamesAnother_IsAMissingAnchor(string question, string number)
    {
        // The card has steps 1 to 4 and the table 2, 4 and 8 g: the closest row is another entry, and its value answers
        // another question.
        var selection = Select(question, sources: question.Contains('g') ? ConcentrationTable : StepTable);
        Assert.Contains(number, selection.MissingAnchors);
    }

    [Theory]
    [InlineData("第60工序第2工步的主轴转速是多少？", "950")]
    [InlineData("What corrosion rate was measured with 8 g of inhibitor?", "0.3772")]
    public void AnEntryNumberTheBestRowHolds_IsAnswered(string question, string value)
    {
        var selection = Select(question, sources: question.Contains('g') ? ConcentrationTable : StepTable);
        Assert.Empty(selection.MissingAnchors);
        Assert.Contains(value, selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("工序卡表 5 中车端面的主轴转速是多少？")]
    [InlineData("工序卡表 1 中车端面的主轴转速是多少？")]
    public void ANumberSayingWhereInTheDocument_NamesNoEntry(string question)
    {
        // "表 5" says where the answer stands; no row repeats it, and the row of 车端面 (step 3) answers — not the row of
        // step 1, whose key cell merely equals the table's number.
        var selection = Select(question, sources: StepTable);
        Assert.Empty(selection.MissingAnchors);
        Assert.Contains("车端面", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryNumberNoSentenceHolds_IsNoMissingAnchor()
    {
        // Only a table row names an entry by its key cells; a sentence without the number may still answer.
        var sources = new[]
        {
            TestSources.Chunk(1, "Is the critical Reynolds number universal?",
                "We conclude that a rigorous theory of turbulence should be based on a synthesis of hydrodynamic and statistical theories.",
                locator: "4", context: "Is the critical Reynolds number universal? > Conclusion"),
        };
        var selection = Select("What should a theory of turbulence be based on, according to the 2 authors?", sources: sources);
        Assert.Empty(selection.MissingAnchors);
    }

    private static readonly RetrievedChunk[] PlanAndCard =
    [
        TestSources.Chunk(1, "控制计划 CP-2105-0318 输出轴",
            "| 工序号 | 产品特性 | 控制方法 | 反应计划 |\n|---|---|---|---|\n| OP30 | 调质硬度 241–286 HBW | 每炉抽 3 件 | 隔离并复检 |\n| OP60 | Φ35k6 轴颈 | 气动量仪每件 | 停机换刀片 |",
            locator: "控制计划!A1:D3", context: "控制计划 CP-2105-0318 输出轴"),
        TestSources.Chunk(2, "输出轴 JD-2105-0318 机械加工工艺过程卡",
            "| 工序号 | 工序名称 | 工序内容 |\n|---|---|---|\n| 70 | 去毛刺 | 去除键槽及倒角处毛刺，锐边倒钝 R0.2 |",
            locator: "table 2 row 9", context: "输出轴 JD-2105-0318 机械加工工艺过程卡"),
    ];

    [Fact]
    public void AnOperationTheNamedKindOfDocumentLacks_IsAMissingAnchor_NamedWithTheKind()
    {
        // The control plan has no OP70; the process card's OP70 row answers another question.
        var selection = Select("输出轴控制计划里 OP70 去毛刺的反应计划是什么？", sources: PlanAndCard);
        Assert.Equal(["op70", "控制计划"], selection.MissingAnchors);
    }

    [Theory]
    [InlineData("输出轴工艺过程卡里 OP70 去毛刺的工序内容是什么？")]  // the kind that has it
    [InlineData("输出轴 OP70 去毛刺的工序内容是什么？")]            // no kind named
    public void AnOperationFoundWhereTheQuestionLooks_IsNoMissingAnchor(string question)
    {
        var selection = Select(question, sources: PlanAndCard);
        Assert.Empty(selection.MissingAnchors);
    }

    [Fact]
    public void DatePartsOfTheQuestion_NameNoEntry()
    {
        // "6" of 6月末 is part of a date: the row that happens to hold a 6 is not the one asked about.
        var sources = new[]
        {
            TestSources.Chunk(1, "2010 年半年度报告", "| 项目 | 期末余额 |\n|---|---|\n| 资产总计 | 3,795,927,543.86 |\n| 资产总计（6家子公司） | 1,200,000.00 |",
                locator: "表3", context: "2010 年半年度报告 > 资产负债表"),
        };
        var selection = Select("公司2010年6月末资产总计是多少？", sources: sources);
        Assert.Contains("3,795,927,543.86", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LineOfTheSameChunk_ThatAnswersForTheAskedWord_IsQuotedBesideTheSubjectLine()
    {
        // The header names the plan and its number (the subject); a later line says who is responsible for quality.
        var sources = new[]
        {
            TestSources.Chunk(1, "控制计划（生产）",
                "控制计划编号: CP-2105-0318\n零件号: JD-2105-0318\n零件名称: 输出轴\n核心小组\n工艺：张伟；质量：王磊；生产：刘洋",
                locator: "A1:K3", context: "控制计划（生产）"),
        };
        var selection = Select("输出轴控制计划 CP-2105-0318 的核心小组里质量是谁负责？", sources: sources);
        Assert.Contains(selection.Quotes, q => q.Unit.Text.Contains("王磊", StringComparison.Ordinal));
        Assert.All(selection.Quotes, q => Assert.Equal(0, q.Source));
    }

    [Fact]
    public void GroupLabel_CountsForTheRowsUnderIt()
    {
        var sources = new[]
        {
            TestSources.Chunk(1, "SSM2163 datasheet",
                "| Parameter | Conditions | Min Typ Max | Units |\n| Logic Out HI | IOUT = 0.2 mA | 2.4 | V |\n| REFERENCE (ACOM) |  |  |  |\n| Output Voltage | VS = +10 V (Single Supply) | 4.7 5.0 5.3 | V |\n| POWER SUPPLIES |  |  |  |\n| Supply Voltage Range | Single Supply | +5 +14 | V |",
                locator: "table 5", context: "SSM2163 > Specifications"),
        };
        var selection = Select("What is the ACOM reference output voltage?", sources: sources);
        Assert.Contains("4.7 5.0 5.3", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ManufacturingTermNoSourceMentions_IsAnAbsentWord_NotAMissingAnchor()
    {
        // A missing incidental word never decides alone: it lowers the evidence score (AbstentionAbsentWord).
        // 保温时间 stands on its own in the carburizing clause: 渗氮 only narrows what is documented.
        var selection = Select("渗氮保温时间按什么确定？");
        Assert.Equal(["渗氮"], selection.AbsentWords);
        Assert.Empty(selection.MissingAnchors);
    }

    private static readonly RetrievedChunk BoltTable = TestSources.Chunk(30, "减速器紧固件扭矩表",
        "| 连接部位 | 螺栓规格 | 性能等级 | 拧紧扭矩 |\n| 箱盖与箱体连接 | M10×1.5 | 10.9 | 48±3 N·m |\n| 底脚螺栓 | M16×2 | 8.8 | 180±10 N·m |",
        locator: "table 1", context: "减速器紧固件扭矩表");

    [Fact]
    public void AnAbsentModifier_OfAWordTheSourcesHoldOnlyInsideAnotherTerm_IsWhatIsAsked()
    {
        // The table's 等级 is the bolts' 性能等级 (property class); 防爆等级 asks about something no source has.
        var selection = Select("减速器的防爆等级是什么？", sources: [BoltTable]);
        Assert.Contains("防爆", selection.MissingAnchors);
        // The clause's 温度 is the 渗碳温度: a nitriding temperature is not documented.
        Assert.Contains("渗氮", Select("渗氮温度是多少？").MissingAnchors);
    }

    private static readonly RetrievedChunk InspectionStandard = TestSources.Chunk(50, "Q/JD 305—2025 数控机床日常点检与润滑规范",
        "| 设备类别 | 点检部位 | 点检内容 | 周期 | 标准 |\n|---|---|---|---|---|\n| 外圆磨床 | 静压导轨 | 油压 | 每班 | 导轨油压 0.6 MPa |",
        locator: "table 2", context: "Q/JD 305—2025 数控机床日常点检与润滑规范 > 5 日常点检", identity: "Q/JD 305", revision: "2025");

    private static readonly RetrievedChunk GrindingCard = TestSources.Chunk(51, "JD-2105-0318 OP70 磨外圆 工序卡",
        "| 工步 | 工步内容 |\n|---|---|\n| 1 | 修整砂轮，检查砂轮平衡 |", locator: "table 1", context: "JD-2105-0318 OP70 磨外圆 工序卡");

    [Fact]
    public void AHeadTermTheDocumentNamedByItsNumberLacks_IsAMissingAnchor_ThoughAnotherDocumentHasIt()
    {
        // Q/JD 305's grinder row checks the guideway oil pressure; only a grinding card speaks of the wheel.
        var named = Select("Q/JD 305 对外圆磨床砂轮的平衡有什么要求？", sources: [InspectionStandard, GrindingCard]);
        Assert.Contains("砂轮", named.MissingAnchors);
        // Asked without naming the standard, the card answers.
        Assert.Empty(Select("外圆磨床砂轮的平衡有什么要求？", sources: [InspectionStandard, GrindingCard]).MissingAnchors);
        // Asked of the standard about what it has, nothing is missing.
        Assert.Empty(Select("Q/JD 305 对外圆磨床静压导轨的油压有什么要求？", sources: [InspectionStandard, GrindingCard]).MissingAnchors);
    }

    [Fact]
    public void AnAbsentModifier_OfAWordASourceHoldsOnItsOwn_OnlyNarrowsIt()
    {
        var grades = TestSources.Chunk(31, "减速器出厂检验记录", "| 检验项目 | 结果 |\n| 等级 | A |\n| 噪声 | 68 dB(A) |",
            locator: "table 1", context: "减速器出厂检验记录");
        var selection = Select("减速器的防爆等级是什么？", sources: [grades]);
        Assert.DoesNotContain("防爆", selection.MissingAnchors);
        Assert.Contains("防爆", selection.AbsentWords);
    }

    private static readonly RetrievedChunk CarTable = TestSources.Chunk(40, "mtcars",
        "| model | mpg | cyl | hp |\n| Ford Pantera L | 15.8 | 8 | 264 |\n| Toyota Corolla | 33.9 | 4 | 65 |", locator: "table 1", context: "mtcars");

    [Fact]
    public void ANameNoEnglishSourceHolds_IsAnAbsentWord()
    {
        // A name is not paraphrased: the table has a Ford, but not the Mustang asked about.
        var selection = Select("What's the mpg of the Ford Mustang in the table?", sources: [CarTable]);
        Assert.Equal(["Mustang"], selection.AbsentWords);
        Assert.Empty(Select("What's the mpg of the Toyota Corolla in the table?", sources: [CarTable]).AbsentWords);
    }

    [Fact]
    public void ANameAskedOfChineseSources_IsNotAbsent_ItMayOnlyHaveBeenTranslated()
    {
        var report = TestSources.Chunk(41, "2010 年半年度报告", "公司董事长马福安签署了本半年度报告。", locator: "第一节", context: "2010 年半年度报告");
        Assert.Empty(Select("Who is the chairman of Aero Controls that signed the interim report?", sources: [report]).AbsentWords);
    }

    [Theory]
    [InlineData("Who approved the VMC850 maintenance manual?")]
    [InlineData("谁批准了 VMC850 维护手册？")]
    public void WhoApprovedADocument_IsAnsweredByItsRevisionRecord(string question)
    {
        // A revision history is no answer to what is in force, but it is where a document's approval stands.
        var intro = TestSources.Chunk(50, "VMC850 Maintenance Manual",
            "Document No. JD-MM-EQ-011 Revision A Effective date 2026-07-01 Applies to machines VMC850-01 and VMC850-02. This manual gives the preventive maintenance of the VMC850 vertical machining centers.",
            locator: "Manual", context: "VMC850 Maintenance Manual > Manual");
        var history = TestSources.Chunk(51, "VMC850 Maintenance Manual",
            "| Rev. | Date | Change |\n| A | 2026-07-01 | First issue. Prepared: Li Qiang (maintenance). Reviewed: Chen Liping. Approved: Liu Jianguo. |",
            locator: "table 1 row 1", context: "VMC850 Maintenance Manual > Revision history");

        var selection = Select(question, sources: [intro, history]);

        Assert.Contains("Approved: Liu Jianguo", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Which standard is used to measure the effective case depth?")]
    [InlineData("有效硬化层深度按什么标准测定？")]
    public void WhichStandard_IsAnsweredByTheClauseNamingOne(string question)
    {
        var requirement = TestSources.Chunk(60, "Q/JD 105—2026 热处理通用技术条件",
            "有效硬化层深度（550 HV1）应为 0.8–1.2 mm，同一炉次极差应不大于 0.2 mm。", locator: "4.2.3", context: "热处理通用技术条件 > 4.2.3 有效硬化层深度");
        var method = TestSources.Chunk(61, "Q/JD 105—2026 热处理通用技术条件",
            "5.3 有效硬化层深度用随炉试样按 GB/T 9450 测定，维氏硬度试验力 9.807 N（HV1）。", locator: "5.3", context: "热处理通用技术条件 > 5 检验方法");

        var selection = Select(question, sources: [requirement, method]);

        Assert.Contains("GB/T 9450", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbsentTermTheQuestionGivesANumber_IsASettingOfItsOwn_NotAMissingAnchor()
    {
        // "渗氮 550 ℃ 时": the question sets the condition; the term is not the head of what it asks.
        var selection = Select("渗氮 550 ℃ 时回火温度是多少？");
        Assert.Contains("渗氮", selection.AbsentWords);
        Assert.DoesNotContain("渗氮", selection.MissingAnchors);
    }

    [Fact]
    public void ANumberAskedIn万_IsFoundAsThePlainNumberOfATable()
    {
        var guarantees = TestSources.Chunk(71, "2010 年半年度报告",
            "| 担保方 | 被担保方 | 担保金额(元) | 担保到期日 |\n| 中航工业 | 贵州红林 | 30000000 | 2012-6-29 |\n| 中航工业 | 贵州红林 | 75000000 | 2019-10-26 |",
            locator: "table 15");
        var selection = Select("中航工业为贵州红林提供的7500万元担保什么时候到期？", sources: [guarantees]);
        Assert.Empty(selection.MissingAnchors);
        Assert.Contains("2019-10-26", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ManufacturingTermASourceMentions_IsNotReported()
    {
        var selection = Select("渗碳温度是多少？");
        Assert.Empty(selection.MissingAnchors);
        Assert.Equal(0, selection.Quotes[0].Source);
    }

    [Fact]
    public void Quotes_StayWithinMaxQuotes()
    {
        var selection = Select("拧紧扭矩是多少？", sources: [ManyTorqueSentences()]);
        Assert.Equal(new AnswerOptions().MaxQuotes, selection.Quotes.Count);
    }

    [Fact]
    public void Quotes_StayWithinMaxQuoteChars()
    {
        var options = new AnswerOptions { MaxQuotes = 10, MaxQuoteChars = 100 };
        var selection = Select("拧紧扭矩是多少？", options, [ManyTorqueSentences()]);
        Assert.InRange(selection.Quotes.Count, 2, 10);
        Assert.InRange(selection.Quotes.Sum(q => q.Unit.Text.Length), 1, options.MaxQuoteChars);
    }

    [Fact]
    public void NoSources_SelectNothing()
    {
        var selection = Select("拧紧扭矩是多少？", sources: []);
        Assert.Empty(selection.Quotes);
        Assert.Equal(0, selection.BestCoverage);
    }

    private static readonly RetrievedChunk GlossaryRows = TestSources.Chunk(20, "制造术语表 Manufacturing Glossary",
        "| 中文 | English | 说明 |\n|---|---|---|\n| 渗碳淬火 | case hardening (carburizing and quenching) | 渗碳后直接淬火再低温回火 |",
        locator: "table 1", context: "制造术语表 Manufacturing Glossary > 1 热处理");

    private static readonly RetrievedChunk TemperingClause = TestSources.Chunk(21, "热处理通用技术条件",
        "零件淬火后应在 2 h 内回火，回火温度 180±10 ℃。", locator: "4.2.4", context: "热处理通用技术条件 > 4.2 渗碳淬火件");

    [Fact]
    public void Picker_PrefersTheClauseThatAnswersOverTheGlossaryRowNamingTheTerm()
    {
        var selection = Select("渗碳件淬火后多久之内必须回火？", sources: [GlossaryRows, TemperingClause]);
        Assert.Equal(1, selection.Quotes[0].Source);
    }

    [Fact]
    public void Picker_QuotesTheGlossaryRowWhenAskedWhatATermMeans()
    {
        var selection = Select("渗碳淬火是什么意思？", sources: [TemperingClause, GlossaryRows]);
        Assert.Equal(1, selection.Quotes[0].Source);
    }

    [Fact]
    public void SecondDocument_IsNotCitedWhenItRepeatsTheFirst()
    {
        var selection = Select("M8 螺栓拧紧扭矩是多少？", sources:
        [
            TestSources.Chunk(30, "扭矩紧固作业指导书", "M8 螺栓拧紧扭矩 25±2 N·m，使用定扭扳手。", context: "扭矩紧固作业指导书"),
            TestSources.Chunk(31, "装配工艺", "M8 螺栓的拧紧扭矩为 25±2 N·m。", context: "装配工艺"),
        ]);
        Assert.Single(selection.Quotes);
    }

    [Fact]
    public void SecondDocument_IsCitedWhenItAddsAnAskedTerm()
    {
        var selection = Select("中间齿轮的材料和毛坯种类是什么？", sources:
        [
            TestSources.Chunk(32, "中间齿轮工艺卡", "中间齿轮材料为 20CrMnTi，毛坯种类为模锻件。", context: "中间齿轮工艺卡"),
            TestSources.Chunk(33, "供应商清单", "中间齿轮材料为 20CrMnTi。", context: "供应商清单"),
            TestSources.Chunk(34, "锻件技术条件", "中间齿轮毛坯种类为模锻件，正火处理。", context: "锻件技术条件"),
        ]);
        Assert.Single(selection.Quotes);
        var split = Select("中间齿轮的材料和毛坯是什么？", sources:
        [
            TestSources.Chunk(33, "供应商清单", "中间齿轮材料为 20CrMnTi，交货期 30 天。", context: "供应商清单"),
            TestSources.Chunk(34, "锻件技术条件", "中间齿轮毛坯为模锻件，正火处理。", context: "锻件技术条件"),
        ]);
        Assert.Equal([0, 1], split.Quotes.Select(q => q.Source).Order());
    }

    [Fact]
    public void SecondDocument_AddingOneIncidentalWordToAWeakQuote_IsNotCited()
    {
        // The second sentence adds 扳手 and 发现, but the quotes would still lack 送检 and 不准 — what the question is about.
        var selection = Select("扳手送检发现不准了，之前拧的那些产品怎么办？", sources:
        [
            TestSources.Chunk(35, "扭矩紧固作业指导书", "之前拧紧的产品应隔离复检。", context: "扭矩紧固作业指导书"),
            TestSources.Chunk(36, "点检规范", "拧紧前发现扳手异常应报告班长。", context: "点检规范"),
        ]);
        Assert.Single(selection.Quotes);
    }

    [Fact]
    public void WhatChangedQuestion_QuotesTheChangeRecordFirst()
    {
        // The current card's row states the new values; the revision record states old and new at once.
        var selection = Select("JD-2105-0318 工艺过程卡 B 版相对 A 版，OP60 改了哪些参数？", sources:
        [
            TestSources.Chunk(41, "JD-2105-0318 输出轴机械加工工艺过程卡",
                "零件号: JD-2105-0318 | 版本: B | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 转速 r/min: 950 | 进给 mm/r: 0.10",
                context: "JD-2105-0318 输出轴 机械加工工艺过程卡", identity: "JD-2105-0318", revision: "B"),
            TestSources.Chunk(42, "JD-2105-0318 输出轴机械加工工艺过程卡",
                "| 版本 | 更改内容 |\n|---|---|\n| B | OP60 转速 800→950 r/min、进给 0.12→0.10 mm/r |",
                context: "JD-2105-0318 输出轴 机械加工工艺过程卡 > 更改记录", identity: "JD-2105-0318", revision: "B"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
        Assert.Contains("800→950", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionNamingARevision_QuotesThatRevision_NotTheCurrentChangeRecord()
    {
        // "原来" asks what a value used to be, which favours change records; but the question names revision A, and the
        // change record belongs to revision B.
        var selection = Select("输出轴 A 版工艺卡上 OP60 精车原来用的转速和进给是多少？", sources:
        [
            TestSources.Chunk(43, "JD-2105-0318 输出轴机械加工工艺过程卡",
                "| 标记 | 更改内容 |\n|---|---|\n| B | OP60 转速 800→950 r/min、进给 0.12→0.10 mm/r |",
                context: "JD-2105-0318 输出轴 机械加工工艺过程卡 > 更改记录", identity: "JD-2105-0318", revision: "B"),
            TestSources.Chunk(44, "JD-2105-0318 输出轴机械加工工艺过程卡",
                "零件号: JD-2105-0318 | 版本: A | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 转速 r/min: 800 | 进给 mm/r: 0.12",
                context: "JD-2105-0318 输出轴 机械加工工艺过程卡", identity: "JD-2105-0318", revision: "A", superseded: true),
        ]);
        Assert.Equal([1], selection.Quotes.Select(q => q.Source));
    }

    [Theory]
    [InlineData("输出轴 A 版工艺卡上 OP60 的转速？", "A")]
    [InlineData("工艺卡 B 版相对 A 版改了哪些参数？", "B A")]
    [InlineData("版本 C 的进给是多少？", "C")]
    [InlineData("What feed did Rev A of the card give for OP60?", "A")]
    [InlineData("Which revision is current?", "")]
    [InlineData("Q/JD 105 的 2026 版什么时候实施？", "")]
    [InlineData("QA 版本的警示单编号？", "")]
    public void RevisionLetters_AreTheRevisionsTheQuestionNames(string question, string expected) =>
        Assert.Equal(expected, string.Join(" ", TestSources.Terms(question).RevisionLetters));

    [Fact]
    public void FrequencyQuestion_PrefersTheUnitStatingAnIntervalOverOneRepeatingTheQuestion()
    {
        var selection = Select("装配线的定扭扳手多久校准一次？", sources:
        [
            TestSources.Chunk(40, "设备维护记录", "2026-04-07 扭矩校验台 校准：无（半年度定期校准），校准装配线定扭扳手 12 把，停机时间 0.0 h。", context: "设备维护记录"),
            TestSources.Chunk(41, "扭矩紧固作业指导书", "装配线用预置式定扭扳手：量程 5–60 N·m，校准周期 6 个月。", context: "扭矩紧固作业指导书 > 3 工装"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
    }

    [Theory]
    [InlineData("校准周期 6 个月", true)]
    [InlineData("检验项目: 齿形 | 频次: 首件+每班 3 件", true)]
    [InlineData("Hydraulic oil: replace quarterly", true)]
    [InlineData("every 500 h", true)]
    [InlineData("停机时间 0.0 h", false)]
    [InlineData("校准装配线定扭扳手 12 把", false)]
    public void StatesFrequency_TellsIntervalsFromDurationsAndCounts(string text, bool expected) =>
        Assert.Equal(expected, ExtractiveAnswerer.StatesFrequency(text));

    private static readonly RetrievedChunk[] TwoEditions =
    [
        TestSources.Chunk(42, "热处理通用技术条件", "有效硬化层深度应为 0.8–1.2 mm。", context: "热处理通用技术条件 > 4.2", identity: "Q/JD 105", revision: "2026"),
        TestSources.Chunk(43, "热处理通用技术条件", "有效硬化层深度应为 0.6–1.0 mm。", context: "热处理通用技术条件 > 4.2", identity: "Q/JD 105", revision: "2021", superseded: true),
    ];

    [Fact]
    public void EditionYears_AreMatchedAgainstTheDocumentsRevisions_NotRequiredInOnePassage()
    {
        var selection = Select("有效硬化层深度 2026 版和 2021 版要求有什么区别？", sources: TwoEditions);
        Assert.Empty(selection.MissingAnchors);
        Assert.NotEmpty(selection.Quotes);
    }

    [Fact]
    public void WhatChangedBetweenEditions_QuotesEachEdition()
    {
        var selection = Select("有效硬化层深度 2026 版和 2021 版要求有什么区别？", sources: TwoEditions);
        Assert.Equal([0, 1], selection.Quotes.Select(q => q.Source).Order());
    }

    [Fact]
    public void WhichRevisionIsCurrent_QuotesTheCurrentRevisionOnly()
    {
        // The question is about revisions, but asks for the current one, not for what changed: the superseded card's
        // header would be one more citation that does not hold the answer.
        var selection = Select("Which revision of the output shaft process card JD-2105-0318 is current, and since when has it been in effect?", sources:
        [
            TestSources.Chunk(45, "输出轴 JD-2105-0318 机械加工工艺过程卡", "零件号: JD-2105-0318\n零件名称: 输出轴\n版本: B\n生效日期: 2026-04-25",
                context: "输出轴 JD-2105-0318 机械加工工艺过程卡", identity: "JD-2105-0318 机械加工工艺过程卡", revision: "B"),
            TestSources.Chunk(46, "输出轴 JD-2105-0318 机械加工工艺过程卡", "零件号: JD-2105-0318\n零件名称: 输出轴\n版本: A\n生效日期: 2025-09-01",
                context: "输出轴 JD-2105-0318 机械加工工艺过程卡", identity: "JD-2105-0318 机械加工工艺过程卡", revision: "A", superseded: true),
        ]);
        Assert.All(selection.Quotes, q => Assert.Equal(0, q.Source));
    }

    [Fact]
    public void PurposeSection_NamingThePartAndTheWork_LosesToTheStepThatAnswers()
    {
        var selection = Select("JD-2105 支架总成 M10 螺栓的拧紧顺序是什么？", sources:
        [
            TestSources.Chunk(47, "扭矩紧固作业指导书", "规范 JD-2105 支架总成的螺栓紧固作业，确保拧紧扭矩符合要求。",
                context: "JD-2105 支架总成扭矩紧固作业指导书 > 1 目的"),
            TestSources.Chunk(48, "扭矩紧固作业指导书", "4.6 M10×1.5 螺栓两步拧紧：按交叉顺序 B1→B3→B2→B4 拧紧。",
                context: "JD-2105 支架总成扭矩紧固作业指导书 > 4 作业步骤"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
        Assert.Equal(0, Select("这份作业指导书的目的是什么？", sources:
        [
            TestSources.Chunk(47, "扭矩紧固作业指导书", "规范 JD-2105 支架总成的螺栓拧紧作业，确保拧紧扭矩符合要求。", context: "扭矩紧固作业指导书 > 1 目的"),
            TestSources.Chunk(48, "扭矩紧固作业指导书", "M10×1.5 螺栓按交叉顺序 B1→B3→B2→B4 拧紧。", context: "扭矩紧固作业指导书 > 4 作业步骤"),
        ]).Quotes[0].Source);
    }

    [Fact]
    public void EditionNoDocumentHas_IsAMissingAnchor()
    {
        var selection = Select("有效硬化层深度 2019 版要求是多少？", sources: TwoEditions);
        Assert.Equal(["2019"], selection.MissingAnchors);
    }

    [Fact]
    public void AQuestionNamingAnOlderEdition_IsAnsweredFromThatEdition()
    {
        var selection = Select("2021 版要求的有效硬化层深度是多少？", sources: TwoEditions);
        Assert.Equal(1, selection.Quotes[0].Source);
        Assert.Contains("0.6–1.0", selection.Quotes[0].Unit.Text);
    }

    [Fact]
    public void WhatChangedSinceAnEditionNoDocumentHas_IsAnsweredByTheForewordNamingIt()
    {
        // The library holds only the 2026 edition; its foreword says what changed from the 2021 one it replaces.
        var selection = Select("Q/JD 402—2026 与 2021 版相比，支架安装座 M10 螺栓的拧紧扭矩改了什么？", sources:
        [
            TestSources.Chunk(70, "紧固件拧紧扭矩规范", "本标准代替 Q/JD 402—2021。与 Q/JD 402—2021 相比，主要技术变化如下：支架安装座 M10×1.5 螺栓的拧紧扭矩由 45±3 N·m 改为 48±3 N·m。",
                context: "紧固件拧紧扭矩规范 > 前言", identity: "Q/JD 402", revision: "2026"),
        ]);
        Assert.Empty(selection.MissingAnchors);
        Assert.Contains("48±3", selection.Quotes[0].Unit.Text);
        // Not asking what changed, the 2021 edition's own value is what is asked, and the library lacks it.
        Assert.Equal(["2021"], Select("2021 版 Q/JD 402 中支架安装座 M10 螺栓的拧紧扭矩是多少？", sources:
        [
            TestSources.Chunk(70, "紧固件拧紧扭矩规范", "本标准代替 Q/JD 402—2021。支架安装座 M10×1.5 螺栓拧紧扭矩 48±3 N·m。",
                context: "紧固件拧紧扭矩规范 > 前言", identity: "Q/JD 402", revision: "2026"),
        ]).MissingAnchors);
    }

    [Theory]
    [InlineData("What is the output slew rate of the mixer in V/µs?", "v/µs")]
    [InlineData("混音器的输出压摆率是多少 V/µs？", "v/µs")]
    public void TheUnitTheAnswerIsAskedIn_WrittenByNoSource_IsAMissingAnchor(string question, string unit)
    {
        RetrievedChunk[] datasheet =
        [
            TestSources.Chunk(61, "SSM2163 datasheet", "Output noise –82 dBu; THD+N 0.01 % at 1 kHz; supply ±5 V to ±15 V.", locator: "1"),
            TestSources.Chunk(62, "SSM2163 datasheet", "The output stage drives 600 Ω loads with 10 V peak-to-peak swing.", locator: "2"),
        ];
        Assert.Equal([unit], Select(question, sources: datasheet).MissingAnchors);
        Assert.Empty(Select(question, sources: [.. datasheet, TestSources.Chunk(63, "SSM2163 datasheet", "Slew rate 8 V/µs typical at the outputs.", locator: "3")]).MissingAnchors);
    }

    [Fact]
    public void ASymbolTheQuestionQuotes_WrittenByNoSourceAsASymbol_IsAMissingAnchor()
    {
        RetrievedChunk[] legend =
        [
            TestSources.Chunk(71, "再制造技术与工艺", "方框表示替换单元；含有 “F” 的三角形标明该零部件通常失效；含有 “M” 的三角形需要机械加工。Ra 1.6 μm，R1 圆角。", locator: "2.4"),
        ];
        Assert.Equal(["R"], Select("分解框图里含有“R”的三角形表示什么？", sources: legend).MissingAnchors);
        Assert.Empty(Select("分解框图里含有“F”的三角形表示什么？", sources: legend).MissingAnchors);
    }

    [Fact]
    public void AFormulaTheQuestionNames_WrittenByNoSourceAsItself_IsAMissingAnchor()
    {
        RetrievedChunk[] liquids =
        [
            TestSources.Chunk(81, "Is the Critical Reynolds Number Universal?", "| Property/Liquids | H2O | D2O |\n| Critical Reynolds number | 3020 | 3480 |", locator: "table 3"),
            TestSources.Chunk(82, "Is the Critical Reynolds Number Universal?", "Molecular gases: N 2 and CO 2 were measured at 293 K.", locator: "2"),
        ];
        Assert.Equal(["H2"], Select("What critical Reynolds number was measured for hydrogen (H2)?", sources: liquids).MissingAnchors);
        Assert.Empty(Select("What critical Reynolds number was measured for D2O?", sources: liquids).MissingAnchors);
        // Subscripts set apart by the PDF's text still write the formula.
        Assert.Empty(Select("At what temperature was CO2 measured?", sources: liquids).MissingAnchors);
    }

    [Fact]
    public void OperationInATableColumnLabelledByItsHeader_IsNotMissing()
    {
        var card = TestSources.Chunk(44, "机械加工工序卡片",
            "| 工序号 | 工序名称 | 设备 | 刀具 |\n| 40 | 精车 | CK6150-02 | VNMG160404 |\n| 50 | 铣花键 | YK3150 滚齿机 | 花键滚刀 m2 |",
            locator: "table 2", context: "JD-2108-0102 花键轴 机械加工工序卡片");
        var selection = Select("花键轴第50工序铣花键在哪台设备上做，用什么刀？", sources: [card]);
        Assert.Equal(new string[0], selection.MissingAnchors);
        Assert.Contains("YK3150", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CompoundTerm_IsMentionedWhereAllItsPartsAre()
    {
        var row = TestSources.Chunk(45, "中间齿轮工艺过程卡",
            "零件号: JD-2105-0422 | 工序号: 50 | 工序名称: 剃齿 | 检验项目: 齿形、齿向 | 频次: 首件+每班 3 件", context: "中间齿轮工艺过程卡");
        var selection = Select("中间齿轮剃齿工序的检验项目和检验频次是什么？", sources: [row]);
        Assert.Empty(selection.MissingAnchors);
    }

    [Fact]
    public void AMachiningProcess_IsMentionedWhereAnOperationNamesItsVerb()
    {
        // The card names 铣外形 and 铣平面, never 铣削; it names no grinding at all.
        var card = TestSources.Chunk(46, "盖板 JD-2105-0205 机械加工工艺卡",
            "零件名称: 盖板 | 工序: 10 | 工序名称: 铣外形 | 设备: VMC650-02 | 夹具: 平口钳 QK-125\n零件名称: 盖板 | 工序: 20 | 工序名称: 铣平面 | 设备: VMC650-02 | 夹具: 真空吸盘 XP-01",
            context: "盖板 JD-2105-0205 机械加工工艺卡");
        Assert.Empty(Select("盖板 JD-2105-0205 铣削用什么夹具？", sources: [card]).MissingAnchors);
        Assert.Equal(["磨削"], Select("盖板 JD-2105-0205 磨削用什么夹具？", sources: [card]).MissingAnchors);
    }

    [Fact]
    public void QuestionWords_WeighNothing()
    {
        var terms = TestSources.Terms("盖板那层氧化膜要求多厚？之前那些产品怎么办？").Terms;
        Assert.All(terms.Where(t => t.Term is "多厚" or "那层" or "那些" or "怎么办"), t => Assert.Equal(0, t.Weight));
        Assert.Contains(terms, t => t.Term == "盖板" && t.Weight > 0);
    }

    [Fact]
    public void TheWordForOr_IsNoTerm()
    {
        var terms = TestSources.Terms("毛坯是锻件还是棒料？").Terms.Select(t => t.Term).ToList();
        Assert.DoesNotContain("还是", terms);
        Assert.Contains("棒料", terms);
    }

    [Fact]
    public void ValueQuestion_DoesNotCountTheQuestionsOwnNumbersAsAValue()
    {
        var selection = Select("JD-2105 支架总成 M8 螺栓拧多大扭矩？", sources:
        [
            TestSources.Chunk(46, "扭矩紧固作业指导书", "规范 JD-2105 变速箱支架总成的螺栓紧固作业，确保拧紧扭矩符合图样要求。", context: "扭矩紧固作业指导书 > 1 目的"),
            TestSources.Chunk(47, "扭矩紧固作业指导书", "M8×1.25 螺栓拧紧扭矩：25±2 N·m。", context: "JD-2105 支架总成扭矩紧固作业指导书 > 4 拧紧"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
    }

    [Fact]
    public void EnglishQuestionAboutAChineseTable_QuotesTheRowItsWordsTranslateTo_NotTheHeaderRepeatingItsIdentifiers()
    {
        // The header line names OP60 and CK6150 like the question; only the row says what the clamping screw takes, in
        // Chinese: each translation found (刀片 insert, 扭矩 torque, 螺钉 screw) must count like the English word it stands
        // for, or the identifiers alone outweigh the row.
        var selection = Select("When changing the OP60 insert on the CK6150, what torque goes on the insert clamping screw?", sources:
        [
            TestSources.Chunk(61, "OP60 刀片更换作业指导书", "| 紧固件 | 规格 | 扭矩 N·m | 工具 |\n|---|---|---|---|\n| 刀片压紧螺钉 | M5 | 3.5 | T15 扭矩螺丝刀 |",
                context: "OP60 刀片更换作业指导书 > 4 紧固扭矩"),
            TestSources.Chunk(60, "OP60 刀片更换作业指导书", "文件编号：WI-MC-031 版本：B 生效日期：2026-04-26 适用：JD-2105-0318 输出轴 OP60 精车，数控车床 CK6150-01/-02",
                context: "OP60 刀片更换作业指导书"),
        ]);
        Assert.Equal(0, selection.Quotes[0].Source);
        Assert.Contains("3.5", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TitleLineRestatingTheQuestion_LosesToTheLineThatAnswers()
    {
        // "Q/JD 105—2026" holds every identifier of the question and nothing else; the date line, of the same standard, is the answer.
        var selection = Select("Q/JD 105—2026 哪天开始实施？", sources:
        [
            TestSources.Chunk(62, "齿轮及轴类零件热处理通用技术条件", "Q/JD 105—2026"),
            TestSources.Chunk(63, "齿轮及轴类零件热处理通用技术条件", "本标准 2026-02-01 实施。") with { DocumentId = 62 },
        ]);
        Assert.Contains("2026-02-01 实施", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherChunkOfTheSameDocument_IsCitedOnlyWhenItAddsAnAskedTerm()
    {
        // Two rows of the same card repeat the material: the second citation would hold nothing the first does not.
        var selection = Select("JD-2105-0201 是什么材料？", sources:
        [
            TestSources.Chunk(64, "JD-2105-0201 支架本体 工艺过程卡", "零件号: JD-2105-0201 | 零件名称: 支架本体 | 材料: QT450-10 | 工序号: 10 | 工序名称: 铣底面"),
            TestSources.Chunk(64, "JD-2105-0201 支架本体 工艺过程卡", "零件号: JD-2105-0201 | 零件名称: 支架本体 | 材料: QT450-10 | 工序号: 50 | 工序名称: 清洗检验") with { ChunkId = 65 },
        ]);
        Assert.Single(selection.Quotes);
    }

    [Fact]
    public void DocumentsOwnNumber_BelongsToEverySentenceOfIt_NotOnlyToTheLineRepeatingIt()
    {
        // QA-2026-014 is the alert's own number: the line naming its author answers, though only the footer repeats it.
        var selection = Select("Who prepared quality alert QA-2026-014?", sources:
        [
            TestSources.Chunk(66, "Quality Alert QA-2026-014", "Issue date: 2026-04-24. Prepared by: Chen Liping, Quality Engineer.",
                context: "Quality Alert QA-2026-014", identity: "QA-2026-014"),
            TestSources.Chunk(67, "Quality Alert QA-2026-014", "Distribution: Production, Quality, Warehouse. Document QA-2026-014, page 1/1.",
                context: "Quality Alert QA-2026-014", identity: "QA-2026-014"),
        ]);
        Assert.Contains("Chen Liping", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who wrote 'Is the Critical Reynolds Number Universal?' and at which institute?")]
    [InlineData("Who wrote “Is the Critical Reynolds Number Universal?”")]
    public void TitleTheQuestionQuotes_NamesTheDocument_ItsWordsCountForEveryUnitOfIt(string question)
    {
        // The quoted title says which paper is asked about, not what to find in it: its words hold for every sentence of
        // the paper, so the byline answers "who wrote", not the table row that repeats "critical Reynolds number".
        const string title = "Is the Critical Reynolds Number Universal?";
        var selection = Select(question, sources:
        [
            TestSources.Chunk(80, title, "| Property/Liquids | H2O | D2O |\n| --- | --- | --- |\n| Critical Reynolds number | 3020 | 3480 |", context: title),
            TestSources.Chunk(81, title, "S. Novopashin* and A. Muriel\nInstitute of Thermophysics, Russian Academy of Sciences, Novosibirsk"),
        ]);
        Assert.Contains("Novopashin", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PartTheDocumentsTitleNames_CountsForItsRowsAsAHeadingDoes()
    {
        // The datasheet's timing table never repeats the chip's name; a listing's comment does, and says "value" too. The
        // title names the chip for every row of the datasheet, as a heading would: the row of tDS answers.
        var selection = Select("SSM2163 tDS min value?", sources:
        [
            TestSources.Chunk(91, "SSM2163 8-Channel Audio Mixer",
                "| Symbol | Description | Min | Units |\n|---|---|---|---|\n| tDH | Data Hold Time | 35 | ns |\n| tDS | Data Setup Time | 25 | ns |",
                context: "Timing Characteristics"),
            TestSources.Chunk(90, "SSM2163 8-Channel Audio Mixer", "After eight loops, the value will have been sent to the SSM2163.",
                context: "Microcomputer Interfaces"),
        ]);
        Assert.Contains("Data Setup Time", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DateTheQuestionNames_DoesNotOutweighWhatItAsks()
    {
        // The date comes to the answerer cut into 2010, 年, 6, 月, 30, 日: the note defining the report's period holds all
        // of those pieces and nothing asked; the balance sheet's row holds what is asked — short-term borrowings,
        // consolidated, the balance.
        var selection = Select("截至2010年6月30日，合并报表的短期借款余额是多少？", sources:
        [
            TestSources.Chunk(93, "2010 年半年度报告",
                "| 项目 | 期末余额 › 合并 | 年初余额 › 合并 |\n|---|---|---|\n| 短期借款 | 246,000,000.00 | 395,000,000.00 |\n| 应付票据 | 56,409,418.36 | 48,118,883.71 |",
                context: "资产负债表"),
            TestSources.Chunk(94, "2010 年半年度报告", "以下注释项目除非特别指出,期末指 2010 年 6 月 30 日,期初指 2010 年 1 月 1 日,本期指 2010 年 1-6 月。",
                context: "合并财务报表项目注释"),
        ]);
        Assert.Contains("246,000,000.00", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSentenceAfterTheBestInItsParagraph_IsQuotedWithIt()
    {
        // The first sentence says what the question asks about; the next says what to fit, without repeating a word of it.
        const string paragraph = "The MUTE pin forces all channels into the muted state at power-up. A 10 kΩ resistor to +5 V is recommended. "
                                 + "The attenuator values are kept while muted.";
        RetrievedChunk[] datasheet = [TestSources.Chunk(70, "SSM2163 datasheet", paragraph, context: "SSM2163 > SYSTEM MUTE")];

        var quoted = Select("What should go on the MUTE pin at power-up?", sources: datasheet).Quotes.Select(q => q.Unit.Text).ToList();
        var alone = Select("What should go on the MUTE pin at power-up?", new AnswerOptions { QuoteNextSentence = false }, datasheet)
            .Quotes.Select(q => q.Unit.Text).ToList();

        Assert.StartsWith("The MUTE pin forces", quoted[0], StringComparison.Ordinal);
        Assert.Equal("A 10 kΩ resistor to +5 V is recommended.", quoted[1]);
        Assert.DoesNotContain(quoted, q => q.StartsWith("The attenuator", StringComparison.Ordinal));
        Assert.DoesNotContain("A 10 kΩ resistor to +5 V is recommended.", alone);
    }

    [Fact]
    public void TheSentenceAfterTheBest_IsNotTakenFromTheNextParagraph()
    {
        RetrievedChunk[] datasheet =
            [TestSources.Chunk(70, "SSM2163 datasheet", "The MUTE pin forces all channels into the muted state at power-up.\nA 10 kΩ resistor to +5 V is recommended.")];

        var quoted = Select("What should go on the MUTE pin at power-up?", sources: datasheet).Quotes.Select(q => q.Unit.Text);

        Assert.DoesNotContain("A 10 kΩ resistor to +5 V is recommended.", quoted);
    }

    [Fact]
    public void NumberTheQuestionNames_PicksItsRowOutOfTheTable()
    {
        // The sentence repeats "shows", "alarm" and "cause"; only the row of alarm 2001 says what its cause is.
        var selection = Select("The CK6150 shows alarm 2001 - what is the cause?", sources:
        [
            TestSources.Chunk(68, "CK6150 Maintenance Manual", "The controller shows the alarm code and its cause.",
                context: "CK6150 Maintenance Manual > 4 Alarms"),
            TestSources.Chunk(69, "CK6150 Maintenance Manual", "| Code | Message | Cause |\n|---|---|---|\n| 2001 | HYDRAULIC PRESSURE LOW | Pressure below 1.2 MPa |\n| 2002 | LUBRICATION LEVEL LOW | Tank below minimum |",
                context: "CK6150 Maintenance Manual > 4 Alarms"),
        ]);
        Assert.Contains("1.2 MPa", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlarmCodeNoSourceHolds_IsAMissingAnchor_ThoughItsDigitsReadAsAYear()
    {
        // 2003 is the alarm asked about, not a year: no source has it, so the answer abstains on it alone.
        var selection = Select("What does alarm 2003 mean on the CK6150?", sources:
        [
            TestSources.Chunk(69, "CK6150 Maintenance Manual", "| Code | Message | Cause |\n|---|---|---|\n| 2001 | HYDRAULIC PRESSURE LOW | Pressure below 1.2 MPa |\n| 2002 | LUBRICATION LEVEL LOW | Tank below minimum |",
                context: "CK6150 Maintenance Manual > 4 Alarms"),
        ]);
        Assert.Contains("2003", selection.MissingAnchors);
        Assert.DoesNotContain("2003", selection.AbsentWords);
    }

    [Fact]
    public void FollowUp_PrefersTheUnitNamingTheFollowUpsOwnWords()
    {
        var analyzer = TestSources.Analyzer;
        var terms = QuestionTerms.From(analyzer.Analyze("2026 版热处理标准渗碳件表面硬度是多少？ 心部呢？"), analyzer.Analyze("心部呢？"), analyzer);
        RetrievedChunk[] sources =
        [
            TestSources.Chunk(48, "热处理通用技术条件", "渗碳淬火件表面硬度应为 58–63 HRC，同一零件各测点硬度差应不大于 3 HRC。", context: "热处理通用技术条件 > 4.2 渗碳件"),
            TestSources.Chunk(49, "热处理通用技术条件", "心部硬度应为 30–45 HRC。", context: "热处理通用技术条件 > 4.2 渗碳件"),
        ];
        var answerer = new ExtractiveAnswerer(analyzer, Options.Create(new AnswerOptions()), NullLogger<ExtractiveAnswerer>.Instance);
        Assert.Equal(1, answerer.Select(terms, sources, sources).Quotes[0].Source);
    }

    [Fact]
    public void ChineseFollowUp_AboutAnEnglishPassage_CountsTheTranslationsOfItsOwnWords()
    {
        var analyzer = TestSources.Analyzer;
        var terms = QuestionTerms.From(analyzer.Analyze("QA-2026-014 客户投诉的是哪个批次？ 这个批次在客户那边挑出来多少件不良？"),
            analyzer.Analyze("这个批次在客户那边挑出来多少件不良？"), analyzer);
        RetrievedChunk[] sources =
        [
            TestSources.Chunk(70, "作业指导书", "刀具寿命计数器到达 60 件时必须更换刀片（质量警示 QA-2026-014 后锁定，不得修改）。", context: "作业指导书"),
            TestSources.Chunk(71, "Quality Alert QA-2026-014", "Customer stock: lot 260409-03 (1,200 pcs) sorted 100% at the customer site; 18 pcs NG found and returned.",
                context: "Quality Alert QA-2026-014", identity: "QA-2026-014"),
        ];
        var answerer = new ExtractiveAnswerer(analyzer, Options.Create(new AnswerOptions()), NullLogger<ExtractiveAnswerer>.Instance);
        Assert.Contains("18 pcs NG", answerer.Select(terms, sources, sources).Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DateQuestion_PrefersTheUnitStatingADate()
    {
        var selection = Select("Q/JD 105—2026 哪天开始实施？", sources:
        [
            TestSources.Chunk(50, "轴类零件机械加工通用技术条件", "调质处理按 Q/JD 105—2026 执行，40Cr 调质硬度 241–286 HBW。", context: "轴类零件机械加工通用技术条件 > 4.1"),
            TestSources.Chunk(51, "热处理通用技术条件", "2026-01-15 发布 2026-02-01 实施", context: "Q/JD 105—2026 热处理通用技术条件"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
    }

    [Theory]
    [InlineData("2026-01-15 发布 2026-02-01 实施", true)]
    [InlineData("2026年2月1日起执行", true)]
    [InlineData("Effective: Apr 25, 2026", true)]
    [InlineData("调质硬度 269–302 HBW（按 Q/JD 105—2026）", false)]
    public void StatesDate_FindsCalendarDatesOnly(string text, bool expected) =>
        Assert.Equal(expected, ExtractiveAnswerer.StatesDate(text));

    [Fact]
    public void ClauseQuestion_QuotesItsSubClausesFromEveryChunk()
    {
        var selection = Select("Q/JD 201 第 5.2 条首件检验对检验件数和记录保存期限有什么要求？", sources:
        [
            TestSources.Chunk(52, "轴类零件机械加工通用技术条件", "5.2.2 首件检验记录应保存 3 年。", locator: "5.2.2", context: "Q/JD 201 > 5.2 首件检验", identity: "Q/JD 201"),
            TestSources.Chunk(52, "轴类零件机械加工通用技术条件", "5.2.1 每班首件及换刀后首件应连续检验 5 件，全部尺寸合格后方可批量生产。", locator: "5.2.1", context: "Q/JD 201 > 5.2 首件检验", identity: "Q/JD 201") with { ChunkId = 53 },
        ]);
        Assert.Equal([0, 1], selection.Quotes.Select(q => q.Source).Order());
    }

    [Fact]
    public void FurtherQuote_ThatLacksTheAskedForValue_IsNotCited()
    {
        var selection = Select("Q/JD 105—2026 哪天开始实施？", sources:
        [
            TestSources.Chunk(54, "热处理通用技术条件", "2026-01-15 发布 2026-02-01 实施", context: "Q/JD 105—2026 热处理通用技术条件"),
            TestSources.Chunk(55, "热处理通用技术条件", "Q/JD 105—2026 开始实施前应完成培训。", context: "Q/JD 105—2026 热处理通用技术条件 > 前言"),
        ]);
        Assert.Single(selection.Quotes);
        Assert.Equal(0, selection.Quotes[0].Source);
    }

    [Fact]
    public void HowLongQuestion_PrefersTheUnitStatingATimeSpan()
    {
        var selection = Select("渗碳件淬火后多久之内必须回火？", sources:
        [
            TestSources.Chunk(56, "热处理通用技术条件", "渗碳件淬火后应低温回火，回火温度 180±10 ℃。", context: "热处理通用技术条件 > 4.2"),
            TestSources.Chunk(57, "热处理通用技术条件", "渗碳件淬火后应在 2 h 内回火。", context: "热处理通用技术条件 > 4.2"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
        Assert.False(TestSources.Terms("渗碳件淬火后多久之内必须回火？").AsksForFrequency);
        Assert.True(TestSources.Terms("主轴轴承多久检查一次？").AsksForFrequency);
    }

    [Theory]
    [InlineData("零件淬火后应在 2 h 内回火", true)]
    [InlineData("spindle at 500 r/min for 10 min", true)]
    [InlineData("最高转速 2000 r/min", false)]
    public void StatesDuration_FindsTimeSpansOnly(string text, bool expected) =>
        Assert.Equal(expected, ExtractiveAnswerer.StatesDuration(text));

    [Fact]
    public void TorqueQuestion_QuotesTheRowStatingATorque_NotASentenceWithAnotherNumber()
    {
        // The sentence names OP60, the insert and the CK6150, holds a number (80 parts) and, being English, is all the
        // English model can read; only the Chinese row states N·m.
        const string sentence = "The tool life counter for the OP60 finishing insert on the CK6150 must be set to 80 parts.";
        var selection = Select("When changing the OP60 insert on the CK6150, what torque goes on the insert clamping screw?", similarity: new Dictionary<string, double> { [sentence] = 0.6 }, sources:
        [
            TestSources.Chunk(60, "CNC Lathe CK6150 Operating Procedure", sentence, context: "CK6150 Operating Procedure > 5.3"),
            TestSources.Chunk(61, "OP60刀片更换作业指导书",
                "| 紧固件 | 规格 | 扭矩 N·m | 工具 |\n|---|---|---|---|\n| 刀片压紧螺钉 | M5 | 3.5 | T15 扭矩螺丝刀 |",
                context: "OP60刀片更换作业指导书 > 3 紧固件"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
        Assert.Contains("3.5", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HardnessQuestion_QuotesTheSentenceStatingAHardness_OverAnEnglishRowNamingTheProcess()
    {
        var selection = Select("What surface hardness is required after induction hardening a 42CrMo shaft?", sources:
        [
            TestSources.Chunk(62, "Supplier list",
                "| Supplier ID | Name | Process |\n|---|---|---|\n| SUP-020 | Wuxi Surface Hardening Co. | Induction hardening of 40Cr/42CrMo shafts after turning, as required (CQI-9 assessed) |",
                context: "Supplier list"),
            TestSources.Chunk(63, "热处理通用技术条件", "40Cr、42CrMo 轴类零件感应淬火后表面硬度应为 52–57 HRC，有效硬化层深度 1.5–2.5 mm。",
                context: "热处理通用技术条件 > 4.4 感应淬火"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
        Assert.Single(selection.Quotes);
    }

    [Fact]
    public void QuantityTheQuestionGivesAValueOf_IsACondition_NotWhatIsAsked()
    {
        // "with 1.5 MPa chuck pressure" gives the pressure; the speed is asked. The row states the speed only under its
        // column label, the sentence states a pressure in MPa: the pressure must not pick the sentence.
        var selection = Select("What is the max spindle speed on the CK6150 with 1.5 MPa chuck pressure?", sources:
        [
            TestSources.Chunk(64, "CNC Lathe CK6150 Operating Procedure", "Check that the hydraulic chuck pressure is 1.2–1.8 MPa (standard setting 1.5 MPa).",
                context: "CK6150 Operating Procedure > 4.1"),
            TestSources.Chunk(65, "CNC Lathe CK6150 Operating Procedure",
                "| Chuck pressure (MPa) | Max spindle speed (r/min) |\n|---|---|\n| 1.2 | 1500 |\n| 1.5 | 1800 |\n| 1.8 | 2000 |",
                context: "CK6150 Operating Procedure > 4.2 Speed limits"),
        ]);
        Assert.Equal(1, selection.Quotes[0].Source);
        Assert.Contains("1800", selection.Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    private static RetrievedChunk ManyTorqueSentences() => TestSources.Chunk(9, "螺栓拧紧规范",
        string.Concat(Enumerable.Range(1, 8).Select(i => $"M{i + 5}螺栓的拧紧扭矩为{i * 5} N·m，按对角顺序拧紧。")), context: "螺栓拧紧规范");
}
