using RagAssistant.Ingestion.Benchmarks;

namespace RagAssistant.Ingestion.Tests.Benchmarks;

/// <summary>The CER of issue #25: Levenshtein edits ÷ reference characters, after NFKC and whitespace removal — nothing more.</summary>
public sealed class CharacterErrorRateTests
{
    [Fact]
    public void Distance_CountsInsertionsDeletionsAndSubstitutions()
    {
        Assert.Equal(0, CharacterErrorRate.Distance("扭矩", "扭矩"));
        Assert.Equal(1, CharacterErrorRate.Distance("扭短", "扭矩"));   // one substitution
        Assert.Equal(1, CharacterErrorRate.Distance("扭", "扭矩"));     // one deletion
        Assert.Equal(1, CharacterErrorRate.Distance("扭矩值", "扭矩")); // one insertion
        Assert.Equal(3, CharacterErrorRate.Distance("kitten", "sitting"));
        Assert.Equal(5, CharacterErrorRate.Distance("", "12345"));
    }

    [Fact]
    public void Of_DividesByTheReferenceLength()
    {
        Assert.Equal(0.25, CharacterErrorRate.Of("M8x1", "M8×1"), 6);
        Assert.Equal(1.0, CharacterErrorRate.Of("", "主轴"), 6);
        Assert.Equal(0.0, CharacterErrorRate.Of("", ""), 6);
        Assert.Equal(1.0, CharacterErrorRate.Of("噪声", ""), 6);
    }

    [Fact]
    public void Normalise_FoldsFullWidthFormsByNfkcAndDropsAllWhitespace()
    {
        Assert.Equal("A1,:(x)", CharacterErrorRate.Normalise("Ａ１， ：（ｘ）"));
        Assert.Equal("主轴转速950r/min", CharacterErrorRate.Normalise("主轴 转速\t950 r/min\n"));
        Assert.Equal("°C", CharacterErrorRate.Normalise("℃"));
        Assert.Equal(0.0, CharacterErrorRate.Of("调质硬度 269-302 HBW（按Q/JD 105）", "调质硬度269-302HBW(按 Q/JD 105)"), 6);
    }

    [Fact]
    public void Normalise_KeepsWhatNfkcKeeps()
    {
        // CJK full stop and enumeration comma have no compatibility form: read as "." and "," they are errors.
        Assert.Equal("。、", CharacterErrorRate.Normalise("。、"));
        Assert.Equal(2, CharacterErrorRate.Distance(CharacterErrorRate.Normalise(".,"), CharacterErrorRate.Normalise("。、")));
        // Dashes are not folded either (the eval's gold rule folds them; the CER does not).
        Assert.Equal(1, CharacterErrorRate.Distance("269-302", "269–302"));
    }

    [Fact]
    public void Edits_AlignTheTextsWithAsManyEditsAsTheDistance()
    {
        var edits = CharacterErrorRate.Edits("60°CN·m", "60℃N·m".Normalize(System.Text.NormalizationForm.FormKC));
        Assert.Empty(edits);

        edits = CharacterErrorRate.Edits("Φ35k6", "Φ35k6轴颈");
        Assert.Equal(["轴→∅", "颈→∅"], edits.Select(e => e.ToString()));

        edits = CharacterErrorRate.Edits("M8x1.25", "M8×1.25");
        Assert.Equal("×→x", Assert.Single(edits).ToString());

        edits = CharacterErrorRate.Edits("1.0.5", "1.05");
        Assert.Equal("∅→.", Assert.Single(edits).ToString());
        Assert.Equal(CharacterErrorRate.Distance("花键铣床YK3150", "铣花键 YK3150 滚齿机".Replace(" ", "")),
            CharacterErrorRate.Edits("花键铣床YK3150", "铣花键YK3150滚齿机").Count);
    }
}
