using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public sealed class QuantityKindTests
{
    [Theory]
    [InlineData("What torque goes on the insert clamping screw?", "torque")]
    [InlineData("JD-2105-0318 第60工序精车的转速和进给是多少？", "speed feed")]
    [InlineData("What surface hardness is required after induction hardening?", "hardness")]
    [InlineData("热处理完齿轮孔径最多能变多少？", "length")]
    [InlineData("Ra 要求多少？表面粗糙度呢？", "roughness")]
    [InlineData("What is the max spindle speed with 1.5 MPa chuck pressure?", "speed")]
    [InlineData("What is the oil capacity of the JD-2105 reducer?", "volume")]           // not a battery's capacity
    [InlineData("减速器立式安装加油量是多少？", "volume")]
    [InlineData("What is the rated power of the reducer motor?", "power")]
    [InlineData("CK6150 的主轴功率是多少千瓦？", "power")]
    [InlineData("What is the power supply voltage range?", "voltage")]      // a power supply's voltage, not a power
    [InlineData("SSM2163 逻辑输入高电平的最小阈值是多少伏？", "voltage")]
    [InlineData("What is the nominal capacity and internal resistance of the cell?", "charge resistance")]
    [InlineData("电芯的标称容量是多少？", "charge")]
    [InlineData("What is the maximum discharge current of the cell?", "current")]
    [InlineData("What is the current revision of WI-AS-021?", "")]                       // the present one, not amperes
    [InlineData("OP60 的检验频率是多少？", "")]                                            // how often, not hertz
    [InlineData("SSM2163 的时钟频率最高多少？", "frequency")]
    [InlineData("Who approves the first article?", "")]
    public void AskedIn_NamesTheKindsTheQuestionAsksFor_NotThoseItGivesAValueOf(string question, string expected) =>
        Assert.Equal(expected, string.Join(" ", QuantityKind.AskedIn(question).Select(q => q.Name)));

    [Theory]
    [InlineData("torque", "拧紧扭矩要求：48±3 N·m。", true)]
    [InlineData("torque", "Tighten to 25 Nm in two steps.", true)]
    [InlineData("torque", "The tool life counter must be set to 60 parts.", false)]
    [InlineData("hardness", "感应淬火后表面硬度应为 52–57 HRC，有效硬化层深度 1.5–2.5 mm。", true)]
    [InlineData("hardness", "Induction hardening of 40Cr/42CrMo shafts", false)]
    [InlineData("speed", "主轴转速 950 r/min，进给量 0.10 mm/r", true)]
    [InlineData("feed", "主轴转速 950 r/min，进给量 0.10 mm/r", true)]
    [InlineData("feed", "主轴转速 950 r/min", false)]
    [InlineData("temperature", "回火温度 170–200 ℃", true)]
    [InlineData("pressure", "chuck pressure 1.2–1.8 MPa", true)]
    [InlineData("length", "齿轮内孔直径变化量不大于 0.03 mm", true)]
    [InlineData("length", "表面硬度 58–63 HRC", false)]
    [InlineData("roughness", "精车至 35.002–35.018 mm，Ra 0.8", true)]
    [InlineData("volume", "立式安装 (V5/V6)加油量为 4.2 L。", true)]
    [InlineData("volume", "Way oil L-HG 68 (ISO VG 68)", false)]
    [InlineData("power", "额定输入功率 Rated input power 5.5 kW", true)]
    [InlineData("power", "driven by a 4-pole induction motor", false)]
    [InlineData("voltage", "Nominal voltage 3.2 V", true)]
    [InlineData("voltage", "额定电压 3.2V", true)]
    [InlineData("voltage", "Rev. V of the drawing", false)]
    [InlineData("current", "Output current 500 µA", true)]
    [InlineData("current", "Nominal capacity 196 Ah", false)]                     // ampere-hours are a charge, not a current
    [InlineData("charge", "Nominal capacity 196 Ah", true)]
    [InlineData("resistance", "AC internal resistance ≤ 0.25 mΩ", true)]
    [InlineData("frequency", "fCLK = 250 kHz", true)]
    [InlineData("energy", "Nominal energy 627.2 Wh", true)]
    [InlineData("torque", "每班首件用数显扭矩扳手复检全部螺栓，复检扭矩不得低于规定值的 90%。", true)] // a share of the specified torque
    [InlineData("torque", "Residual torque shall be at least 90 % of the specified torque.", true)]
    [InlineData("torque", "数显扭矩扳手精度 ±2 %", false)]
    [InlineData("pressure", "复检扭矩不得低于规定值的 90%。", false)] // a share of another kind's value
    public void IsStatedIn_FindsANumberWithTheKindsUnit(string kind, string text, bool expected) =>
        Assert.Equal(expected, QuantityKind.All.Single(q => q.Name == kind).IsStatedIn(text, []));

    [Fact]
    public void IsStatedIn_FindsANumberUnderAColumnNamingTheKindOrItsUnit()
    {
        (string, string)[] row = [("紧固件", "刀片压紧螺钉"), ("规格", "M5"), ("扭矩 N·m", "3.5")];
        (string, string)[] speedRow = [("Chuck pressure (MPa)", "1.5"), ("Max spindle speed (r/min)", "1800")];
        Assert.True(QuantityKind.All.Single(q => q.Name == "torque").IsStatedIn("| 刀片压紧螺钉 | M5 | 3.5 |", row));
        Assert.True(QuantityKind.All.Single(q => q.Name == "speed").IsStatedIn("| 1.5 | 1800 |", speedRow));
        Assert.False(QuantityKind.All.Single(q => q.Name == "hardness").IsStatedIn("| 刀片压紧螺钉 | M5 | 3.5 |", row));
    }

    [Fact]
    public void IsStatedIn_FindsANumberInARowWhoseColumnOfUnitsGivesTheKindsUnit()
    {
        (string, string)[] row = [("Parameter", "Logic Input HI"), ("Min", "2.0"), ("Units", "V")];
        (string, string)[] noFigure = [("Parameter", "Timing Characteristics"), ("Conditions", "See Timing Diagram"), ("Units", "V")];
        Assert.True(QuantityKind.All.Single(q => q.Name == "voltage").IsStatedIn("| Logic Input HI | 2.0 | V |", row));
        Assert.False(QuantityKind.All.Single(q => q.Name == "current").IsStatedIn("| Logic Input HI | 2.0 | V |", row));
        Assert.False(QuantityKind.All.Single(q => q.Name == "voltage").IsStatedIn("| Timing Characteristics | See Timing Diagram | V |", noFigure));
    }

    [Theory]
    [InlineData("MPa chuck pressure", 3, "pressure")]
    [InlineData("mm/r", 4, "feed")]
    [InlineData("mm 间隙", 2, "length")]
    [InlineData("μm", 2, "length roughness")]
    [InlineData("N·m", 3, "torque")]
    [InlineData("r/min", 5, "speed")]
    [InlineData("HRC", 3, "hardness")]
    [InlineData("kg", 2, "mass")]
    [InlineData("%", 1, "share")]
    [InlineData("h 后", 1, "duration")]
    [InlineData("小时", 2, "duration")]
    [InlineData("minutes", 7, "duration")]
    [InlineData("pieces", 0, "")]
    [InlineData("级螺栓", 0, "")]
    public void UnitAt_IsTheUnitTheTextStartsWith_AndTheKindsItStates(string text, int length, string kinds)
    {
        var unit = QuantityKind.UnitAt(text);
        Assert.Equal(length, unit.Length);
        Assert.Equal(kinds, string.Join(" ", unit.Kinds.Order()));
    }

    [Theory]
    [InlineData("r/min", true)]
    [InlineData("μm", true)]
    [InlineData("%", true)]
    [InlineData("min", true)]
    [InlineData("mm 间隙", false)]
    [InlineData("规格", false)]
    [InlineData("", false)]
    public void IsUnit_IsAUnitAndNothingElse(string text, bool expected) =>
        Assert.Equal(expected, QuantityKind.IsUnit(text));

    [Fact]
    public void ValuesIn_AreNumbersWithAUnit()
    {
        const string text = "CK6150 at 1.2 MPa, 950 r/min, 5kg, alarm 2001, 2 h";
        Assert.Equal(["1.2 MPa", "950 r/min", "5kg", "2 h"], QuantityKind.ValuesIn(text).Select(v => text.Substring(v.Index, v.Length)));
        Assert.Equal(["pressure", "speed", "mass", "duration"], QuantityKind.ValuesIn(text).Select(v => v.Kinds.Single()));
    }

    [Theory]
    [InlineData("2026年版标准规定保温 2 年", "2 年")]
    [InlineData("截至2010年6月30日，保温 3 天", "3 天")]
    [InlineData("Φ25H7 孔，保温 2 h", "2 h")]
    public void ADateOrAFit_IsNoValue(string text, string value) =>
        Assert.Equal([value], QuantityKind.ValuesIn(text).Select(v => text.Substring(v.Index, v.Length)));

    [Fact]
    public void AKindNoQuestionNames_IsNeverAsked()
    {
        Assert.Contains(QuantityKind.All, q => q.Name == "mass");
        Assert.Empty(QuantityKind.AskedIn("What mass? 多少 kg？ 百分之多少 %？"));
    }
}
