using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class QuoteFormatterTests
{
    private const string CardRow = "零件号: JD-2105-0318 | 零件名称: 输出轴 | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 工步号: 2 | 设备: CK6150数控车床"
        + " | 刀具: 外圆车刀 DCLNR2525M12 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10 | 背吃刀量 mm: 0.3 | 冷却液: 乳化液 | 检具: 外径千分尺";

    private static string Format(string unitText, string question) =>
        QuoteFormatter.Format(Assert.Single(TestSources.Units(unitText)), TestSources.Terms(question), TestSources.Analyzer, TestSources.Answers);

    [Fact]
    public void LongCardRow_ShowsIdentifyingFieldsFirst_ThenOnlyTheAskedColumns()
    {
        var quote = Format(CardRow, "JD-2105-0318 第60工序的主轴转速和进给量是多少？");
        Assert.Equal("JD-2105-0318 输出轴 第60工序 精车Φ35k6轴颈 工步2: **主轴转速 950 r/min**，**进给量 0.10 mm/r**", quote); // the asked cells marked
    }

    [Fact]
    public void LongCardRow_ForAnEnglishQuestion_NamesTheOperationOP()
    {
        var quote = Format(CardRow, "What is the spindle speed of JD-2105-0318 OP60?");
        Assert.StartsWith("JD-2105-0318 输出轴 OP60 精车Φ35k6轴颈 step 2: ", quote);
        Assert.Contains("主轴转速 950 r/min", quote);
        Assert.DoesNotContain("乳化液", quote);
    }

    [Fact]
    public void EnglishQuestion_ShowsTheChineseCell_ThatHoldsATranslationOfItsWord()
    {
        const string row = "零件号: JD-2105-0201 | 零件名称: 支架本体 | 工序号: 40 | 工序名称: 钻孔攻丝 | 设备: VMC850-01 | 夹具: JJ-0201-03"
            + " | 刀具: 钻头 Φ8.5 / 丝锥 M10×1.5 | 转速 r/min: 1000 | 进给 mm/min: 100 | 工时 min: 4.00";
        var quote = Format(row, "On JD-2105-0201, which drill is used at OP40, and at what spindle speed?");
        Assert.Contains("钻头 Φ8.5", quote);
        Assert.Contains("1000", quote);
    }

    [Fact]
    public void CellHoldingTheRevisionTheQuestionNames_HeadsTheQuote_AndTheRowsContentIsShown()
    {
        // "B" is what the question names to pick the change record's row: it says which row, it does not answer.
        const string change = "标记: B | 处数: 2 | 更改文件号: ECN-2026-031 | 更改内容: OP60 转速 800→950 r/min、进给 0.12→0.10 mm/r | 签字: 王磊 | 日期: 2026-04-25";
        var quote = Format(change, "输出轴工艺过程卡 B 版和 A 版相比改了什么？");
        Assert.StartsWith("标记 B: ", quote);
        Assert.Contains("更改内容 OP60 转速 800→950 r/min", quote);
    }

    [Fact]
    public void CellHoldingTheThreadTheQuestionNames_HeadsTheQuote()
    {
        const string row = "规格: M8 | 性能等级: 8.8 | 拧紧扭矩 N·m: 25±2 | 拧紧方式: 一次拧紧 | 检查: 扭力扳手抽检";
        var quote = Format(row, "M8 螺栓的拧紧扭矩是多少？");
        Assert.StartsWith("规格 M8: ", quote);
        Assert.Contains("拧紧扭矩 25±2 N·m", quote);
    }

    [Fact]
    public void LongRow_TheQuestionNamesOnlyByItsItemCell_ShowsTheLeadingColumnsBesideIt()
    {
        // "nominal capacity" stands in the item column: it says which row, the specification column answers.
        const string row = "| 1.1.1 | 电芯容量 Nominal Capacity | ≥192 Ah ≥196 Ah | 25°C, 196 A(1C)电流放电到2.0V 25°C, 196 A(1C) DC to 2.0V 25°C, 65.3 A(1/3C)电流放电到2.0V 25°C, 65.3 A(1/3C) DC to 2.0V |";
        var unit = new AnswerUnit(UnitKind.TableRow, row,
            [("No.", "1.1.1"), ("参数 Item", "电芯容量 Nominal Capacity"), ("产品规格 Specification", "≥192 Ah ≥196 Ah"),
             ("条件 Condition", "25°C, 196 A(1C)电流放电到2.0V 25°C, 196 A(1C) DC to 2.0V 25°C, 65.3 A(1/3C)电流放电到2.0V 25°C, 65.3 A(1/3C) DC to 2.0V")]);
        var quote = QuoteFormatter.Format(unit, TestSources.Terms("What is the nominal capacity of the cell?"), TestSources.Analyzer, TestSources.Answers);
        Assert.Contains("电芯容量 Nominal Capacity", quote);
        Assert.Contains("≥192 Ah ≥196 Ah", quote);
    }

    [Fact]
    public void RowUnderAGroupLabel_IsNamedByIt()
    {
        const string table = "| Parameter | Conditions | Min Typ Max | Units |\n| REFERENCE (ACOM) |  |  |  |\n| Output Voltage | VS = +10 V | 4.7 5.0 5.3 | V |";
        var unit = TestSources.Units(table).Single(u => u.Text.Contains("Output Voltage"));
        var quote = QuoteFormatter.Format(unit, TestSources.Terms("What is the ACOM output voltage?"), TestSources.Analyzer, TestSources.Answers);
        Assert.StartsWith("REFERENCE (ACOM) › Parameter Output Voltage: ", quote);
    }

    [Fact]
    public void LongCardRow_WithNoColumnAsked_ShowsItsLeadingColumns()
    {
        var quote = Format(CardRow, "JD-2105-0318 第60工序");
        Assert.Equal("JD-2105-0318 输出轴 第60工序 精车Φ35k6轴颈 工步2: 设备 CK6150数控车床，刀具 外圆车刀 DCLNR2525M12，主轴转速 950 r/min，进给量 0.10 mm/r", quote);
    }

    [Fact]
    public void LongTableRow_NamesItsEntity_NextToItsCode()
    {
        // "Which supplier" is answered by the Name column, which no question word names.
        const string table = "| Supplier ID | Name | Category | Material/Part | Certification | Contact | City | Lead time (days) |\n|---|---|---|---|---|---|---|---|\n"
            + "| SUP-005 | Anhui Huashan Foundry Co., Ltd. | Castings | QT450-10 ductile iron casting, bracket body JD-2105-0201 | IATF 16949 | Wang Lei +86 555 1234 567 | Ma'anshan | 45 |";
        var quote = Format(table, "Which supplier makes the QT450-10 castings for the bracket?");
        Assert.StartsWith("Supplier ID SUP-005 Anhui Huashan Foundry Co., Ltd.: ", quote);
        Assert.Contains("QT450-10 ductile iron casting", quote);
    }

    [Fact]
    public void ShortTableRow_IsQuotedWhole_WithLabels()
    {
        const string table = "| 报警号 | 内容 | 处理方法 |\n|---|---|---|\n| 2002 | 主轴过载 | 检查切削负载 |";
        var row = TestSources.Units(table)[0];
        var quote = QuoteFormatter.Format(row, TestSources.Terms("报警2002怎么处理？"), TestSources.Analyzer, TestSources.Answers);
        Assert.Equal("报警号 2002: 内容 主轴过载，处理方法 检查切削负载", quote);
    }

    [Theory]
    [InlineData("零件号: JD-2105-0318 | 工序号: 60 | 主轴转速 r/min: 950", "主轴转速 950 r/min")]
    [InlineData("零件号: JD-2105-0318 | 工序号: 60 | 拧紧扭矩（N·m）: 25", "拧紧扭矩 25 N·m")]
    [InlineData("零件号: JD-2105-0318 | 工序号: 60 | 渗碳温度 ℃: 920", "渗碳温度 920 ℃")]
    // The units are those of quantities.tsv and the time units of states-duration.
    [InlineData("零件号: JD-2105-0318 | 工序号: 60 | 换油周期 (months): 6", "换油周期 6 months")]
    [InlineData("零件号: JD-2105-0318 | 工序号: 60 | 卡盘压力 kPa: 1500", "卡盘压力 1500 kPa")]
    public void UnitAtTheEndOfALabel_MovesBehindTheValue(string record, string expected) =>
        Assert.EndsWith(": " + expected, Format(record, "JD-2105-0318 第60工序"));

    [Theory]
    // A word that is no unit stays in the label; a unit after a number is part of a value, not the column's unit.
    [InlineData("零件号: JD-2105-0318 | 工序号: 60 | 刀具 型号: DCLNR", "刀具 型号 DCLNR")]
    [InlineData("零件号: JD-2105-0318 | 工序号: 60 | Every 6 months: Replace oil", "Every 6 months Replace oil")]
    public void ALabelEndingInNoUnit_StaysAsItIs(string record, string expected) =>
        Assert.EndsWith(": " + expected, Format(record, "JD-2105-0318 第60工序"));

    [Fact]
    public void FormRowsUnderOneLabel_TooLongToQuoteWhole_KeepTheOneHoldingTheQuestionsWords()
    {
        // A claim form's theft section: one label spanning four questions. Cut at the quote's length, the first
        // (a long blank-line question) would fill it and the one about the keys would not be shown.
        const string form = """
            | Circumstances of the Theft 失竊情況 | Date & Time Place 日期及時間 ______________________ 地點 ______________________ Please state the name and address of the management office for the Car Park (if applicable). Whether you own the parking space or hire it on a monthly basis? 請陳述停車場管理處的名稱及地址 (如有) 。你是否擁有該失車的車位或以月租形式使用? |
            | Circumstances of the Theft 失竊情況 | Who handled your car keys within three months before the theft? 在失竊前三個月內,誰人持有失車之鑰匙? |
            | Circumstances of the Theft 失竊情況 | Did you have any duplicate keys? If so, who kept these? 你是否有失車的後備鑰匙?如有,誰人保管? |
            """;
        var quote = Format(form, "For a stolen car claim, over what period before the theft does the insurer want to know who had the car keys?");
        Assert.Contains("within three months before the theft", quote);
        Assert.DoesNotContain("Car Park", quote);
        Assert.True(quote.Length <= TestSources.Answers.MaxRowQuoteChars + 1, quote);
    }

    [Fact]
    public void Sentence_IsQuotedAsItStands() =>
        Assert.Equal("渗碳温度为920℃±10℃。", Format("渗碳温度为920℃±10℃。", "渗碳温度是多少？"));
}
