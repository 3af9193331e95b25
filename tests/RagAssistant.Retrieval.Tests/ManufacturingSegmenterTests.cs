using Microsoft.Extensions.Options;
using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval.Tests;

public class ManufacturingSegmenterTests
{
    private static readonly ManufacturingSegmenter Segmenter = new(Options.Create(new RetrievalOptions()));

    [Fact]
    public void ChineseText_IsCutIntoWords()
    {
        var terms = Segmenter.Terms("精车Φ35k6轴颈的主轴转速为950 r/min");
        Assert.Contains("精车", terms);
        Assert.Contains("转速", terms);
        Assert.Contains("950", terms);
        Assert.Contains("φ35", terms);
    }

    [Fact]
    public void QueryAndDocument_ShareTerms()
    {
        var doc = Segmenter.Terms("| 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 转速 r/min: 950 |");
        var query = Segmenter.Terms("JD-2105 第60工序精车的转速");
        Assert.Contains("op60", doc);
        Assert.Contains("op60", query);
        Assert.Contains(query.Intersect(doc), t => t is "精车" or "转速");
    }

    [Fact]
    public void FullWidthAndCase_AreFolded()
    {
        Assert.Contains("abc", Segmenter.Terms("ＡＢＣ"));
    }

    [Fact]
    public void Punctuation_IsDropped()
    {
        Assert.DoesNotContain(Segmenter.Terms("检查，调整。"), t => t is "，" or "。");
    }

    [Fact]
    public void EveryChineseGlossaryTerm_IsAWordOfItsOwn()
    {
        // A glossary term the segmenter cuts into characters never reaches a query as itself: its translation is lost.
        var words = GlossaryEntries().SelectMany(e => e)
            .Select(w => w.ToLowerInvariant())
            .Where(w => w.Length >= 2 && w.All(c => c >= '\u4e00' && c <= '\u9fff'))
            .Distinct();
        var cut = words.Where(w => !Segmenter.Terms(w).Contains(w)).ToList();
        Assert.True(cut.Count == 0, "cut into pieces: " + string.Join(" ", cut));
    }

    [Fact]
    public void EveryChineseGlossaryTerm_BelongsToOneEntryOnly()
    {
        // A term in two entries expands to both entries' words, and which translation it stands for depends on file order.
        var twice = GlossaryEntries().SelectMany(e => e.Distinct())
            .Where(w => w.Any(c => c >= '\u4e00' && c <= '\u9fff'))
            .GroupBy(w => w).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "in more than one entry: " + string.Join(" ", twice));
    }

    /// <summary>Each entry's Chinese terms: its main term and its synonyms (the fields after a '|').</summary>
    private static IEnumerable<IEnumerable<string>> GlossaryEntries() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "rag-resources", "glossary-zh-en.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => f.Take(1).Concat(f.Where(x => x.StartsWith('|')).Select(x => x[1..])).Select(w => w.Trim()));
}
