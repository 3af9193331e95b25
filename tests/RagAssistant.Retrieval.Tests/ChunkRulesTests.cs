using Microsoft.Extensions.Options;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Ranking;

namespace RagAssistant.Retrieval.Tests;

/// <summary>The ranking rules of fused chunks (<see cref="ChunkRules"/>) and the dense lists' fusion weight (<see cref="DenseListRule"/>).</summary>
public sealed class ChunkRulesTests
{
    private static readonly QueryAnalyzer Analyzer =
        new(new Text.ManufacturingSegmenter(Options.Create(new RetrievalOptions())), Text.Glossary.Load([]));

    private static readonly RelevanceOptions Defaults = new();

    /// <summary>A fused score as reciprocal rank fusion gives it (the rules start from it).</summary>
    private const double Fused = 0.032;

    private static RetrievedChunk Chunk(string text, string? revision = null, bool superseded = false) => new()
    {
        ChunkId = 1, DocumentId = 1, Library = "default", Source = "/docs/card.pdf", Title = "JD-2105-0318 输出轴机械加工工艺过程卡",
        Kind = "pdf", Locator = "", Context = "", Text = text, Identity = "JD-2105-0318", Revision = revision, Superseded = superseded,
    };

    /// <summary>The trace of a chunk's fused score after one rule.</summary>
    private static ScoreTrace Apply(ChunkRule rule, string question, RetrievedChunk chunk)
    {
        var trace = new ScoreTrace(Fused);
        rule.Apply(Analyzer.Analyze(question), chunk, trace);
        return trace;
    }

    private static void AssertApplied(ScoreTrace trace, string rule, double factor, string evidence)
    {
        var effect = Assert.Single(trace.Effects);
        Assert.Equal(rule, effect.Rule);
        Assert.Equal(Fused, effect.Before, 12);
        Assert.Equal(Fused * factor, effect.After, 12);
        Assert.Equal(evidence, effect.Evidence);
        Assert.Equal(Fused * factor, trace.Score, 12);
    }

    private static void AssertNotApplied(ScoreTrace trace)
    {
        Assert.Empty(trace.Effects);
        Assert.Equal(Fused, trace.Score);
    }

    // ---- SupersededRevision ----

    private const string OldCardRow = "工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 800 | 进给量 mm/r: 0.12";

    [Fact]
    public void SupersededRevision_LowersASupersededChunk_ForAnOrdinaryQuestion() =>
        AssertApplied(Apply(new SupersededRevisionRule(Defaults.SupersededRevision), "JD-2105-0318 第60工序的主轴转速是多少？",
            Chunk(OldCardRow, revision: "A", superseded: true)), "SupersededRevision", 0.8, "superseded revision A");

    [Theory]
    [InlineData("A 版工艺卡上第60工序原来用的转速是多少？")]
    [InlineData("JD-2105-0318 第60工序的转速改了吗？")]
    [InlineData("JD-2105-0318 工艺卡的历次修订记录")]
    public void SupersededRevision_LeavesASupersededChunkAlone_WhenTheQuestionAsksAboutRevisions(string question) =>
        AssertNotApplied(Apply(new SupersededRevisionRule(Defaults.SupersededRevision), question, Chunk(OldCardRow, revision: "A", superseded: true)));

    [Fact]
    public void SupersededRevision_LeavesTheCurrentRevisionAlone() =>
        AssertNotApplied(Apply(new SupersededRevisionRule(Defaults.SupersededRevision), "JD-2105-0318 第60工序的主轴转速是多少？",
            Chunk(OldCardRow, revision: "B")));

    // ---- UnnamedRevision ----

    [Fact]
    public void UnnamedRevision_LowersAChunkOfAnotherLetteredRevision_WhenTheQuestionNamesOne() =>
        AssertApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "What did Rev A of the output shaft card specify for OP60?",
            Chunk(OldCardRow, revision: "B")), "UnnamedRevision", 0.8, "revision B, not A");

    [Fact]
    public void UnnamedRevision_ReadsTheRevisionARowStates_WhereTheDocumentHasNone() =>
        AssertApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "输出轴 A 版工序卡 OP60 的转速是多少？",
            Chunk("零件号: JD-2105-0318 | 版本: B | 工序号: 60 | 主轴转速 r/min: 950")), "UnnamedRevision", 0.8, "revision B, not A");

    [Theory]
    [InlineData("A", null)] // the named revision
    [InlineData(null, "工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 950")] // no revision at all
    [InlineData("2021", "4.2.2 渗碳淬火件心部硬度 28–45 HRC。")] // an edition year, not a lettered revision
    public void UnnamedRevision_LeavesAloneTheNamedRevision_AndChunksOfNoLetteredRevision(string? revision, string? text) =>
        AssertNotApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "输出轴 A 版工艺卡上 OP60 原来用的转速是多少？",
            Chunk(text ?? OldCardRow, revision: revision)));

    private const string HardnessClause = "4.2.2 渗碳淬火件心部硬度 30–45 HRC。";

    [Fact]
    public void UnnamedRevision_LowersAChunkOfAnotherEdition_WhenTheQuestionNamesOne() =>
        AssertApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "What core hardness did the 2021 edition of Q/JD 105 require?",
            Chunk(HardnessClause, revision: "2026")), "UnnamedRevision", 0.8, "edition 2026, not 2021");

    [Theory]
    [InlineData("2021")] // the named edition
    [InlineData("B")] // a lettered revision: no edition
    public void UnnamedRevision_LeavesAloneTheNamedEdition_AndChunksOfNoEdition(string revision) =>
        AssertNotApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "What core hardness did the 2021 edition of Q/JD 105 require?",
            Chunk(HardnessClause, revision: revision)));

    [Fact]
    public void UnnamedRevision_LeavesTheNewerEditionAlone_WhenTheQuestionAsksWhatChangedSinceTheNamedOne() =>
        AssertNotApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "与 2021 版相比，心部硬度改了什么？",
            Chunk(HardnessClause, revision: "2026")));

    [Fact]
    public void SupersededRevision_LeavesASupersededEditionToTheEditionTheQuestionNames()
    {
        // Named, the superseded edition is what is asked; another edition named, UnnamedRevision lowers it once, not twice.
        AssertNotApplied(Apply(new SupersededRevisionRule(Defaults.SupersededRevision), "What core hardness did the 2021 edition of Q/JD 105 require?",
            Chunk(HardnessClause, revision: "2021", superseded: true)));
        AssertNotApplied(Apply(new SupersededRevisionRule(Defaults.SupersededRevision), "2026 版 Q/JD 105 心部硬度要求是多少？",
            Chunk(HardnessClause, revision: "2021", superseded: true)));
        AssertApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "2026 版 Q/JD 105 心部硬度要求是多少？",
            Chunk(HardnessClause, revision: "2021", superseded: true)), "UnnamedRevision", 0.8, "edition 2021, not 2026");
    }

    [Fact]
    public void UnnamedRevision_LeavesEveryChunkAlone_WhenTheQuestionNamesNoRevision() =>
        AssertNotApplied(Apply(new UnnamedRevisionRule(Defaults.UnnamedRevision), "JD-2105-0318 第60工序的主轴转速是多少？",
            Chunk(OldCardRow, revision: "B")));

    // ---- OtherOperation ----

    [Fact]
    public void OtherOperation_LowersARowOfAnotherOperation() =>
        AssertApplied(Apply(new OtherOperationRule(Defaults.OtherOperation), "JD-2105-0318 第60工序的主轴转速是多少？",
            Chunk("工序号: 40 | 工序名称: 粗车外圆 | 主轴转速 r/min: 600 | 进给量 mm/r: 0.3")), "OtherOperation", 0.5, "names op40");

    [Theory]
    [InlineData("工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10")] // the asked operation
    [InlineData("OP40 粗车后转入 OP60 精车，两道工序之间不得磕碰。")] // names the asked one among others
    [InlineData("精车时应充分浇注切削液，主轴转速按工序卡执行。")] // names no operation: a general clause
    public void OtherOperation_LeavesAloneAChunkNamingTheAskedOperationOrNone(string text) =>
        AssertNotApplied(Apply(new OtherOperationRule(Defaults.OtherOperation), "JD-2105-0318 第60工序的主轴转速是多少？", Chunk(text)));

    [Fact]
    public void OtherOperation_LeavesAloneEveryChunk_WhenTheQuestionNamesNoOperationOrMaterial() =>
        AssertNotApplied(Apply(new OtherOperationRule(Defaults.OtherOperation), "输出轴精车的主轴转速是多少？",
            Chunk("工序号: 40 | 工序名称: 粗车外圆 | 主轴转速 r/min: 600 | 进给量 mm/r: 0.3")));

    [Fact]
    public void OtherOperation_LowersAClauseOfAnotherMaterial()
    {
        var rule = new OtherOperationRule(Defaults.OtherOperation);
        AssertApplied(Apply(rule, "42CrMo 调质硬度是多少？", Chunk("40Cr 调质硬度 229–269 HBW。")), "OtherOperation", 0.5, "names 40cr");
        AssertNotApplied(Apply(rule, "42CrMo 调质硬度是多少？", Chunk("42CrMo 调质硬度 255–302 HBW。")));
    }

    // ---- ChangeRecord ----

    [Theory]
    [InlineData("B 版将 OP60 主轴转速由 800 r/min 改为 950 r/min。")]
    [InlineData("OP60 主轴转速 800→950 r/min")]
    public void ChangeRecord_RaisesAChunkStatingAChange_WhenTheQuestionAsksWhatChanged(string text) =>
        AssertApplied(Apply(new ChangeRecordRule(Defaults.ChangeRecord), "JD-2105-0318 第60工序的转速改了吗？", Chunk(text)),
            "ChangeRecord", 1.5, "states a change");

    [Fact]
    public void ChangeRecord_LeavesAloneAChunkStatingNoChange() =>
        AssertNotApplied(Apply(new ChangeRecordRule(Defaults.ChangeRecord), "JD-2105-0318 第60工序的转速改了吗？",
            Chunk("工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 主轴转速 r/min: 950 | 进给量 mm/r: 0.10")));

    [Fact]
    public void ChangeRecord_LeavesAChangeRecordAlone_WhenTheQuestionDoesNotAskWhatChanged() =>
        AssertNotApplied(Apply(new ChangeRecordRule(Defaults.ChangeRecord), "JD-2105-0318 第60工序的主轴转速是多少？",
            Chunk("OP60 主轴转速 800→950 r/min")));

    // ---- The list ----

    [Fact]
    public void ChunkRules_AreNamedByTheirOption_AndTakeTheirWeightFromIt()
    {
        var options = new RelevanceOptions { SupersededRevision = 0.7, UnnamedRevision = 0.6, OtherOperation = 0.3, ChangeRecord = 2.5 };
        var rules = ChunkRules.From(options);
        Assert.Equal(["SupersededRevision", "UnnamedRevision", "OtherOperation", "ChangeRecord"], rules.Select(r => r.Name));
        Assert.Equal([0.7, 0.6, 0.3, 2.5], rules.Select(r => r.Weight));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Summary)));
        Assert.All(rules, r => Assert.NotNull(typeof(RelevanceOptions).GetProperty(r.Name)));
    }

    [Fact]
    public void ChunkRules_ApplyInTurn_EachOnTheScoreTheLastLeft()
    {
        var query = Analyzer.Analyze("JD-2105-0318 第60工序的主轴转速是多少？");
        var chunk = Chunk("工序号: 40 | 工序名称: 粗车外圆 | 主轴转速 r/min: 600 | 进给量 mm/r: 0.3", revision: "A", superseded: true);
        var trace = new ScoreTrace(Fused);
        foreach (var rule in ChunkRules.From(Defaults)) rule.Apply(query, chunk, trace);
        Assert.Equal(["SupersededRevision", "OtherOperation"], trace.Effects.Select(e => e.Rule));
        Assert.Equal(trace.Effects[0].After, trace.Effects[1].Before);
        Assert.Equal(Fused * 0.8 * 0.5, trace.Score, 12);
    }

    [Fact]
    public void EveryRule_HasATestHere()
    {
        var tests = typeof(ChunkRulesTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0)
            .Select(m => m.Name).ToList();
        var untested = ChunkRules.From(Defaults).Select(r => r.Name)
            .Where(name => !tests.Any(t => t.StartsWith(name + "_", StringComparison.Ordinal))).ToList();
        Assert.True(untested.Count == 0, "rules without a test named after them: " + string.Join(", ", untested));
    }

    // ---- DenseList ----

    [Fact]
    public void DenseList_AListedModel_TakesItsWeightForTheQuestionsLanguage()
    {
        var options = new RelevanceOptions();
        options.DenseLists["bge-small-zh-v1.5"] = new DenseLanguageWeights { En = 0.2, Zh = 0.4 };
        Assert.Equal(0.2, DenseListRule.WeightOf(options, "bge-small-zh-v1.5", "en", modelUnderstandsChinese: true));
        Assert.Equal(0.4, DenseListRule.WeightOf(options, "bge-small-zh-v1.5", "zh", modelUnderstandsChinese: true));
        Assert.Equal(0.4, DenseListRule.WeightOf(options, "BGE-Small-ZH-v1.5", "zh", modelUnderstandsChinese: true)); // names ignore case
    }

    [Fact]
    public void DenseList_AnUnlistedModel_TakesTheDefault()
    {
        var options = new RelevanceOptions { DenseListDefault = 0.25, DenseListChineseWithEnglishModel = 0.05 };
        Assert.Equal(0.25, DenseListRule.WeightOf(options, "e5-small-v2", "en", modelUnderstandsChinese: false));
        Assert.Equal(0.25, DenseListRule.WeightOf(options, "bge-m3", "zh", modelUnderstandsChinese: true));
    }

    [Fact]
    public void DenseList_AChineseQuestion_WithAnUnlistedEnglishOnlyModel_TakesTheChineseWithEnglishModelWeight()
    {
        var options = new RelevanceOptions { DenseListDefault = 0.25, DenseListChineseWithEnglishModel = 0.05 };
        Assert.Equal(0.05, DenseListRule.WeightOf(options, "e5-small-v2", "zh", modelUnderstandsChinese: false));
        Assert.Equal(0.0, DenseListRule.WeightOf(new RelevanceOptions(), "e5-small-v2", "zh", modelUnderstandsChinese: false)); // noise: off by default
    }

    [Fact]
    public void DenseList_AListedEnglishOnlyModel_KeepsItsListedWeight_ForAChineseQuestion() =>
        // Listing a model says what it weighs; only an unlisted model falls back on what it can read.
        Assert.Equal(0.1, DenseListRule.WeightOf(new RelevanceOptions(), "all-MiniLM-L6-v2", "zh", modelUnderstandsChinese: false));
}
