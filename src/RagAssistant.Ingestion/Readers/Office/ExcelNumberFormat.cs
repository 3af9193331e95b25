using System.Globalization;
using System.Text;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Renders a cell's number as the sheet displays it, from its number format: the built-in formats by id (0–49, and
/// the Chinese-locale date ids 27–36 and 50–58) and custom format codes — sections for positive; negative; zero,
/// fixed decimals, thousands separators, percentages, scientific notation, quoted and escaped literals, colours and
/// conditions dropped, and dates and times (yyyy, m/mm/mmm, d/dd/ddd, h, mm as minutes after h or before s, ss,
/// AM/PM, 上午/下午, elapsed [h]). Built-in id 14 depends on the reader's locale in Excel (m/d/yyyy in en-US,
/// yyyy/m/d in zh-CN); it is written as the unambiguous yyyy-mm-dd here. Fractions fall back to General.
/// </summary>
public static class ExcelNumberFormat
{
    private static readonly Dictionary<int, string> BuiltIn = new()
    {
        [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00", [9] = "0%", [10] = "0.00%",
        [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ??/??", [14] = "yyyy-mm-dd", [15] = "d-mmm-yy", [16] = "d-mmm",
        [17] = "mmm-yy", [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss", [22] = "yyyy-mm-dd h:mm",
        [27] = "yyyy\"年\"m\"月\"", [28] = "m\"月\"d\"日\"", [29] = "m\"月\"d\"日\"", [30] = "m-d-yy", [31] = "yyyy\"年\"m\"月\"d\"日\"",
        [32] = "h\"时\"mm\"分\"", [33] = "h\"时\"mm\"分\"ss\"秒\"", [34] = "上午/下午h\"时\"mm\"分\"", [35] = "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        [36] = "yyyy\"年\"m\"月\"", [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)", [39] = "#,##0.00;(#,##0.00)",
        [40] = "#,##0.00;[Red](#,##0.00)", [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mm:ss.0", [48] = "##0.0E+0", [49] = "@",
        [50] = "yyyy\"年\"m\"月\"", [51] = "m\"月\"d\"日\"", [52] = "yyyy\"年\"m\"月\"", [53] = "m\"月\"d\"日\"", [54] = "m\"月\"d\"日\"",
        [55] = "上午/下午h\"时\"mm\"分\"", [56] = "上午/下午h\"时\"mm\"分\"ss\"秒\"", [57] = "yyyy\"年\"m\"月\"", [58] = "m\"月\"d\"日\"",
    };

    /// <summary>The format code of a built-in id, or null for ids Excel leaves to the locale and this reader does not know.</summary>
    public static string? BuiltInCode(int id) => BuiltIn.GetValueOrDefault(id);

    public static string Format(double value, string? code, bool date1904 = false)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Equals("General", StringComparison.OrdinalIgnoreCase) || double.IsNaN(value) || double.IsInfinity(value))
            return General(value);
        var sections = SplitSections(code);
        var section = sections[0];
        var negativeSection = false;
        if (value < 0 && sections.Count > 1) { section = sections[1]; negativeSection = true; }
        else if (value == 0 && sections.Count > 2) section = sections[2];
        section = StripBrackets(section, out var elapsed);
        if (section.Trim() == "@" || section.Trim().Length == 0) return General(value);
        try
        {
            if (elapsed is not null || IsDateFormat(section))
                return ExcelDates.Format(value, section, elapsed, date1904) ?? General(value);
            if (section.Contains('?') && section.Contains('/')) return General(value);
            return FormatNumber(negativeSection ? Math.Abs(value) : value, section);
        }
        catch (FormatException)
        {
            return General(value);
        }
    }

    /// <summary>General: integers as they are, other numbers to 15 significant digits (no binary noise such as 0.30000000000000004).</summary>
    public static string General(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return value.ToString("0", CultureInfo.InvariantCulture);
        var rounded = double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var abs = Math.Abs(rounded);
        return abs is >= 1e-9 and < 1e15
            ? rounded.ToString("0.###############", CultureInfo.InvariantCulture)
            : rounded.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static List<string> SplitSections(string code)
    {
        var sections = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"') quoted = !quoted;
            if (ch == '\\' && i + 1 < code.Length) { sb.Append(ch).Append(code[++i]); continue; }
            if (ch == ';' && !quoted) { sections.Add(sb.ToString()); sb.Clear(); continue; }
            sb.Append(ch);
        }
        sections.Add(sb.ToString());
        return sections;
    }

    /// <summary>Drops [Red], [Color 10], [&gt;=100], [$-804]; keeps a currency symbol [$€-407] as text; returns an elapsed-time unit [h]/[mm]/[ss].</summary>
    private static string StripBrackets(string section, out char? elapsed)
    {
        elapsed = null;
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < section.Length; i++)
        {
            var ch = section[i];
            if (ch == '"') quoted = !quoted;
            if (ch != '[' || quoted) { sb.Append(ch); continue; }
            var end = section.IndexOf(']', i);
            if (end < 0) { sb.Append(ch); continue; }
            var inner = section[(i + 1)..end];
            var lower = inner.ToLowerInvariant();
            if (lower is "h" or "hh" or "m" or "mm" or "s" or "ss")
            {
                elapsed = lower[0];
                sb.Append('\u0001').Append(lower);
            }
            else if (inner.StartsWith('$'))
            {
                var symbol = inner[1..].Split('-')[0];
                if (symbol.Length > 0) sb.Append('"').Append(symbol).Append('"');
            }
            i = end;
        }
        return sb.ToString();
    }

    private static bool IsDateFormat(string section)
    {
        var quoted = false;
        for (var i = 0; i < section.Length; i++)
        {
            var ch = section[i];
            if (ch == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (ch == '\\') { i++; continue; }
            if ("yYmMdDhHsS".Contains(ch)) return true;
            if (ch == '上' && section[i..].StartsWith("上午/下午", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Turns an Excel number section into a .NET custom format (same placeholders) with literals quoted.</summary>
    private static string FormatNumber(double value, string section)
    {
        var net = new StringBuilder();
        var hasDigit = false;
        for (var i = 0; i < section.Length; i++)
        {
            var ch = section[i];
            switch (ch)
            {
                case '"':
                    var end = section.IndexOf('"', i + 1);
                    if (end < 0) end = section.Length;
                    AppendLiteral(net, section[(i + 1)..end]);
                    i = end;
                    break;
                case '\\' when i + 1 < section.Length:
                    AppendLiteral(net, section[++i].ToString());
                    break;
                case '_' when i + 1 < section.Length:
                    i++; // padding the width of the next character: nothing to show in text
                    break;
                case '*' when i + 1 < section.Length:
                    i++; // fill character: repeats to the column width, meaningless in text
                    break;
                case '0' or '#' or '?':
                    hasDigit = true;
                    net.Append(ch == '?' ? '#' : ch);
                    break;
                case '.' or ',' or '%':
                    net.Append(ch);
                    break;
                case 'E' or 'e' when i + 1 < section.Length && section[i + 1] is '+' or '-':
                    net.Append('E').Append(section[++i]);
                    break;
                default:
                    AppendLiteral(net, ch.ToString());
                    break;
            }
        }
        if (!hasDigit) return Unquote(net.ToString());
        return value.ToString(net.ToString(), CultureInfo.InvariantCulture).Trim();
    }

    private static void AppendLiteral(StringBuilder net, string text)
    {
        if (text.Length == 0) return;
        net.Append('\'').Append(text.Replace("'", "\\'")).Append('\'');
    }

    private static string Unquote(string netFormat) => netFormat.Replace("\\'", "\u0002").Replace("'", "").Replace("\u0002", "'");
}
