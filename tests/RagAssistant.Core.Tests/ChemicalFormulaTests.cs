using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public class ChemicalFormulaTests
{
    [Theory]
    [InlineData("What critical Reynolds number did the authors measure for hydrogen (H2)?", "H2")]
    [InlineData("CO2 的第二维里系数是多少？", "CO2")]
    [InlineData("Corrosion rate in 0.5 M H2SO4?", "H2SO4")]
    [InlineData("SF6 的临界雷诺数", "SF6")]
    [InlineData("Al2O3 涂层厚度", "Al2O3")]
    public void AFormulaOfElementSymbols_IsFound(string text, string formula) =>
        Assert.Equal([formula], ChemicalFormula.In(text));

    [Theory]
    [InlineData("M8 螺栓拧紧扭矩是多少？")]         // M is no element
    [InlineData("防护等级 IP65")]                  // two digits after one symbol
    [InlineData("JD-2105-0318 OP60 精车")]         // codes
    [InlineData("Restructuring costs in H1 2023?")] // a subscript 1 is never written
    [InlineData("Impairment in H2 2022?")]          // a half-year before its year
    [InlineData("Xenon and helium")]                // no digit
    [InlineData("6061-T6 铝板")]                    // inside a longer code
    public void ACodeOrAPeriod_IsNoFormula(string text) =>
        Assert.Empty(ChemicalFormula.In(text));
}
