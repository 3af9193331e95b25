using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// A line that is only a measured value: a number with its unit ("3.2 V", "196 Ah", "25 N·m", "≤ 60 ℃", "1.5 MPa",
/// "3 件"), possibly a range or tolerance ("2.0–3.65 V", "25±3 °C") or a condition on one variable ("5 °C≤T<10 °C").
/// Such a line is a value standing on its own in a data sheet or a table cell, never a heading — yet "3.2 V" reads as
/// clause 3.2 titled "V", and a large bold "196 Ah" passes the font rules. Units come from a fixed list (SI and the
/// units of process cards and data sheets, with their prefixes), so a clause title such as "4 General" or "1 范围" is not
/// mistaken for one.
/// </summary>
public static partial class MeasuredValue
{
    /// <summary>Longer than this, a line says more than a value.</summary>
    private const int MaxLength = 40;

    public static bool IsWholeLine(string line)
    {
        var text = line.Trim();
        return text.Length is > 0 and <= MaxLength && Expression().IsMatch(text);
    }

    /// <summary>
    /// A line that starts with a value and its unit of two or more characters, then goes on ("1.3 mm and the length of
    /// 300 mm."): a sentence wrapped just before its number, not a clause "1.3" (single-letter units are left out: "5.2 A
    /// sample shall…" is a clause).
    /// </summary>
    public static bool StartsLine(string line) => LeadingValue().IsMatch(line.TrimStart());

    private const string Number = @"[-+−]?\d+(?:[.,]\d+)?";

    // An SI unit with its prefix, or a unit of its own; a power (mm², m/s^2) may follow.
    private const string Atom = @"(?:(?:[kMGTmµμunpc]|da)?(?:Ah|Wh|VA|var|V|A|W|Hz|N|Pa|bar|g|m|s|h|min|L|l|Ω|ohm|J|K|C|t|mol|dB|lm|lx)"
        + @"|°C|℃|°F|℉|°|%|‰|ppm|rpm|psi|HRC|HBW|HB|HV|Kg|in|ft|lb|kgf)(?:[²³]|\^-?\d)?";

    private const string ChineseUnit = @"(?:毫米|厘米|千米|公里|米|千克|公斤|克|吨|毫升|升|秒|分钟|小时|天|周|月|年|次|个|件|台|套|只|片|伏|安|瓦|千瓦|欧|兆帕|帕|摄氏度|度|转/分|牛·米)";

    private const string Unit = "(?:" + Atom + @"(?:\s?[·•*./]\s?" + Atom + ")*|r/min|" + ChineseUnit + ")";

    // A value: an optional comparison, a number, an optional range or tolerance, then its unit.
    private const string Quantity = @"(?:(?:[≤≥<>~≈]|<=|>=)\s*)?" + Number + @"(?:\s*(?:[-~～–—]|to|至)\s*" + Number + @")?(?:\s*±\s*" + Number + @")?\s*" + Unit;

    private const string Operator = @"(?:<=|>=|[≤≥<>=≈~～–—])";

    [GeneratedRegex(@"^" + Number + @"\s*" + Unit + @"(?<=\S\S)(?![\w/])")]
    private static partial Regex LeadingValue();

    // One value, or a condition on one variable ("T", "U", "Tamb"): "5 °C≤T<10 °C", "T ≤ 60 °C".
    [GeneratedRegex(@"^(?:[A-Za-z]\w{0,3}\s*" + Operator + @"\s*)?" + Quantity + @"(?:\s*" + Operator + @"\s*(?:" + Quantity + @"|[A-Za-z]\w{0,3}))*$")]
    private static partial Regex Expression();
}
