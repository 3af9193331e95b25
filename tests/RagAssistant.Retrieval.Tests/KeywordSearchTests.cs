using RagAssistant.Testing;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Tests;

public abstract class KeywordSearchTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus> where TCorpus : CorpusSearchFixture
{
    private async Task<IReadOnlyList<SearchResult>> Search(string query, int top = 5, SearchFilter? filter = null) =>
        (await corpus.Retriever.SearchAsync(query, new SearchOptions(top, RetrieverMode.Keyword, filter))).Results;

    [SkippableFact]
    public async Task ClauseNumber_FindsTheClause()
    {
        var results = await Search("Q/JD 105 4.2.3条");
        Assert.Contains(results.Take(3), r => r.Chunk.Locator == "4.2.3" && r.Chunk.Source.Contains("2026"));
    }

    [SkippableFact]
    public async Task AskedOperation_OutranksAnotherOperationsRowThatMatchesMoreWords()
    {
        // OP60's 工序卡 rows say 主轴转速 word for word; the process card's operation 40 row says only 转速. The asked
        // operation decides which row answers.
        var results = (await corpus.Retriever.SearchAsync("JD-2105-0318 第40工序主轴转速是多少？", new SearchOptions(5, RetrieverMode.Hybrid))).Results;
        var firstRow = results.First(r => r.Chunk.Text.Contains("工序号:")).Chunk;
        Assert.Contains("JD-2105-0318", firstRow.Text);
        Assert.Contains("工序号: 40", firstRow.Text);
        Assert.DoesNotContain(results, r => r.Chunk.Text.Contains("工序号: 60"));
    }

    [SkippableFact]
    public async Task AskedMaterial_OutranksClausesAndRowsAboutAnotherMaterial()
    {
        // 40Cr passages repeat 调质硬度 more often; the table row naming 42CrMo is the one that answers.
        var results = (await corpus.Retriever.SearchAsync("Q/JD 105—2026 里 42CrMo 调质硬度要求多少？", new SearchOptions(5, RetrieverMode.Hybrid))).Results;
        Assert.Contains(results, r => r.Chunk.Text.Contains("269–302 HBW"));
        var firstNamingAMaterial = results.First(r => r.Chunk.Text.Contains("40Cr") || r.Chunk.Text.Contains("42CrMo")).Chunk;
        Assert.Contains("42CrMo", firstNamingAMaterial.Text);
    }

    [SkippableTheory]
    [InlineData("M10 螺栓扭矩是哪一版从 45 改成 48 的？", "由 45±3 N·m 改为 48±3 N·m")]
    [InlineData("支架本体镗孔转速以前是多少？", "750→900")]
    public async Task WhatChangedQuestion_RanksTheRecordStatingTheChangeFirst(string question, string change)
    {
        var results = (await corpus.Retriever.SearchAsync(question, new SearchOptions(5, RetrieverMode.Hybrid))).Results;
        Assert.Contains(change, results[0].Chunk.Text);
    }

    [SkippableFact]
    public async Task ThreadSize_FindsTheTighteningStep()
    {
        var results = await Search("M10×1.5 螺栓拧紧扭矩");
        Assert.Contains(results.Take(3), r => r.Chunk.Text.Contains("48±3"));
    }

    [SkippableFact]
    public async Task ChineseQuestion_FindsTheEnglishProcedure_ThroughTheGlossary()
    {
        var results = await Search("数控车床预热主轴转速", top: 5);
        Assert.Contains(results, r => r.Chunk.Source.EndsWith("CNC-Lathe-CK6150-Operating-Procedure.md"));
    }

    [SkippableFact]
    public async Task SupersededRevision_RanksBelowTheCurrent_UnlessChangesAreAsked()
    {
        var plain = await Search("渗碳淬火 表面硬度", top: 20);
        var firstCurrent = plain.First(r => r.Chunk.Source.Contains("Q-JD-105")).Chunk;
        Assert.False(firstCurrent.Superseded);
        Assert.Contains(plain, r => r.Chunk.Superseded); // still searchable, flagged

        var changes = await Search("Q/JD 105 2021版和2026版表面硬度有什么变化", top: 20);
        Assert.Contains(changes, r => r.Chunk.Superseded);
        Assert.Contains(changes, r => !r.Chunk.Superseded && r.Chunk.Source.Contains("2026"));
    }

    [SkippableFact]
    public async Task CurrentOnly_LeavesOutSupersededRevisions()
    {
        var results = await Search("渗碳淬火 表面硬度", top: 20, new SearchFilter(CurrentOnly: true));
        Assert.DoesNotContain(results, r => r.Chunk.Superseded);
    }

    [SkippableFact]
    public async Task LibraryFilter_ExcludesOtherLibraries()
    {
        Assert.Empty(await Search("扭矩", filter: new SearchFilter(Libraries: ["no-such-library"])));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\" * : ^ ( ) - NEAR AND OR")]
    [InlineData("'; DROP TABLE chunks; --")]
    [InlineData("扭矩 🔧🔩 torque")]
    [InlineData("Привет мир Schraube Drehmoment")]
    [InlineData("ねじの締付けトルク")]
    [InlineData("NEAR(扭矩 螺栓) AND \"M8")]
    public async Task AwkwardQueries_NeverThrow(string query)
    {
        var results = await Search(query);
        Assert.NotNull(results);
    }

    [SkippableFact]
    public async Task HugeQuery_IsCutAndStillAnswers()
    {
        var query = "M8×1.25 螺栓拧紧扭矩 " + new string('扭', 10_000);
        var results = await Search(query);
        Assert.NotNull(results);
    }

    [SkippableFact]
    public async Task SqlLookingText_DoesNotHarmTheDatabase()
    {
        await Search("x'); DELETE FROM documents; --");
        Assert.NotEmpty(await Search("扭矩"));
    }
}

public abstract class HybridSearchTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus> where TCorpus : CorpusSearchFixture
{
    [SkippableFact]
    public async Task Hybrid_ReportsBothRanks_AndFlagsSuperseded()
    {
        var (_, results) = await corpus.Retriever.SearchAsync("hydraulic chuck pressure CK6150", new SearchOptions(10));
        Assert.NotEmpty(results);
        Assert.Contains(results, r => r.DenseRank is not null);
        Assert.Contains(results, r => r.KeywordRank is not null);
        Assert.Equal(Enumerable.Range(1, results.Count), results.Select(r => r.Rank));
    }

    [SkippableFact]
    public async Task DenseOnly_UsesTheVectorIndex()
    {
        var (_, results) = await corpus.Retriever.SearchAsync("spindle warm-up", new SearchOptions(5, RetrieverMode.Dense));
        Assert.All(results, r => Assert.Null(r.KeywordRank));
        Assert.Equal(5, results.Count);
    }
}

public abstract class SearchFilterTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus> where TCorpus : CorpusSearchFixture
{
    [SkippableTheory]
    [InlineData(RetrieverMode.Keyword)]
    [InlineData(RetrieverMode.Dense)]
    [InlineData(RetrieverMode.Hybrid)]
    public async Task KindFilter_KeepsOnlyThatKind(RetrieverMode mode)
    {
        var (_, results) = await corpus.Retriever.SearchAsync("渗碳淬火 表面硬度 torque", new SearchOptions(10, mode, new SearchFilter(Kinds: ["standard"])));
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("standard", r.Chunk.Kind));
    }

    [SkippableTheory]
    [InlineData(RetrieverMode.Keyword)]
    [InlineData(RetrieverMode.Dense)]
    public async Task IdentityFilter_KeepsAllRevisionsOfThatDocument(RetrieverMode mode)
    {
        var (_, results) = await corpus.Retriever.SearchAsync("表面硬度", new SearchOptions(30, mode, new SearchFilter(Identity: "q/jd  105")));
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("Q/JD 105", r.Chunk.Identity));
        Assert.Contains(results, r => r.Chunk.Superseded);
    }
}

public sealed class SqliteKeywordSearchTests(CorpusSearchFixture corpus) : KeywordSearchTests<CorpusSearchFixture>(corpus);

public sealed class PostgresKeywordSearchTests : KeywordSearchTests<PostgresCorpusSearchFixture>
{
    public PostgresKeywordSearchTests(PostgresCorpusSearchFixture corpus) : base(corpus) => SharedPostgres.SkipUnlessAvailable();
}

public sealed class SqliteHybridSearchTests(CorpusSearchFixture corpus) : HybridSearchTests<CorpusSearchFixture>(corpus);

public sealed class PostgresHybridSearchTests : HybridSearchTests<PostgresCorpusSearchFixture>
{
    public PostgresHybridSearchTests(PostgresCorpusSearchFixture corpus) : base(corpus) => SharedPostgres.SkipUnlessAvailable();
}

public sealed class SqliteSearchFilterTests(CorpusSearchFixture corpus) : SearchFilterTests<CorpusSearchFixture>(corpus);

public sealed class PostgresSearchFilterTests : SearchFilterTests<PostgresCorpusSearchFixture>
{
    public PostgresSearchFilterTests(PostgresCorpusSearchFixture corpus) : base(corpus) => SharedPostgres.SkipUnlessAvailable();
}
