using System.Text.RegularExpressions;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// A kind of measured value a question may ask for — a torque, a hardness, a spindle speed — with the words that name it
/// and the units a passage states it in. "What torque goes on the insert clamping screw?" is answered by a row stating
/// N·m, not by a sentence about the insert that happens to hold some other number ("set to 60 parts").
/// </summary>
/// <param name="Name">What the kind is called (for logs and tests).</param>
/// <param name="Named">Words naming the kind, in Chinese and English.</param>
/// <param name="Unit">The units it is stated in, as they follow a number.</param>
/// <param name="Symbol">A symbol written before the number instead ("Ra 0.8"), where the kind has one.</param>
public sealed partial record Quantity(string Name, Regex Named, Regex Unit, Regex? Symbol = null)
{
    /// <summary>The kinds the product knows, in no particular order: a question may name several ("转速和进给").</summary>
    public static IReadOnlyList<Quantity> All { get; } =
    [
        new("torque", Torque(), TorqueUnit()),
        new("hardness", Hardness(), HardnessUnit()),
        new("speed", Speed(), SpeedUnit()),
        new("feed", Feed(), FeedUnit()),
        new("temperature", Temperature(), TemperatureUnit()),
        new("pressure", Pressure(), PressureUnit()),
        new("roughness", Roughness(), RoughnessUnit(), RoughnessSymbol()),
        new("force", Force(), ForceUnit()),
        new("length", Length(), LengthUnit()),
    ];

    /// <summary>
    /// The kinds a question asks for ("转速和进给是多少" asks for speed and feed): the kinds it names, less those it states a
    /// value of itself — "the max spindle speed with 1.5 MPa chuck pressure" gives the pressure and asks for the speed.
    /// </summary>
    public static IReadOnlyList<Quantity> AskedIn(string question)
    {
        var asText = new AnswerUnit(UnitKind.Sentence, question, []);
        return All.Where(q => q.Named.IsMatch(question) && !q.IsStatedIn(asText)).ToList();
    }

    /// <summary>
    /// Whether a sentence or row states a value of this kind: a number followed by one of its units ("3.5 N·m", "52–57 HRC"),
    /// or a table cell holding a number under a column that names the kind or its unit ("扭矩 N·m | 3.5").
    /// </summary>
    public bool IsStatedIn(AnswerUnit unit) =>
        NumberWithUnit().Matches(unit.Text).Any(m => Unit.IsMatch(m.Groups["unit"].Value))
        || Symbol is not null && Symbol.IsMatch(unit.Text)
        || unit.Fields.Any(f => f.Value.Any(char.IsAsciiDigit) && (Named.IsMatch(f.Label) || Unit.IsMatch(f.Label)));

    /// <summary>A number or range (48±3, 52–57, 0.10) and the few characters after it, where its unit stands.</summary>
    [GeneratedRegex(@"\d+(?:[.,]\d+)?(?:\s*(?:±|~|～|–|—|-|to|至)\s*\d+(?:\.\d+)?)?\s*(?<unit>[^\d\s,，;；|]{0,8}(?:\s?[^\d\s,，;；|]{1,4})?)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWithUnit();

    [GeneratedRegex(@"扭矩|力矩|\btorques?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Torque();

    [GeneratedRegex(@"^(N\s*[·.⋅•]?\s*m|牛\s*[·.]?\s*米|kgf\s*[·.]?\s*m)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex TorqueUnit();

    [GeneratedRegex(@"硬度|\bhardness\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hardness();

    [GeneratedRegex(@"^(HRC|HRB|HRA|HBW|HBS|HB|HV\d*|HK)(?![A-Za-z])")]
    private static partial Regex HardnessUnit();

    [GeneratedRegex(@"转速|\b(spindle |rotational |cutting )?speeds?\b|\brpm\b", RegexOptions.IgnoreCase)]
    private static partial Regex Speed();

    [GeneratedRegex(@"^(r\s*/\s*min|rpm|min\s*[-⁻]\s*1|m\s*/\s*min)", RegexOptions.IgnoreCase)]
    private static partial Regex SpeedUnit();

    [GeneratedRegex(@"进给|\bfeeds?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Feed();

    [GeneratedRegex(@"^mm\s*/\s*(r|rev|min|z|齿|转)", RegexOptions.IgnoreCase)]
    private static partial Regex FeedUnit();

    [GeneratedRegex(@"温度|温升|\btemperatures?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Temperature();

    [GeneratedRegex(@"^(℃|°\s*C|摄氏度|deg\s*C\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TemperatureUnit();

    [GeneratedRegex(@"压力|气压|油压|\bpressures?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pressure();

    [GeneratedRegex(@"^(MPa|kPa|Pa|bar|psi)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex PressureUnit();

    [GeneratedRegex(@"粗糙度|\broughness\b", RegexOptions.IgnoreCase)]
    private static partial Regex Roughness();

    [GeneratedRegex(@"^(µm|μm|um)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex RoughnessUnit();

    [GeneratedRegex(@"(?<![A-Za-z])(Ra|Rz)\s*[≤<=]?\s*\d")]
    private static partial Regex RoughnessSymbol();

    [GeneratedRegex(@"压装力|拉力|夹紧力|预紧力|\bforces?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Force();

    [GeneratedRegex(@"^(kN|N)(?![A-Za-z·.⋅•])")]
    private static partial Regex ForceUnit();

    [GeneratedRegex(@"跳动|直径|孔径|外径|内径|深度|厚度|长度|间隙|层深|\b(run-?outs?|diameters?|depths?|thickness|lengths?|clearances?|gaps?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Length();

    [GeneratedRegex(@"^(mm|µm|μm|um|丝)(?![A-Za-z/])", RegexOptions.IgnoreCase)]
    private static partial Regex LengthUnit();
}
