using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class TextViewTests
{
    private static bool StatesAValue(string text, params string[] questionNumbers) =>
        new TextView(text, TestSources.Analyzer).HasNumberBeyond(questionNumbers.ToHashSet());

    [Fact]
    public void TheDigitsOfStationToolAndDocumentCodes_AreNoValue()
    {
        Assert.False(StatesAValue("本作业指导书适用于装配二线 AS2-03 工位 JD-2105 变速箱支架总成的螺栓拧紧及扭矩检查。", "2105", "8"));
        Assert.False(StatesAValue("按 WI-AS-021 用扳手 TW-021-02 复检，记入 QA-2026-014。"));
    }

    [Fact]
    public void TheDigitsOfSteelGrades_AreNoValue()
    {
        Assert.False(StatesAValue("Induction hardening of 40Cr/42CrMo shafts (CQI-9 assessed)", "42"));
        Assert.False(StatesAValue("材料 20CrMnTi 锻件，HT250 铸件"));
        // The material pattern the index reads: grades with a number after the alloy symbols, aluminium tempers.
        Assert.False(StatesAValue("42CrMo4 shafts, 6061-T6 brackets, Q235 plate"));
    }

    [Fact]
    public void MeasuredValues_RangesAndDates_AreValues()
    {
        Assert.True(StatesAValue("M8 螺栓拧紧扭矩 25±2 N·m", "8"));
        Assert.True(StatesAValue("淬火温度 850-870 ℃"));
        Assert.True(StatesAValue("Check pressure 1.5 MPa on CK6150-03"));
        Assert.True(StatesAValue("生效日期 2026-05-10"));
        Assert.True(StatesAValue("感应淬火后表面硬度 52HRC"));
        Assert.True(StatesAValue("Supply voltage 24V"));
    }

    [Theory]
    [InlineData("No.: JD-PS-2105 版本 Rev.: 02 日期 Date: 2026-05-20", "20", false)]
    [InlineData("截至 2010 年 6 月 30 日的余额", "6", false)]
    [InlineData("Ratio i = 20: rated output torque 380 N·m", "20", true)]
    [InlineData("工步号 6，主轴转速 800 r/min", "6", true)]
    [InlineData("Date: 2026-05-20", "2026", true)]
    public void ASmallNumber_IsHeldOnlyOutsideTheTextsDates(string text, string number, bool held) =>
        Assert.Equal(held, new TextView(text, TestSources.Analyzer).ContainsNumber(number, Core.Search.QuestionIntent.None));

    [Fact]
    public void AnEnglishWord_IsFoundInItsOtherForms_ButNotInsideAnotherWord()
    {
        var row = new TextView("Quarterly: Hydraulic unit — Replace oil (40 L) and filter element", TestSources.Analyzer);
        Assert.True(row.Contains("replaced", isIdentifier: false));
        Assert.True(row.Contains("elements", isIdentifier: false));
        Assert.False(row.Contains("boiled", isIdentifier: false));
    }

    [Fact]
    public void AnEnglishWord_IsFoundInItsHyphenatedSpelling()
    {
        var row = new TextView("| Yearly | Spindle bearings | Check run-out (max 0.005 mm) |", TestSources.Analyzer);
        Assert.True(row.Contains("runout", isIdentifier: false));
        Assert.True(row.Contains("run", isIdentifier: false));
        Assert.False(row.Contains("runway", isIdentifier: false));
    }
}
