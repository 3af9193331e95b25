using RagAssistant.Core.Text;

namespace RagAssistant.Core.Tests;

public sealed class EnglishStemTests
{
    [Theory]
    [InlineData("replaced", "replac")]
    [InlineData("colors", "color")]
    [InlineData("pieces", "piece")]
    [InlineData("batteries", "batter")]
    [InlineData("copies", "copy")]                                    // "cop" would be shorter than a stem may be
    [InlineData("bodies", "body")]
    [InlineData("switches", "switch")]
    [InlineData("tightening", "tighten")]
    [InlineData("connected", "connect")]
    [InlineData("muted", "mute")]
    [InlineData("timing", "time")]
    [InlineData("stopped", "stop")]
    [InlineData("planned", "plan")]
    [InlineData("drilled", "drill")]
    public void PluralAndTenseEndings_ComeOff(string word, string stem) => Assert.Equal(stem, EnglishStem.Of(word));

    [Theory]
    [InlineData("process")]
    [InlineData("status")]
    [InlineData("analysis")]
    [InlineData("speed")]
    [InlineData("used")]
    [InlineData("cutting")]                                          // "cut" is shorter than a stem may be
    [InlineData("bowed")]
    [InlineData("nuts")]
    [InlineData("m8x1.25")]
    [InlineData("扭矩")]
    public void OtherWords_StayWhole(string word) => Assert.Equal(word, EnglishStem.Of(word));
}
