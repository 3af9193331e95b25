using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class UnitSplitterTests
{
    private static IReadOnlyList<AnswerUnit> Split(string text) => UnitSplitter.Split(text, new AnswerOptions().MaxSentenceChars);

    [Fact]
    public void ProcessCardLine_IsOneRecord_WithItsFields()
    {
        const string line = "零件号: JD-2105-0318 | 工序号: 60 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10";
        var unit = Assert.Single(Split(line));
        Assert.Equal(UnitKind.Record, unit.Kind);
        Assert.Equal(line, unit.Text);
        Assert.Equal([("零件号", "JD-2105-0318"), ("工序号", "60"), ("主轴转速 r/min", "950"), ("进给量 mm/r", "0.10")], unit.Fields);
    }

    [Fact]
    public void MarkdownTable_IsOneRowPerUnit_LabelledByTheHeader()
    {
        const string table = """
            | 报警号 | 内容 | 处理方法 |
            |---|---|---|
            | 2002 | 主轴过载 | 检查切削负载 |
            | 2003 | 润滑压力低 | 补充润滑油 |
            """;
        var units = Split(table);
        Assert.Equal(2, units.Count);
        Assert.All(units, u => Assert.Equal(UnitKind.TableRow, u.Kind));
        Assert.Equal("| 2002 | 主轴过载 | 检查切削负载 |", units[0].Text);
        Assert.Equal([("报警号", "2002"), ("内容", "主轴过载"), ("处理方法", "检查切削负载")], units[0].Fields);
        Assert.Equal([("报警号", "2003"), ("内容", "润滑压力低"), ("处理方法", "补充润滑油")], units[1].Fields);
    }

    [Fact]
    public void TwoColumnItemValueTable_IsOneRecord_WithoutItsHeader()
    {
        const string table = """
            | Item | Value |
            |---|---|
            | Torque | 25 N·m |
            | Interval | 500 h |
            """;
        var unit = Assert.Single(Split(table));
        Assert.Equal(UnitKind.Record, unit.Kind);
        Assert.Equal([("Torque", "25 N·m"), ("Interval", "500 h")], unit.Fields);
    }

    [Fact]
    public void TwoColumnTable_OfWordsOverRowsKeyedByNumbers_IsAHeaderOverRows_NotPairs()
    {
        const string table = """
            | Chuck pressure (MPa) | Max. permitted spindle speed (r/min) |
            |---|---|
            | 1.2 | 1400 |
            | 1.5 | 1800 |
            """;
        var units = Split(table);
        Assert.All(units, u => Assert.Equal(UnitKind.TableRow, u.Kind));
        Assert.Equal([("Chuck pressure (MPa)", "1.5"), ("Max. permitted spindle speed (r/min)", "1800")], units[1].Fields);
    }

    [Fact]
    public void LabelValueGrid_IsOneRecord_OfPairs()
    {
        const string table = """
            | 文件编号 | WI-AS-022 | 版本 | A/2 |
            | 生效日期 | 2025-03-01 | 页码 | 1/4 |
            """;
        var unit = Assert.Single(Split(table));
        Assert.Equal(UnitKind.Record, unit.Kind);
        Assert.Equal([("文件编号", "WI-AS-022"), ("版本", "A/2"), ("生效日期", "2025-03-01"), ("页码", "1/4")], unit.Fields);
    }

    [Fact]
    public void ConsecutiveFieldLines_AreOneRecord()
    {
        var unit = Assert.Single(Split("文件编号: WI-AS-022\n版本：A/2\n生效日期: 2025-03-01"));
        Assert.Equal(UnitKind.Record, unit.Kind);
        Assert.Equal("文件编号: WI-AS-022\n版本：A/2\n生效日期: 2025-03-01", unit.Text);
        Assert.Equal([("文件编号", "WI-AS-022"), ("版本", "A/2"), ("生效日期", "2025-03-01")], unit.Fields);
    }

    [Fact]
    public void SingleFieldLine_IsAField()
    {
        var units = Split("适用范围: 输出轴精车工序\n本规程适用于数控车床。");
        Assert.Equal(UnitKind.Field, units[0].Kind);
        Assert.Equal([("适用范围", "输出轴精车工序")], units[0].Fields);
        Assert.Equal(UnitKind.Sentence, units[1].Kind);
    }

    [Fact]
    public void ChineseProse_IsCutAtSentenceEnds()
    {
        var units = Split("拧紧前应清洁螺纹。扭矩为25 N·m！是否漏油？记录结果；签字确认");
        Assert.All(units, u => Assert.Equal(UnitKind.Sentence, u.Kind));
        Assert.Equal(["拧紧前应清洁螺纹。", "扭矩为25 N·m！", "是否漏油？", "记录结果；", "签字确认"], units.Select(u => u.Text));
    }

    [Fact]
    public void EnglishProse_IsCutAtFullStops_ButNotInDecimalsOrAbbreviations()
    {
        var units = Split("Set the pressure to 1.5 MPa before the start. Use bolt No. 3 only. Check the seal.");
        Assert.Equal(["Set the pressure to 1.5 MPa before the start.", "Use bolt No. 3 only.", "Check the seal."], units.Select(u => u.Text));
    }

    [Fact]
    public void VeryLongSentence_IsCutUnder400Chars_AtCommas()
    {
        var sentence = string.Concat(Enumerable.Range(1, 60).Select(i => $"第{i}步检查夹具定位面清洁，")) + "完毕。";
        var units = Split(sentence);
        Assert.True(units.Count > 1);
        Assert.All(units, u => Assert.InRange(u.Text.Length, 1, 400));
        Assert.All(units.SkipLast(1), u => Assert.EndsWith("，", u.Text));
        Assert.Equal(sentence, string.Concat(units.Select(u => u.Text)));
    }

    [Fact]
    public void VeryLongSentence_WithoutCommas_IsStillCut()
    {
        var sentence = new string('检', 1000);
        var units = Split(sentence);
        Assert.Equal([400, 400, 200], units.Select(u => u.Text.Length));
    }

    [Fact]
    public void AHeaderWhoseCellsWrapped_IsMergedIntoOneLabelPerColumn()
    {
        var units = Split(
            "|  |  |  |  | 2 |  |  |\n" +
            "| Inhibitor | bc (V/dec) | ba (V/dec) | Ecorr (V) | icorr (A/cm ) | Polarization | Corrosion |\n" +
            "| concentration (g) |  |  |  |  | resistance (Ω) | rate (mm/year) |\n" +
            "| 8 | 0.1240 | 0.0556 | 0.5896 | 5.46E-05 | 305.650 | 0.3772 |\n" +
            "| 10 | 0.0382 | 0.0086 | 0.5356 | 1.24E-05 | 246.080 | 0.0919 |");
        Assert.Equal(2, units.Count);
        Assert.Equal([("Inhibitor concentration (g)", "8"), ("bc (V/dec)", "0.1240"), ("ba (V/dec)", "0.0556"), ("Ecorr (V)", "0.5896"),
            ("2 icorr (A/cm )", "5.46E-05"), ("Polarization resistance (Ω)", "305.650"), ("Corrosion rate (mm/year)", "0.3772")], units[0].Fields);
    }

    [Fact]
    public void AFullRowOfPassagesUnderASparseTitleRow_IsData_NotTheRestOfTheHeader()
    {
        // A claim form's section bar over its questions: the bar is sparse, the row under it holds a question, not labels.
        var units = Split(
            "|  | FOR TRAFFIC ACCIDENT / THEFT DAMAGE |  | 申報交通意外 / 盜竊損失 |\n" +
            "| Use of Insured Vehicle | a) Was the vehicle being used with Insured’s knowledge & consent? |  | Yes / No |\n" +
            "| Use of Insured Vehicle | b) Circle exact purpose for which the vehicle was being used: Domestic use / Commercial / Motor trade |  | Others |");
        Assert.Equal(2, units.Count);
        Assert.Contains(units[0].Fields, f => f.Value.StartsWith("a) Was the vehicle", StringComparison.Ordinal));
        Assert.DoesNotContain(units[1].Fields, f => f.Label.Contains("a) Was the vehicle", StringComparison.Ordinal));
    }

    [Fact]
    public void ASparseRowOfValuesBelowTheHeader_StaysData()
    {
        var units = Split("| Item | Min | Typ | Max |\n| Supply voltage | 4.5 |  |  |\n| Current |  | 10 | 12 |");
        Assert.Equal(2, units.Count);
        Assert.Equal([("Item", "Supply voltage"), ("Min", "4.5")], units[0].Fields);
    }

    [Fact]
    public void TableGroupRow_IsTheSection_OfTheRowsBelowIt()
    {
        const string table = """
            | Parameter | Conditions | Min Typ Max | Units |
            | Logic Out HI | IOUT = 0.2 mA | 2.4 | V |
            | REFERENCE (ACOM) |  |  |  |
            | Output Voltage | VS = +10 V (Single Supply) | 4.7 5.0 5.3 | V |
            | Output Impedance |  | 10 | Ω |
            | POWER SUPPLIES |  |  |  |
            | Supply Current | VS = +10 V (Single Supply) | 8 15 | mA |
            """;
        var units = Split(table);
        Assert.Null(units.Single(u => u.Text.Contains("Logic Out HI")).Section);
        Assert.Equal("REFERENCE (ACOM)", units.Single(u => u.Text.Contains("Output Voltage")).Section);
        Assert.Equal("REFERENCE (ACOM)", units.Single(u => u.Text.Contains("Output Impedance")).Section);
        Assert.Equal("POWER SUPPLIES", units.Single(u => u.Text.Contains("Supply Current")).Section);
    }

    [Fact]
    public void GroupInCapitals_RightUnderTheHeader_OpensTheFirstGroup_WhileALowerCaseFragmentContinuesTheHeader()
    {
        var grouped = Split("| Parameter | Conditions | Typ | Units |\n| POWER SUPPLIES |  |  |  |\n| Supply Current | VS = +10 V | 8 | mA |");
        var row = grouped.Single(u => u.Text.Contains("Supply Current"));
        Assert.Equal("POWER SUPPLIES", row.Section);
        Assert.Equal("Parameter", row.Fields[0].Label);

        var wrapped = Split("| Inhibitor | bc | ba |\n| concentration (g) |  |  |\n| 8 | 0.1240 | 0.0556 |");
        Assert.Null(Assert.Single(wrapped).Section);
        Assert.Equal("Inhibitor concentration (g)", Assert.Single(wrapped).Fields[0].Label);
    }

    [Fact]
    public void GroupWithItsOwnHeader_LabelsItsRowsByThatHeader()
    {
        const string table = """
            | 股东总数 | 26,029 户 |  |  |
            | 前 10 名股东持股情况 |  |  |  |
            | 股东名称 | 股东性质 | 持股比例 | 持股总数 |
            | 西安航空动力控制有限责任公司 | 国有法人 | 29.64% | 279,438,629 |
            """;
        var row = Split(table).Single(u => u.Text.Contains("29.64%"));
        Assert.Equal("前 10 名股东持股情况", row.Section);
        Assert.Equal([("股东名称", "西安航空动力控制有限责任公司"), ("股东性质", "国有法人"), ("持股比例", "29.64%"), ("持股总数", "279,438,629")], row.Fields);
        Assert.DoesNotContain(Split(table), u => u.Text.Contains("股东性质"));
    }

    [Fact]
    public void ATableOpeningWithASeparatorLine_HasNoHeader_SoItsFirstRowIsData()
    {
        // The chunker opens a chunk of a table without a header (or a later chunk of one) with a separator line.
        const string table = """
            | --- | --- | --- | --- |
            | 股东总数 | 26,029 户 |  |  |
            | 前 10 名股东持股情况 |  |  |  |
            | 股东名称 | 股东性质 | 持股比例 | 持股总数 |
            | 王家林 | 境内自然人 | 0.17% | 1,629,190 |
            """;
        var units = Split(table);
        Assert.Equal([("", "股东总数"), ("", "26,029 户")], units.Single(u => u.Text.Contains("26,029")).Fields);
        Assert.Equal(("持股比例", "0.17%"), units.Single(u => u.Text.Contains("王家林")).Fields[2]);
        Assert.DoesNotContain(units, u => u.Text.Contains("---"));

        const string continuation = """
            | --- | --- | --- | --- |
            | 王家林 | 境内自然人 | 0.17% | 1,629,190 |
            | 魏光勇 | 境内自然人 | 0.12% | 1,153,053 |
            """;
        Assert.Equal(2, Split(continuation).Count(u => u.Kind == UnitKind.TableRow));
        Assert.Single(Split("| --- | --- |\n| 王家林 | 0.17% | 1,629,190 |"), u => u.Text.Contains("王家林"));
    }

    [Fact]
    public void RowOfLabelsWithoutNumbersBelow_StaysARow()
    {
        const string table = """
            | 项目 | 要求 | 说明 |
            | 安全 |  |  |
            | 戴手套 | 禁止 | 卡盘旋转时 |
            """;
        Assert.Contains(Split(table), u => u.Text.Contains("戴手套") && u.Section == "安全");
    }

    [Fact]
    public void RowOfOneValue_IsData_NotAGroup()
    {
        const string table = """
            | 序号 | 项目 | 数值 |
            | 1 |  |  |
            | 2 | 扭矩 | 48 N·m |
            """;
        Assert.All(Split(table), u => Assert.Null(u.Section));
    }

    [Fact]
    public void ShortLabelLine_IsTheSection_OfTheLinesAfterIt()
    {
        var units = Split("核心小组\n工艺：张伟；质量：王磊；生产：刘洋\n注意事项\n装配前清洗零件。");
        Assert.Equal("核心小组", units.Single(u => u.Text.StartsWith("工艺")).Section);
        Assert.Equal("注意事项", units.Single(u => u.Text.StartsWith("装配前")).Section);
        Assert.Null(units.Single(u => u.Text == "核心小组").Section);
    }

    [Theory]
    [InlineData("装配前清洗零件。")]                   // a sentence
    [InlineData("拧紧扭矩 48 N·m")]                    // a value
    [InlineData("the operator must check the oil level before each shift and after")] // a long line of prose
    public void LineThatStatesSomething_IsNoSection(string line)
    {
        var units = Split(line + "\n检查油位。");
        Assert.Null(units.Single(u => u.Text == "检查油位。").Section);
    }

    [Fact]
    public void PeriodGluedToTheNextSentence_EndsTheSentence_ButNotADottedName()
    {
        var units = Split("The transition was tested for liquid flows.Taking these data into account, we conclude. The columns Sepal.Length and lp.Detectron2 stay whole.");
        Assert.Equal(["The transition was tested for liquid flows.", "Taking these data into account, we conclude.", "The columns Sepal.Length and lp.Detectron2 stay whole."],
            units.Select(u => u.Text));
    }
}
