using RagAssistant.Web.Components.Library;

namespace RagAssistant.Web.Tests.Components;

public sealed class SnippetTests
{
    [Fact]
    public void Snippet_MarksEveryOccurrence_CaseInsensitively()
    {
        var snippet = Snippet.Of("Check the Spindle speed; spindle oil daily.", ["spindle"]);

        Assert.Equal(["Spindle", "spindle"], snippet.Parts.Where(p => p.Marked).Select(p => p.Text));
        Assert.Equal("Check the Spindle speed; spindle oil daily.", snippet.Text);
    }

    [Fact]
    public void Snippet_StartsShortlyBeforeTheFirstMatch_InALongText()
    {
        var text = new string('甲', 300) + "电池重量 3380±50 g" + new string('乙', 300);

        var snippet = Snippet.Of(text, ["3380"]);

        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.Contains("电池重量 3380±50 g", snippet.Text, StringComparison.Ordinal);
        Assert.Equal("3380", Assert.Single(snippet.Parts, p => p.Marked).Text);
        Assert.True(snippet.Text.Length <= Snippet.Length + 2);
    }

    [Fact]
    public void Snippet_PrefersTheLongerTerm_WhereTwoOverlap()
    {
        var snippet = Snippet.Of("热处理后检验硬度", ["处理", "热处理"]);

        Assert.Equal("热处理", Assert.Single(snippet.Parts, p => p.Marked).Text);
    }

    [Fact]
    public void Snippet_WithoutAnOccurrence_IsTheTextsBeginning()
    {
        var snippet = Snippet.Of("工序 60\n\n精车外圆", ["渗碳"]);

        Assert.Equal("工序 60 精车外圆", snippet.Text);
        Assert.DoesNotContain(snippet.Parts, p => p.Marked);
    }
}
