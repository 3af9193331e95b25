using RagAssistant.Generation.Checking;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class CitationCheckerTests
{
    private static readonly string[] Sources =
    [
        "零件号: JD-2105-0318 | 工序号: 60 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10",
        "拧紧扭矩 25 N·m，进给量 0.10 mm/r。",
        "粗车转速 2350 r/min。",
    ];

    private static CheckedAnswer Check(string answer, string question = "转速是多少？") =>
        CitationChecker.Check(answer, Sources.Length, n => Sources[n - 1], question);

    [Fact]
    public void ValidCitation_IsKept()
    {
        var result = Check("主轴转速 950 r/min [1]。");
        Assert.Equal("主轴转速 950 r/min [1]。", result.Text);
        Assert.Equal([1], result.Cited);
        Assert.Equal(0, result.RemovedCitations);
        Assert.Empty(result.UnsupportedNumbers);
    }

    [Fact]
    public void ListedCitation_IsWrittenAsSeparateMarkers()
    {
        var result = Check("进给量 0.10 mm/r [1, 2]。");
        Assert.Equal("进给量 0.10 mm/r [1][2]。", result.Text);
        Assert.Equal([1, 2], result.Cited);
    }

    [Fact]
    public void FullWidthBrackets_AreCitations()
    {
        var result = Check("拧紧扭矩 25 N·m【2】。");
        Assert.Equal("拧紧扭矩 25 N·m[2]。", result.Text);
        Assert.Equal([2], result.Cited);
        Assert.Empty(result.UnsupportedNumbers);
    }

    [Fact]
    public void InvalidCitation_IsRemovedAndCounted()
    {
        var result = Check("The torque is 25 N·m [7]. The speed is 950 r/min [1].");
        Assert.Equal("The torque is 25 N·m. The speed is 950 r/min [1].", result.Text);
        Assert.Equal(1, result.RemovedCitations);
        Assert.Equal([1], result.Cited);
        Assert.DoesNotContain(" .", result.Text);
    }

    [Fact]
    public void InvalidCitation_InAList_LeavesTheValidOnes()
    {
        var result = Check("扭矩 25 N·m [2, 7]，转速 950 r/min [0][1]。");
        Assert.Equal("扭矩 25 N·m [2]，转速 950 r/min [1]。", result.Text);
        Assert.Equal(2, result.RemovedCitations);
        Assert.Equal([2, 1], result.Cited);
    }

    [Fact]
    public void InvalidCitation_InTheMiddle_LeavesNoDoubleSpace()
    {
        var result = Check("扭矩 25 N·m [7] 见文件 [2]。");
        Assert.Equal("扭矩 25 N·m 见文件 [2]。", result.Text);
    }

    [Fact]
    public void Cited_IsInOrderOfFirstAppearance_AndDistinct()
    {
        var result = Check("转速 2350 r/min [3]。扭矩 25 N·m [2]。主轴转速 950 r/min [3][1]。进给量 0.10 mm/r [2]。");
        Assert.Equal([3, 2, 1], result.Cited);
    }

    [Fact]
    public void NumberInNoCitedSource_IsUnsupported()
    {
        var result = Check("转速 1200 r/min [1]");
        Assert.Equal(["1200"], result.UnsupportedNumbers);
    }

    [Fact]
    public void NumberFromTheQuestion_IsAllowed()
    {
        var result = Check("JD-2105-0318 第60工序的 1200 r/min 不对，主轴转速为 950 r/min [1]。", "第60工序是 1200 r/min 吗？");
        Assert.Empty(result.UnsupportedNumbers);
    }

    [Fact]
    public void NumberInAnUncitedSource_DoesNotCount()
    {
        // 25 is in source 2, which the answer does not cite.
        var result = Check("主轴转速 950 r/min，扭矩 25 N·m [1]。");
        Assert.Equal(["25"], result.UnsupportedNumbers);
    }

    [Fact]
    public void ListMarkers_AtLineStarts_AreNotNumbers()
    {
        var result = Check("1. 主轴转速 950 r/min [1]\n2. 进给量 0.10 mm/r [1]\n- 扭矩 25 N·m [2]\n3) 转速 2350 r/min [3]\n- 4. 转速 950 r/min [1]");
        Assert.Empty(result.UnsupportedNumbers);
    }

    [Fact]
    public void ListMarker_IsNotMistakenForTheNumberInTheMiddleOfALine()
    {
        Assert.Equal(["950", "4"], CitationChecker.Numbers("1. 转速 950 r/min，共 4. 道工序").ToList());
    }

    [Theory]
    [InlineData("粗车转速 2,350 r/min [3]。")]
    [InlineData("粗车转速 ２３５０ r/min [3]。")]
    public void ThousandsSeparatorsAndFullWidthDigits_AreFolded(string answer) =>
        Assert.Empty(Check(answer).UnsupportedNumbers);

    [Fact]
    public void ThousandsSeparator_InTheSource_MatchesAPlainNumber()
    {
        var result = CitationChecker.Check("转速 2350 r/min [1]", 1, _ => "转速 2,350 r/min", "转速？");
        Assert.Empty(result.UnsupportedNumbers);
    }

    [Fact]
    public void NumbersAreComparedAsWritten_So0Point1IsNot0Point10()
    {
        var result = Check("进给量 0.1 mm/r [1]。");
        Assert.Equal(["0.1"], result.UnsupportedNumbers);
    }
}
