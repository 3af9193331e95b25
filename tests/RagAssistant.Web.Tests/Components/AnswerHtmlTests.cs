using RagAssistant.Web.Answers;

namespace RagAssistant.Web.Tests.Components;

/// <summary>Answers come from a model or quote documents: neither may put HTML, scripts or outside resources on the page.</summary>
public sealed class AnswerHtmlTests
{
    [Fact]
    public void RawHtml_IsShownAsText_NeverRun()
    {
        var html = AnswerHtml.Render("扭矩 25 N·m <script>alert(1)</script> <img src=x onerror=alert(2)>");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void JavascriptLinks_LoseTheirTarget_WebAddressesShowAsText()
    {
        var html = AnswerHtml.Render("[点我](javascript:alert(1)) and [规范](https://example.com/spec)");
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("href", html);
        Assert.Contains("规范 (https://example.com/spec)", html);
    }

    [Fact]
    public void LinksWrittenInADocument_AreShownAsText_NeverAsLinks()
    {
        // Issue #19: a quoted line (or a model repeating it) must not put a clickable phishing link under the answer.
        var html = AnswerHtml.Render("- 见 [点击这里](http://evil.example/login) 或 <http://evil.example/x> [1]");

        Assert.DoesNotContain("<a", html);
        Assert.Contains("点击这里 (http://evil.example/login)", html);
        Assert.Contains("http://evil.example/x", html);
        Assert.Contains("data-n=\"1\"", html);
    }

    [Fact]
    public void Images_AreDropped_SoNothingLoadsFromOutside()
    {
        var html = AnswerHtml.Render("见图 ![示意图](http://cdn.example.com/a.png)");
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("cdn.example.com", html);
        Assert.Contains("示意图", html);
    }

    [Fact]
    public void CitationMarkers_BecomeButtonsCarryingTheirNumber()
    {
        var html = AnswerHtml.Render("转速 950 r/min [1]，进给 0.10 mm/r [2][3]。");
        Assert.Contains("<button type=\"button\" class=\"rag-cite\" data-n=\"1\">1</button>", html);
        Assert.Contains("data-n=\"2\"", html);
        Assert.Contains("data-n=\"3\"", html);
    }

    [Fact]
    public void MarkdownStructure_IsKept()
    {
        var html = AnswerHtml.Render("**注意**\n\n- 第一条\n- 第二条\n\n| 工序 | 转速 |\n|---|---|\n| 60 | 950 |");
        Assert.Contains("<strong>注意</strong>", html);
        Assert.Contains("<li>第一条</li>", html);
        Assert.Contains("<table>", html);
    }
}
