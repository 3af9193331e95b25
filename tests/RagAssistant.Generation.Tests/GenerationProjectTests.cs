namespace RagAssistant.Generation.Tests;

public class GenerationProjectTests
{
    [Fact]
    public void Generation_assembly_loads() => Assert.Equal("RagAssistant.Generation", typeof(Placeholder).Assembly.GetName().Name);
}
