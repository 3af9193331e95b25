using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public sealed class QuantityKindTests
{
    [Theory]
    [InlineData("What torque goes on the insert clamping screw?", "torque")]
    [InlineData("JD-2105-0318 第60工序精车的转速和进给是多少？", "speed feed")]
    [InlineData("What surface hardness is required after induction hardening?", "hardness")]
    [InlineData("热处理完齿轮孔径最多能变多少？", "length")]
    [InlineData("Ra 要求多少？表面粗糙度呢？", "roughness")]
    [InlineData("What is the max spindle speed with 1.5 MPa chuck pressure?", "speed")]
    [InlineData("Who approves the first article?", "")]
    public void AskedIn_NamesTheKindsTheQuestionAsksFor_NotThoseItGivesAValueOf(string question, string expected) =>
        Assert.Equal(expected, string.Join(" ", QuantityKind.AskedIn(question).Select(q => q.Name)));

    [Theory]
    [InlineData("torque", "拧紧扭矩要求：48±3 N·m。", true)]
    [InlineData("torque", "Tighten to 25 Nm in two steps.", true)]
    [InlineData("torque", "The tool life counter must be set to 60 parts.", false)]
    [InlineData("hardness", "感应淬火后表面硬度应为 52–57 HRC，有效硬化层深度 1.5–2.5 mm。", true)]
    [InlineData("hardness", "Induction hardening of 40Cr/42CrMo shafts", false)]
    [InlineData("speed", "主轴转速 950 r/min，进给量 0.10 mm/r", true)]
    [InlineData("feed", "主轴转速 950 r/min，进给量 0.10 mm/r", true)]
    [InlineData("feed", "主轴转速 950 r/min", false)]
    [InlineData("temperature", "回火温度 170–200 ℃", true)]
    [InlineData("pressure", "chuck pressure 1.2–1.8 MPa", true)]
    [InlineData("length", "齿轮内孔直径变化量不大于 0.03 mm", true)]
    [InlineData("length", "表面硬度 58–63 HRC", false)]
    [InlineData("roughness", "精车至 35.002–35.018 mm，Ra 0.8", true)]
    public void IsStatedIn_FindsANumberWithTheKindsUnit(string kind, string text, bool expected) =>
        Assert.Equal(expected, QuantityKind.All.Single(q => q.Name == kind).IsStatedIn(text, []));

    [Fact]
    public void IsStatedIn_FindsANumberUnderAColumnNamingTheKindOrItsUnit()
    {
        (string, string)[] row = [("紧固件", "刀片压紧螺钉"), ("规格", "M5"), ("扭矩 N·m", "3.5")];
        (string, string)[] speedRow = [("Chuck pressure (MPa)", "1.5"), ("Max spindle speed (r/min)", "1800")];
        Assert.True(QuantityKind.All.Single(q => q.Name == "torque").IsStatedIn("| 刀片压紧螺钉 | M5 | 3.5 |", row));
        Assert.True(QuantityKind.All.Single(q => q.Name == "speed").IsStatedIn("| 1.5 | 1800 |", speedRow));
        Assert.False(QuantityKind.All.Single(q => q.Name == "hardness").IsStatedIn("| 刀片压紧螺钉 | M5 | 3.5 |", row));
    }
}
