using Microsoft.Extensions.Options;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Tests;

/// <summary>What the query analyzer reads a question to ask for (<see cref="QuestionIntent"/>, carried on <see cref="AnalyzedQuery.Intent"/>).</summary>
public sealed class QuestionIntentTests
{
    private static readonly QueryAnalyzer Analyzer =
        new(new Text.ManufacturingSegmenter(Options.Create(new RetrievalOptions())), Text.Glossary.Load([]));

    private static QuestionIntent Intent(string question) => Analyzer.Analyze(question).Intent;

    /// <summary>The names of the yes/no answers that are yes, in declaration order.</summary>
    private static string Flags(QuestionIntent intent) => string.Join(" ", new (string Name, bool Set)[]
    {
        (nameof(intent.AsksValue), intent.AsksValue), (nameof(intent.AsksFrequency), intent.AsksFrequency),
        (nameof(intent.AsksDate), intent.AsksDate), (nameof(intent.AsksDuration), intent.AsksDuration),
        (nameof(intent.AsksDefinition), intent.AsksDefinition), (nameof(intent.AsksPurpose), intent.AsksPurpose),
        (nameof(intent.AsksWhatChanged), intent.AsksWhatChanged), (nameof(intent.AsksAboutRevisions), intent.AsksAboutRevisions),
    }.Where(f => f.Set).Select(f => f.Name));

    [Fact]
    public void AQuestionAskingNothingInParticular_HasNoIntent()
    {
        var intent = Intent("Who approves the first article inspection report?");
        Assert.Equal("", Flags(intent));
        Assert.Empty(intent.Quantities);
        Assert.Empty(intent.Numbers);
        Assert.Empty(intent.RevisionLetters);
    }

    [Fact]
    public void TheDigitsOfAFormula_AreNoNumbersOfTheQuestion()
    {
        // H2SO4's 4 had made every table row without a 4 "lack" a number the question names.
        var intent = Intent("不加缓蚀剂时，不锈钢在 0.5 M H2SO4 中的腐蚀速率是多少 mm/year？");
        Assert.Equal(["0.5"], intent.Numbers);
        Assert.Equal(["H2SO4"], intent.Formulas);
    }

    [Theory]
    [InlineData("JD-2105-0318 第60工序精车的主轴转速是多少？", "AsksValue")]
    [InlineData("CK6150 液压油多久更换一次？", "AsksValue AsksFrequency")]
    [InlineData("回火保温多长时间？", "AsksValue AsksDuration")]
    [InlineData("When does Q/JD 105-2026 take effect?", "AsksValue AsksDate")]
    [InlineData("什么是首件检验？", "AsksDefinition")]
    [InlineData("A 版工艺卡上原来用的转速是多少？", "AsksValue AsksWhatChanged AsksAboutRevisions")]
    [InlineData("What is the surface roughness required for the Φ35k6 journal?", "AsksValue")] // three words before the kind
    public void Intent_OfTypicalQuestions(string question, string flags) => Assert.Equal(flags, Flags(Intent(question)));

    [Theory]
    [InlineData("CK6150 液压油多久更换一次？")]
    [InlineData("中间齿轮 JD-2105-0422 滚齿工序的检验频次是多少？")]
    [InlineData("How often is the coolant concentration checked?")]
    public void HowOften_AsksFrequency_NotDuration(string question)
    {
        var intent = Intent(question);
        Assert.True(intent.AsksFrequency);
        Assert.False(intent.AsksDuration); // 多久…一次 asks how often, though 多久 alone asks how long
    }

    [Theory]
    [InlineData("回火保温多长时间？")]
    [InlineData("渗碳后多少小时内必须回火？")]
    [InlineData("How long must the part soak at 920 °C?")]
    public void HowLong_AsksDuration(string question)
    {
        var intent = Intent(question);
        Assert.True(intent.AsksDuration);
        Assert.False(intent.AsksFrequency);
    }

    [Theory]
    [InlineData("Q/JD 105—2026 什么时候开始实施？")]
    [InlineData("这批毛坯是哪天入库的？")]
    [InlineData("When does Q/JD 105-2026 take effect?")]
    public void When_AsksDate(string question) => Assert.True(Intent(question).AsksDate);

    [Fact]
    public void HowMuch_AsksValue_AndNamesTheKindOfQuantity()
    {
        var intent = Intent("M8 螺栓拧紧扭矩是多少？");
        Assert.True(intent.AsksValue);
        Assert.False(intent.AsksDate);
        Assert.Equal(["torque"], intent.Quantities);

        var english = Intent("What torque goes on the insert clamping screw?");
        Assert.True(english.AsksValue);
        Assert.Equal(["torque"], english.Quantities);
    }

    [Theory]
    [InlineData("什么是首件检验？")]
    [InlineData("首件检验英文怎么说？")]
    [InlineData("What does alarm 2001 mean on the CK6150?")]
    public void WhatItMeans_AsksDefinition(string question) => Assert.True(Intent(question).AsksDefinition);

    [Theory]
    [InlineData("WI-AS-021 作业指导书的目的是什么？")]
    [InlineData("Q/JD 105 适用于哪些零件？")]
    [InlineData("What is the scope of WI-AS-021?")]
    public void WhatItIsFor_AsksPurpose(string question) => Assert.True(Intent(question).AsksPurpose);

    [Theory]
    [InlineData("2026 版和 2021 版渗碳温度有什么区别？")]
    [InlineData("JD-2105-0318 第60工序的转速改了吗？")]
    [InlineData("40Cr 调质硬度还是 229–269 HBW 吗？")]
    [InlineData("What changed in Rev B of the process card?")] // read over the folded question: the capital W does not matter
    public void WhatChanged_AsksWhatChanged_AndAboutRevisions(string question)
    {
        var intent = Intent(question);
        Assert.True(intent.AsksWhatChanged);
        Assert.True(intent.AsksAboutRevisions);
    }

    [Theory]
    [InlineData("JD-2105-0318 工艺卡的历次修订记录")]
    [InlineData("A 版工艺卡上 OP60 的转速是多少？")]
    [InlineData("What is the spindle speed in Rev B?")]
    public void NamingARevision_AsksAboutRevisions_WithoutAskingWhatChanged(string question)
    {
        var intent = Intent(question);
        Assert.True(intent.AsksAboutRevisions);
        Assert.False(intent.AsksWhatChanged);
    }

    [Theory]
    [InlineData("JD-2105-0318 第60工序的主轴转速是多少？")]
    [InlineData("2026 版热处理标准渗碳件表面硬度是多少？")] // an edition is no revision
    public void AnOrdinaryQuestion_DoesNotAskAboutRevisions(string question)
    {
        var intent = Intent(question);
        Assert.False(intent.AsksAboutRevisions);
        Assert.False(intent.AsksWhatChanged);
        Assert.False(Analyzer.Analyze(question).AsksAboutRevisions);
    }

    [Theory]
    [InlineData("A 版工艺卡上原来用的转速是多少？", "A")]
    [InlineData("版本：B 的精车进给量", "B")]
    [InlineData("What changed in Rev C?", "C")]
    [InlineData("2026 版热处理标准渗碳件表面硬度是多少？", "")]
    [InlineData("PDF 版作业指导书在哪里？", "")]
    public void RevisionLetters_AreTheCapitalsTheQuestionNamesAsRevisions(string question, string letters) =>
        Assert.Equal(letters, string.Join(" ", Intent(question).RevisionLetters));

    [Fact]
    public void NamesRevision_MatchesTheLetterAndItsSubRevisions_NotOtherLetters()
    {
        var intent = Intent("A 版工艺卡上原来用的转速是多少？");
        Assert.True(intent.NamesRevision("A"));
        Assert.True(intent.NamesRevision("A/1"));
        Assert.True(intent.NamesRevision("A.2"));
        Assert.False(intent.NamesRevision("B"));
        Assert.False(intent.NamesRevision("AB"));
        Assert.False(intent.NamesRevision(null));
    }

    [Theory]
    [InlineData("2026 版热处理标准渗碳件表面硬度是多少？", "2026")]
    [InlineData("2026 版和 2021 版渗碳温度有什么区别？", "2026 2021")]
    [InlineData("What does the 2021 edition of Q/JD 105 require for 40Cr?", "2021")]
    [InlineData("Q/JD 105—2026 什么时候开始实施？", "")] // the year of a standard's number is no edition
    public void Editions_AreYearsNamedAsAnEdition(string question, string editions) =>
        Assert.Equal(editions, string.Join(" ", Intent(question).Editions));

    [Theory]
    [InlineData("On the CK6150, what's the max spindle speed at 1.8 MPa chuck pressure?", "1.8")] // 6150 belongs to CK6150
    [InlineData("What does alarm 2001 mean on the CK6150?", "2001")]
    [InlineData("Q/JD 105—2026 什么时候开始实施？", "")] // 105 and 2026 belong to the standard's number
    [InlineData("2026 版热处理标准渗碳件表面硬度是多少？", "")] // 2026 is the edition
    [InlineData("M8 螺栓拧紧扭矩是多少？", "")] // one digit is no anchor
    [InlineData("JD-2105-0318 第60工序的主轴转速是多少？", "")] // the part number's digits, and 60 has two
    public void AnchorNumbers_AreLongOrDecimalNumbers_OutsideIdentifiersAndEditions(string question, string anchors) =>
        Assert.Equal(anchors, string.Join(" ", Intent(question).AnchorNumbers));

    [Fact]
    public void Numbers_AreEveryNumberAsWritten_AnchorsOrNot()
    {
        Assert.Equal(["8"], Intent("M8 螺栓拧紧扭矩是多少？").Numbers);
        Assert.Contains("2026", Intent("2026 版热处理标准渗碳件表面硬度是多少？").Numbers);
        Assert.Contains("1.8", Intent("What is the max spindle speed at 1.8 MPa chuck pressure?").Numbers);
    }

    [Theory]
    [InlineData("JD-2105-0318 第60工序精车的转速是多少？", "op60")]
    [InlineData("OP60 的进给量是多少？", "op60")]
    [InlineData("What is the feed of op 40?", "op40")]
    [InlineData("工序号 30 用什么刀具？", "op30")]
    [InlineData("输出轴精车的转速是多少？", "")]
    public void Operations_AreTheOperationNumbersTheQuestionNames(string question, string operations) =>
        Assert.Equal(operations, string.Join(" ", Intent(question).Operations.Order()));

    [Theory]
    [InlineData("42CrMo 调质硬度是多少？", "42crmo")]
    [InlineData("20CrMnTi 渗碳层深度是多少？", "20crmnti")]
    [InlineData("渗碳件表面硬度是多少？", "")]
    public void Materials_AreTheMaterialsTheQuestionNames(string question, string materials) =>
        Assert.Equal(materials, string.Join(" ", Intent(question).Materials.Order()));

    [Theory]
    [InlineData("输出轴控制计划里 OP30 调质硬度每炉抽几件？", "件", "样本容量: 5 件", "规范/公差: 241–286 HBW")]
    [InlineData("How many days after the accident must I submit the claim?", "days", "within 30 days of the accident", "within a month")]
    public void ACountQuestion_AsksInAUnit_ThatANumberInItStates(string question, string unit, string stating, string notStating)
    {
        var intent = Intent(question);
        Assert.Equal([unit], intent.AskedUnits);
        Assert.True(intent.StatesAskedUnit(stating));
        Assert.False(intent.StatesAskedUnit(notStating));
    }
}
