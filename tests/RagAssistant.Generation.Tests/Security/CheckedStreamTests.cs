using RagAssistant.Generation.Checking;

namespace RagAssistant.Generation.Tests.Security;

/// <summary>
/// The stream of a model's reply as the user sees it: held back where later text may still make a citation marker or
/// a link, released once checked, adding up to the checked reply however the model cuts its deltas.
/// </summary>
public sealed class CheckedStreamTests
{
    /// <summary>The check of an answer with three sources, as the answerer applies it.</summary>
    private static CheckedStream Stream() => new(reply => CitationChecker.CheckedText(MarkdownLinks.AsPlainText(reply), 3));

    private static string Check(string reply) => CitationChecker.CheckedText(MarkdownLinks.AsPlainText(reply), 3);

    public static TheoryData<string> Replies => new()
    {
        "扭矩为 25±2 N·m [1]，复检见 [9]。",
        "转速 950 r/min [0][1]，进给 0.10 mm/r [2, 7]。",
        "详见 [操作视频](http://evil.example/login \"视频\") 和 ![图](http://evil.example/a.png) [3]",
        "或访问 <http://evil.example/x>，邮件 <ops@evil.example> 【2】【8】",
        "见 [注意] 事项 [1] and the end!",
        "Markers at the end [1]   [12]",
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void CutAnywhere_TheReleasedTextAddsUpToTheCheckedReply(string reply)
    {
        for (var cut = 0; cut <= reply.Length; cut++)
        {
            var stream = Stream();
            var released = stream.Push(reply[..cut]) + stream.Push(reply[cut..]) + stream.Complete();
            Assert.Equal(Check(reply), released);
        }
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void DeltaByDelta_NoneShowsAMarkerOfAMissingSourceOrALink(string reply)
    {
        var stream = Stream();
        var shown = "";
        foreach (var c in reply)
        {
            shown += stream.Push(c.ToString());
            Assert.DoesNotContain("[9", shown);
            Assert.DoesNotContain("[0", shown);
            Assert.DoesNotContain("7]", shown);
            Assert.DoesNotContain("【8", shown);
            Assert.DoesNotContain("[12", shown);
            Assert.DoesNotContain("](", shown);
            Assert.DoesNotContain("<http", shown);
            Assert.DoesNotContain("<ops", shown);
        }
        Assert.Equal(Check(reply), shown + stream.Complete());
    }

    [Fact]
    public void TrailingSpace_IsHeldUntilWeKnowWhatFollows()
    {
        var stream = Stream();

        Assert.Equal("扭矩为 25 N·m", stream.Push("扭矩为 25 N·m "));
        Assert.Equal("", stream.Push("[9"));
        Assert.Equal("", stream.Push("]"));
        Assert.Equal("。", stream.Push("。"));
        Assert.Equal("", stream.Complete());
    }
}
