using RagAssistant.Core.Search;

namespace RagAssistant.Core.Tests;

public sealed class RevisionChangesTests
{
    [Theory]
    [InlineData("jd-2105-0318 工艺过程卡 b 版相对 a 版，op60 改了哪些参数？", true)]
    [InlineData("输出轴 a 版工艺卡上 op60 精车原来用的转速是多少？", true)]
    [InlineData("what changed between rev a and rev b?", true)]
    [InlineData("jd-2105-0318 第60工序精车的主轴转速是多少？", false)]
    [InlineData("which revision is current?", false)]
    [InlineData("40cr 调质硬度现在按多少验收？还是 229–269 hbw 吗？", true)]
    [InlineData("is the insert torque still 3.0 n·m?", true)]
    [InlineData("用定扭扳手还是数显扳手？", false)]
    [InlineData("if the spindle still vibrates, what should i check?", false)]
    public void WhatChangedQuestions_AreRecognised(string folded, bool expected) =>
        Assert.Equal(expected, RevisionChanges.IsAskedIn(folded));

    [Theory]
    [InlineData("d) 渗碳件低温回火温度由 160–200 ℃ 改为 180±10 ℃", true)]
    [InlineData("OP60 转速 800→950 r/min、进给 0.12→0.10 mm/r", true)]
    [InlineData("The chuck pressure was changed from 1.5 to 1.8 MPa.", true)]
    [InlineData("零件淬火后应在 2 h 内回火。", false)]
    public void ChangeStatements_AreRecognised(string text, bool expected) =>
        Assert.Equal(expected, RevisionChanges.IsStatedIn(text));
}
