using RagAssistant.Generation.Llm.Llama;

namespace RagAssistant.Generation.Tests.Llm;

public sealed class StopSequenceFilterTests
{
    private static (string Text, bool Stopped) Run(bool trimStart, params string[] pieces)
    {
        var filter = new StopSequenceFilter(["User:", "System:"], trimStart);
        var text = string.Concat(pieces.Select(filter.Push)) + filter.Flush();
        return (text, filter.Stopped);
    }

    [Fact]
    public void StopsAtTheNextUserTurn_DroppingItAndTheNewlineBefore() =>
        Assert.Equal(("Torque 25 N·m.", true), Run(false, "Torque", " 25 N·m.", "\n", "Us", "er", ": and", " more"));

    [Fact]
    public void AFalseStart_OfAStop_IsReleased() =>
        Assert.Equal(("Use the torque wrench.", false), Run(false, "Us", "e the", " torque wrench.\n"));

    [Fact]
    public void LeadingWhitespace_IsTrimmed_WhenAsked() =>
        Assert.Equal(("Once", false), Run(true, " ", " Once"));

    [Fact]
    public void HeldBackText_IsNotEmittedEarly()
    {
        var filter = new StopSequenceFilter(["User:"], trimStart: false);
        Assert.Equal("Done.", filter.Push("Done.\nUs"));
        Assert.Equal("", filter.Push("er"));
        Assert.Equal("", filter.Push(":"));
        Assert.True(filter.Stopped);
    }
}
