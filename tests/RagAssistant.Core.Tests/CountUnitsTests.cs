using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public sealed class CountUnitsTests
{
    [Theory]
    [InlineData("件", "pcs")]
    [InlineData("天", "days")]
    [InlineData("小时", "h")]
    [InlineData("days", "天")]
    public void AUnit_IsSpelledInBothLanguages(string unit, string spelling) => Assert.Contains(spelling, CountUnits.SpellingsOf(unit));

    [Fact]
    public void AnUnknownUnit_IsOnlyItself() => Assert.Equal(["furlongs"], CountUnits.SpellingsOf("furlongs"));
}
