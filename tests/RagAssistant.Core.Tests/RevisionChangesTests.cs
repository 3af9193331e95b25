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
