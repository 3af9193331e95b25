using System.Globalization;
using System.Text;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>Renders a date/time number format section (see <see cref="ExcelNumberFormat"/>).</summary>
internal static class ExcelDates
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>Serial date → DateTime; 1900 system counts the fictitious 1900-02-29 (serial 60), as Excel does.</summary>
    public static DateTime? ToDate(double serial, bool date1904)
    {
        if (serial < 0 || serial > 2958465) return null; // after 9999-12-31
        var start = date1904 ? new DateTime(1904, 1, 1) : serial < 60 ? new DateTime(1899, 12, 31) : new DateTime(1899, 12, 30);
        // Round to the millisecond: serials carry binary noise (0.5833333333 for 14:00).
        return start.AddMilliseconds(Math.Round(serial * 86_400_000d));
    }

    public static string? Format(double serial, string section, char? elapsed, bool date1904)
    {
        var date = ToDate(serial, date1904);
        if (date is null) return null;
        var d = date.Value;
        var tokens = Tokenize(section);
        var twelveHour = tokens.Any(t => t.Kind == 'a');
        var sb = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (kind, text) = tokens[i];
            switch (kind)
            {
                case 'y': sb.Append(text.Length <= 2 ? (d.Year % 100).ToString("00", CultureInfo.InvariantCulture) : d.Year.ToString(CultureInfo.InvariantCulture)); break;
                case 'm':
                    if (text.Length <= 2 && IsMinute(tokens, i)) sb.Append(text.Length == 2 ? d.Minute.ToString("00", CultureInfo.InvariantCulture) : d.Minute.ToString(CultureInfo.InvariantCulture));
                    else sb.Append(text.Length switch
                    {
                        1 => d.Month.ToString(CultureInfo.InvariantCulture),
                        2 => d.Month.ToString("00", CultureInfo.InvariantCulture),
                        3 => Months[d.Month - 1],
                        5 => MonthNames[d.Month - 1][..1],
                        _ => MonthNames[d.Month - 1],
                    });
                    break;
                case 'd':
                    sb.Append(text.Length switch
                    {
                        1 => d.Day.ToString(CultureInfo.InvariantCulture),
                        2 => d.Day.ToString("00", CultureInfo.InvariantCulture),
                        3 => d.ToString("ddd", CultureInfo.InvariantCulture),
                        _ => d.ToString("dddd", CultureInfo.InvariantCulture),
                    });
                    break;
                case 'h':
                    var hour = twelveHour ? (d.Hour % 12 == 0 ? 12 : d.Hour % 12) : d.Hour;
                    sb.Append(text.Length >= 2 ? hour.ToString("00", CultureInfo.InvariantCulture) : hour.ToString(CultureInfo.InvariantCulture));
                    break;
                case 's': sb.Append(text.Length >= 2 ? d.Second.ToString("00", CultureInfo.InvariantCulture) : d.Second.ToString(CultureInfo.InvariantCulture)); break;
                case 'f': sb.Append((d.Millisecond / Math.Pow(10, 3 - text.Length)).ToString(new string('0', text.Length), CultureInfo.InvariantCulture)[..text.Length]); break;
                case 'a': sb.Append(text == "上午/下午" ? (d.Hour < 12 ? "上午" : "下午") : text.Length == 3 ? (d.Hour < 12 ? "A" : "P") : (d.Hour < 12 ? "AM" : "PM")); break;
                case 'E':
                    var total = text[0] switch { 'h' => serial * 24, 'm' => serial * 1440, _ => serial * 86400 };
                    sb.Append(Math.Floor(total + 1e-9).ToString(new string('0', text.Length), CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(text); break;
            }
        }
        _ = elapsed;
        return sb.ToString();
    }

    /// <summary>m/mm means minutes right after an hour or right before a second (literals between don't count).</summary>
    private static bool IsMinute(List<(char Kind, string Text)> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (tokens[i].Kind == 'l') continue;
            if (tokens[i].Kind is 'h' || tokens[i] is ('E', ['h', ..])) return true;
            break;
        }
        for (var i = index + 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == 'l') continue;
            return tokens[i].Kind == 's';
        }
        return false;
    }

    private static List<(char Kind, string Text)> Tokenize(string section)
    {
        var tokens = new List<(char, string)>();
        for (var i = 0; i < section.Length; i++)
        {
            var ch = section[i];
            var lower = char.ToLowerInvariant(ch);
            if (ch == '"')
            {
                var end = section.IndexOf('"', i + 1);
                if (end < 0) end = section.Length;
                tokens.Add(('l', section[(i + 1)..end]));
                i = end;
            }
            else if (ch == '\\' && i + 1 < section.Length) tokens.Add(('l', section[++i].ToString()));
            else if (ch == '\u0001')
            {
                var j = i + 1;
                while (j < section.Length && char.IsLetter(section[j])) j++;
                tokens.Add(('E', section[(i + 1)..j]));
                i = j - 1;
            }
            else if (section[i..].StartsWith("AM/PM", StringComparison.OrdinalIgnoreCase)) { tokens.Add(('a', "AM/PM")); i += 4; }
            else if (section[i..].StartsWith("A/P", StringComparison.OrdinalIgnoreCase)) { tokens.Add(('a', "A/P")); i += 2; }
            else if (section[i..].StartsWith("上午/下午", StringComparison.Ordinal)) { tokens.Add(('a', "上午/下午")); i += 4; }
            else if (lower is 'y' or 'm' or 'd' or 'h' or 's' or 'e')
            {
                var j = i;
                while (j < section.Length && char.ToLowerInvariant(section[j]) == lower) j++;
                tokens.Add((lower == 'e' ? 'y' : lower, section[i..j].ToLowerInvariant()));
                i = j - 1;
            }
            else if (ch == '.' && tokens.Count > 0 && tokens[^1].Item1 == 's' && i + 1 < section.Length && section[i + 1] == '0')
            {
                var j = i + 1;
                while (j < section.Length && section[j] == '0') j++;
                tokens.Add(('l', "."));
                tokens.Add(('f', section[(i + 1)..j]));
                i = j - 1;
            }
            else if (ch is '_' or '*' && i + 1 < section.Length) i++;
            else tokens.Add(('l', ch.ToString()));
        }
        return tokens;
    }
}
