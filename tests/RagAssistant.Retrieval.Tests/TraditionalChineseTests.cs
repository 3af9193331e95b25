using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// Traditional characters fold to simplified ones for matching (OpenCC's table), so a simplified question finds a
/// traditional document (a Hong Kong supplier's claim form) by keyword and the other way round; simplified text, the
/// glossary and the user dictionary fold to themselves.
/// </summary>
public sealed class TraditionalChineseTests : IAsyncLifetime
{
    private SmallKnowledgeBase? _kb;

    public async Task InitializeAsync() => _kb = await SmallKnowledgeBase.CreateAsync(new Dictionary<string, string>
    {
        ["claim-form.md"] = "# 汽車保險索償申請表\n\n## 索償須知\n\n請於事故發生後三十天內遞交本表格及所有有關文件。\n",
        ["coolant.md"] = "# 切削液管理\n\n## 浓度\n\n切削液浓度保持在 5% 至 8%。\n",
    });

    public async Task DisposeAsync() => await _kb!.DisposeAsync();

    [Theory]
    [InlineData("汽車保險索償申請表", "汽车保险索偿申请表")]
    [InlineData("螺絲扭矩規範", "螺丝扭矩规范")]
    [InlineData("乾燥後著色", "乾燥后著色")] // 乾 and 著 are simplified characters too: they stay
    [InlineData("JD-2105 減速器", "jd-2105 减速器")]
    public void TraditionalCharacters_FoldToSimplified(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void TheGlossaryAndTheUserDictionary_FoldToThemselves()
    {
        var resources = Path.Combine(AppContext.BaseDirectory, "rag-resources");
        var words = File.ReadLines(Path.Combine(resources, "userdict-manufacturing.txt")).Select(l => l.Split(' ')[0])
            .Concat(File.ReadLines(Path.Combine(resources, "glossary-zh-en.tsv")).Where(l => !l.StartsWith('#')).SelectMany(l => l.Split('\t')))
            .Select(w => w.TrimStart('|').ToLowerInvariant())
            .Where(w => w.Length > 0 && !w.Contains('—') && !w.Contains('–') && !w.Contains('~'));
        Assert.Empty(words.Where(w => TextFolding.Fold(w) != w.Normalize(System.Text.NormalizationForm.FormKC)).Take(10));
    }

    [Theory]
    [InlineData("汽车保险索偿申请表要多少天内交？")]
    [InlineData("汽車保險索償申請表要多少天內交？")]
    public async Task AQuestionInEitherScript_FindsTheTraditionalForm_ByKeyword(string question)
    {
        var (_, results) = await _kb!.Services.GetRequiredService<HybridRetriever>()
            .SearchAsync(question, new SearchOptions(5, RetrieverMode.Keyword));

        Assert.NotEmpty(results);
        Assert.EndsWith("claim-form.md", results[0].Chunk.Source, StringComparison.Ordinal);
        Assert.Contains("三十天", results[0].Chunk.Text, StringComparison.Ordinal);
    }
}
